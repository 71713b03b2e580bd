/** Requirement 3-13: a named child context holding only a 2-second wait (returns the input), then a step outside it. */
import { childContext, durable, step, wait } from '../../../shell/index.js'

export const handler = durable(function* (input: string) {
  const fromChild = yield* childContext('wait-only', function* () {
    yield* wait({ seconds: 2 })
    return input
  })
  return yield* step(async () => fromChild)
})
