/** Requirement 4-12: block on a callback, then wait 2 seconds, then return the callback result (3 invocations). */
import { createCallback, durable, wait } from '../../../shell/index.js'

export const handler = durable(function* (name: string) {
  const [result] = yield* createCallback(name)
  const value = yield* result
  yield* wait({ seconds: 2 })
  return value
})
