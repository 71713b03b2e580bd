/** Requirement 1-13: a step that fails twice, then succeeds, under the default retry strategy. */
import { durable, step } from '../../../shell/index.js'

export const handler = durable(function* () {
  return yield* step(async ({ attempt }) => {
    if (attempt <= 2) throw new Error(`Failure on attempt ${attempt}`)
    return `Succeeded on attempt ${attempt}`
  })
})
