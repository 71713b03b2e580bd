/** Requirement 2-1: a single 2-second wait. */
import { durable, wait } from '../../../shell/index.js'

export const handler = durable(function* () {
  yield* wait({ seconds: 2 })
  return null
})
