/** Requirement 4-1: a callback named by the input; the handler blocks on it and returns its result. */
import { createCallback, durable } from '../../../shell/index.js'

export const handler = durable(function* (name: string) {
  const [result] = yield* createCallback(name)
  return yield* result
})
