/** Requirement 5-4: invoke the echo target with null; return the null result. */
import { durable, invoke } from '../../../shell/index.js'
import { ECHO_FUNCTION } from './targets.js'

export const handler = durable(function* () {
  return yield* invoke<null>('echo-null', ECHO_FUNCTION, null)
})
