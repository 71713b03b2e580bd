/** Requirement 1-20: a failing step caught by user code, then a second step with the fallback value. */
import { durable, retryPresets, step } from '../../../shell/index.js'

export const handler = durable(function* () {
  let value: string
  try {
    value = yield* step(
      async (): Promise<string> => {
        throw new Error('Step failed')
      },
      { retryStrategy: retryPresets.noRetry },
    )
  } catch {
    value = 'fallback_result'
  }
  const fallback = value
  return yield* step(async () => fallback)
})
