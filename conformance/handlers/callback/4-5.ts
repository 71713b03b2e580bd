/** Requirement 4-5: a callback with a 10-second heartbeat timeout, kept alive by a heartbeat, then completed. */
import { createCallback, durable } from '../../../shell/index.js'

export const handler = durable(function* (name: string) {
  const [result] = yield* createCallback(name, { heartbeatTimeout: { seconds: 10 } })
  return yield* result
})
