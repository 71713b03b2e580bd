/** Requirement 6-5: a fixed 2-second wait strategy (no jitter, no backoff) until the threshold (3). */
import { createWaitStrategy, durable, waitForCondition } from '../../../shell/index.js'

export const handler = durable(function* (threshold: number) {
  return yield* waitForCondition(undefined, async (count: number) => count + 1, {
    initialState: 0,
    waitStrategy: createWaitStrategy<number>({
      shouldContinuePolling: (count) => count < threshold,
      initialDelay: { seconds: 2 },
      backoffRate: 1,
      jitter: 'NONE',
    }),
  })
})
