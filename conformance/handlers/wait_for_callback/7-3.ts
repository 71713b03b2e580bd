/** Requirement 7-3: waitForCallback with only an inline submitter: no name on the operation. */
import { durable, waitForCallback } from '../../../shell/index.js'

export const handler = durable(function* () {
  return yield* waitForCallback(async () => {})
})
