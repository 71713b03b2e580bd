/** Requirement 3-1: a child context holding one step that returns the input; the context returns the step result. */
import { childContext, durable, step } from '../../../shell/index.js'

export const handler = durable(function* (input: string) {
  return yield* childContext(function* () {
    return yield* step(async () => input)
  })
})
