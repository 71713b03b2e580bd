/** Requirement 7-10: a 1-second wait, a top-level step, then waitForCallback named after the input. */
import { durable, step, wait, waitForCallback } from '../../../shell/index.js'

export const handler = durable(function* (name: string) {
  yield* wait({ seconds: 1 })
  yield* step(async () => ({ prepared: true }))
  return yield* waitForCallback(name, async () => {})
})
