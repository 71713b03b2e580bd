/** Requirement 4-7: create a callback, run a step, then block on the callback, which fails (uncaught). */
import { createCallback, durable, step } from '../../../shell/index.js'

export const handler = durable(function* (name: string) {
  const [result] = yield* createCallback(name)
  yield* step(async () => 'step done')
  return yield* result
})
