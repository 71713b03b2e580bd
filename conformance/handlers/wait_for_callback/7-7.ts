/** Requirement 7-7: the submitter always throws; 2 attempts 1 s apart, then the operation fails. */
import { createRetryStrategy, durable, waitForCallback } from '../../../shell/index.js'

const twoAttempts = createRetryStrategy({ maxAttempts: 2, initialDelay: { seconds: 1 }, backoffRate: 1, jitter: 'NONE' })

export const handler = durable(function* (name: string) {
  return yield* waitForCallback(
    name,
    async () => {
      throw new Error('submitter unavailable')
    },
    { retryStrategy: twoAttempts },
  )
})
