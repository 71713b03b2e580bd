/** Requirement 1-2: a single step with the explicit name `custom_step_name`. */
import { durable, step } from '../../../shell/index.js'

export const handler = durable(function* (event: string) {
  return yield* step('custom_step_name', async () => `Hello, ${event}!`)
})
