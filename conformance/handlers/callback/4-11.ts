/** Requirement 4-11: a callback with a 3-second timeout, a 6-second wait, then the callback raises its timeout. */
import { createCallback, durable, wait } from '../../../shell/index.js'

export const handler = durable(function* (name: string) {
  const [result] = yield* createCallback(name, { timeout: { seconds: 3 } })
  yield* wait({ seconds: 6 })
  return yield* result
})
