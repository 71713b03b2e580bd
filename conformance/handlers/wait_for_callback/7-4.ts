/** Requirement 7-4: the external system fails the callback and the handler does not catch it. */
import { durable, waitForCallback } from '../../../shell/index.js'

export const handler = durable(function* (name: string) {
  return yield* waitForCallback(name, async () => {})
})
