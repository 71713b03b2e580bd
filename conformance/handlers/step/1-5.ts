/** Requirement 1-5: a step that returns nothing; the execution result is null. */
import { durable, step } from '../../../shell/index.js'

const doNothing = async (): Promise<null> => null

export const handler = durable(function* () {
  return yield* step(doNothing)
})
