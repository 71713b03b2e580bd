/** Requirement 6-10: the check returns null and the strategy stops at once: the result is null. */
import { durable, waitForCondition } from '../../../shell/index.js'

export const handler = durable(function* () {
  return yield* waitForCondition<null>(undefined, async () => null, {
    initialState: null,
    waitStrategy: () => ({ shouldContinue: false }),
  })
})
