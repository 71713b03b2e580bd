/**
 * Requirement 1-18: an at-most-once-per-retry step that logs the input each time it runs and crashes
 * the Lambda process (process.exit) on its first attempt. The next invocation finds the step started
 * but unfinished, records it as interrupted and retries; the second attempt succeeds.
 */
import { createRetryStrategy, durable, step } from '../../../shell/index.js'

const retry = createRetryStrategy({ maxAttempts: 3, initialDelay: { seconds: 1 }, backoffRate: 1, jitter: 'NONE' })

export const handler = durable(function* (input: string) {
  return yield* step(
    async ({ logger, attempt }) => {
      logger.info(input)
      if (attempt === 1) process.exit(1)
      return 'succeeded on second attempt'
    },
    { semantics: 'AT_MOST_ONCE_PER_RETRY', retryStrategy: retry },
  )
})
