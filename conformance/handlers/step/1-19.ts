/** Requirement 1-19: a step that always throws, with no retries: the execution fails. */
import { durable, retryPresets, step } from '../../../shell/index.js'

export const handler = durable(function* () {
  return yield* step(
    async (): Promise<string> => {
      throw new Error('Permanent failure')
    },
    { retryStrategy: retryPresets.noRetry },
  )
})
