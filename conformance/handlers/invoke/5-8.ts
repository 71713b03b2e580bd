/** Requirement 5-8: invoke the echo target with `event.payload` and the tenantId `event.tenantId`. */
import { durable, invoke } from '../../../shell/index.js'
import { ECHO_FUNCTION } from './targets.js'

export const handler = durable(function* (event: { tenantId: string; payload: string }) {
  return yield* invoke<string>('tenant-echo', ECHO_FUNCTION, event.payload, { tenantId: event.tenantId })
})
