/** Requirement 7-14: a 3-second timeout, caught by the handler, which returns a recovery message. */
import { durable, waitForCallback } from '../../../shell/index.js'

export const handler = durable(function* (name: string) {
  try {
    return yield* waitForCallback(name, async () => {}, { timeout: { seconds: 3 } })
  } catch {
    return 'timed-out-handled'
  }
})
