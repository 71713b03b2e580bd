/** Requirement 4-17: callback A (named input[0]) is created and awaited, then callback B (input[1]); both results returned. */
import { createCallback, durable } from '../../../shell/index.js'

export const handler = durable(function* ([nameA, nameB]: [string, string]) {
  const [resultA] = yield* createCallback(nameA)
  const a = yield* resultA
  const [resultB] = yield* createCallback(nameB)
  const b = yield* resultB
  return [a, b]
})
