/** Requirement 3-2: a child context named by `input.name` holding one step that returns `input.value`. */
import { childContext, durable, step } from '../../../shell/index.js'

export const handler = durable(function* (input: { name: string; value: string }) {
  return yield* childContext(input.name, function* () {
    return yield* step(async () => input.value)
  })
})
