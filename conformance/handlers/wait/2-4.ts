/** Requirement 2-4: a wait given in minutes, checkpointed as 60 seconds. */
import { durable, wait } from '../../../shell/index.js'

export const handler = durable(function* () {
  yield* wait({ minutes: 1 })
  return null
})
