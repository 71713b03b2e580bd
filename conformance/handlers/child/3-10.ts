/** Requirement 3-10: a named child context with a step (returns the input) followed by a 2-second wait. */
import { childContext, durable, step, wait } from '../../../shell/index.js'

export const handler = durable(function* (input: string) {
  return yield* childContext('step-then-wait', function* () {
    const value = yield* step(async () => input)
    yield* wait({ seconds: 2 })
    return value
  })
})
