/** Requirement 3-6: an outer child context with a step and an inner child context with its own step; both return the input. */
import { childContext, durable, step } from '../../../shell/index.js'

export const handler = durable(function* (input: string) {
  return yield* childContext('outer', function* () {
    yield* step(async () => input)
    return yield* childContext('inner', function* () {
      return yield* step(async () => input)
    })
  })
})
