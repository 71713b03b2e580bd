/** Requirement 7-13: a 10-second heartbeat timeout; a heartbeat, then a success payload. */
import { durable, waitForCallback } from '../../../shell/index.js'

export const handler = durable(function* (name: string) {
  return yield* waitForCallback(name, async () => {}, { heartbeatTimeout: { seconds: 10 } })
})
