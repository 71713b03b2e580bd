/** Requirement 6-2: the condition (state >= 5) already holds on the first check: no suspension. */
import { durable, waitForCondition } from '../../../shell/index.js'

export const handler = durable(function* () {
  return yield* waitForCondition(undefined, async (state: number) => state, {
    initialState: 5,
    waitStrategy: (state) => (state >= 5 ? { shouldContinue: false } : { shouldContinue: true, delay: { seconds: 1 } }),
  })
})
