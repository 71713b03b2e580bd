/** Requirement 3-4: a named child context whose step throws with no retry; the execution fails with ChildContextError. */
import { childContext, durable, retryPresets, step } from '../../../shell/index.js'

export const handler = durable(function* () {
  return yield* childContext('failing-child', function* () {
    return yield* step(
      async (): Promise<string> => {
        throw new Error('step failed inside the child context')
      },
      { retryStrategy: retryPresets.noRetry },
    )
  })
})
