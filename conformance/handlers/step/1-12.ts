/** Requirement 1-12: a step that always fails, retried with 4 attempts in all at a fixed 1 s delay. */
import { createRetryStrategy, durable, step } from '../../../shell/index.js'

const fourAttempts = createRetryStrategy({ maxAttempts: 4, initialDelay: { seconds: 1 }, backoffRate: 1, jitter: 'NONE' })

export const handler = durable(function* () {
  return yield* step(
    async (): Promise<string> => {
      throw new Error('Always fails')
    },
    { retryStrategy: fourAttempts },
  )
})
