/** Requirement 4-9: create a callback, wait 5 seconds (the callback resolves meanwhile), then return its result. */
import { createCallback, durable, wait } from '../../../shell/index.js'

export const handler = durable(function* (name: string) {
  const [result] = yield* createCallback(name)
  yield* wait({ seconds: 5 })
  return yield* result
})
