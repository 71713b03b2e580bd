/** Requirement 6-4: the initial state 5 seeds the first check; each state feeds the next, up to 8. */
import { durable, waitForCondition } from '../../../shell/index.js'

export const handler = durable(function* (threshold: number) {
  return yield* waitForCondition(undefined, async (state: number) => state + 1, {
    initialState: 5,
    waitStrategy: (state) => (state < threshold ? { shouldContinue: true, delay: { seconds: 1 } } : { shouldContinue: false }),
  })
})
