/** Requirement 6-6: a fixed-delay strategy of at most 3 attempts whose condition never holds. */
import { createWaitStrategy, durable, waitForCondition } from '../../../shell/index.js'

export const handler = durable(function* () {
  return yield* waitForCondition(undefined, async (count: number) => count + 1, {
    initialState: 0,
    waitStrategy: createWaitStrategy<number>({
      shouldContinuePolling: () => true,
      maxAttempts: 3,
      initialDelay: { seconds: 1 },
      backoffRate: 1,
      jitter: 'NONE',
    }),
  })
})
