/** Requirement 5-2: invoke the echo target named by `event.name` with `event.payload`. */
import { durable, invoke } from '../../../shell/index.js'
import { ECHO_FUNCTION } from './targets.js'

export const handler = durable(function* (event: { name: string; payload: string }) {
  return yield* invoke<string>(event.name, ECHO_FUNCTION, event.payload)
})
