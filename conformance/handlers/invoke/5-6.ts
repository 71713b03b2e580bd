/** Requirement 5-6: invoke a target that throws inside try/catch; return a fallback value. */
import { durable, invoke, InvokeError } from '../../../shell/index.js'
import { FAILING_FUNCTION } from './targets.js'

export const handler = durable(function* () {
  try {
    return yield* invoke<string>('failing-target', FAILING_FUNCTION)
  } catch (error) {
    if (!(error instanceof InvokeError)) throw error
    return { fallback: true, error: error.message }
  }
})
