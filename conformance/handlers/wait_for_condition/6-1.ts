/** Requirement 6-1: count up from 0, one poll per invocation, until the input threshold (3). */
import { durable, waitForCondition } from '../../../shell/index.js'

export const handler = durable(function* (threshold: number) {
  return yield* waitForCondition(undefined, async (count: number) => count + 1, {
    initialState: 0,
    waitStrategy: (count) => (count < threshold ? { shouldContinue: true, delay: { seconds: 1 } } : { shouldContinue: false }),
  })
})
