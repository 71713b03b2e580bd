/** Requirement 7-15: the callback succeeds with no payload; the handler returns that empty result. */
import { durable, waitForCallback } from '../../../shell/index.js'

export const handler = durable(function* (name: string) {
  return yield* waitForCallback(name, async () => {})
})
