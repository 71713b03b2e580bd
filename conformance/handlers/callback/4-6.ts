/** Requirement 4-6: the external system fails the callback; the handler does not catch, so the execution fails. */
import { createCallback, durable } from '../../../shell/index.js'

export const handler = durable(function* (name: string) {
  const [result] = yield* createCallback(name)
  return yield* result
})
