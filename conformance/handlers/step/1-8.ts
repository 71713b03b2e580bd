/** Requirement 1-8: a step then a 2-second wait; the replay after the wait skips the step. */
import { durable, step, wait } from '../../../shell/index.js'

export const handler = durable(function* () {
  const value = yield* step(async () => 'computed')
  yield* wait({ seconds: 2 })
  return value
})
