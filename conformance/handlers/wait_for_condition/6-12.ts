/** Requirement 6-12: waitForCondition up to the threshold (2), then a step that multiplies it by 10. */
import { durable, step, waitForCondition } from '../../../shell/index.js'

export const handler = durable(function* (threshold: number) {
  const reached = yield* waitForCondition(undefined, async (count: number) => count + 1, {
    initialState: 0,
    waitStrategy: (count) => (count < threshold ? { shouldContinue: true, delay: { seconds: 1 } } : { shouldContinue: false }),
  })
  return yield* step(async () => reached * 10)
})
