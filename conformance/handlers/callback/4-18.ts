/** Requirement 4-18: callbacks A and B are both created first, then awaited in order; both results returned. */
import { createCallback, durable } from '../../../shell/index.js'

export const handler = durable(function* ([nameA, nameB]: [string, string]) {
  const [resultA] = yield* createCallback(nameA)
  const [resultB] = yield* createCallback(nameB)
  const a = yield* resultA
  const b = yield* resultB
  return [a, b]
})
