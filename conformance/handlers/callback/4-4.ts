/** Requirement 4-4: a callback with a 5-second heartbeat timeout and no heartbeat; the execution fails. */
import { createCallback, durable } from '../../../shell/index.js'

export const handler = durable(function* (name: string) {
  const [result] = yield* createCallback(name, { heartbeatTimeout: { seconds: 5 } })
  return yield* result
})
