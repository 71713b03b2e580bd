/** Requirement 7-5: a 3-second timeout that nobody beats: the timeout error fails the execution. */
import { durable, waitForCallback } from '../../../shell/index.js'

export const handler = durable(function* (name: string) {
  return yield* waitForCallback(name, async () => {}, { timeout: { seconds: 3 } })
})
