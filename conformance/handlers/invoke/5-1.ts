/** Requirement 5-1: invoke the echo target with the event; return the invoke result. */
import { durable, invoke } from '../../../shell/index.js'
import { ECHO_FUNCTION } from './targets.js'

export const handler = durable(function* (event: string) {
  return yield* invoke<string>('echo', ECHO_FUNCTION, event)
})
