/** Requirement 4-3: a callback with a 5-second timeout that nobody completes; the execution fails. */
import { createCallback, durable } from '../../../shell/index.js'

export const handler = durable(function* (name: string) {
  const [result] = yield* createCallback(name, { timeout: { seconds: 5 } })
  return yield* result
})
