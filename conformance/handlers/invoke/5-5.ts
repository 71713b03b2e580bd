/** Requirement 5-5: invoke a target that throws; the InvokeError is not caught, so the execution fails. */
import { durable, invoke } from '../../../shell/index.js'
import { FAILING_FUNCTION } from './targets.js'

export const handler = durable(function* () {
  return yield* invoke<never>('failing-target', FAILING_FUNCTION)
})
