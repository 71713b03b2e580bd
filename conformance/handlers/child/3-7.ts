/** Requirement 3-7: a named child context whose step fails its first attempt and returns the input on the retry. */
import { childContext, durable, step, type RetryStrategy } from '../../../shell/index.js'

const retryOnceAfterOneSecond: RetryStrategy = (_error, attemptsMade) => (attemptsMade < 2 ? { shouldRetry: true, delay: { seconds: 1 } } : { shouldRetry: false })

export const handler = durable(function* (input: string) {
  return yield* childContext('retrying-child', function* () {
    return yield* step(
      async ({ attempt }) => {
        if (attempt === 1) throw new Error('transient failure on the first attempt')
        return input
      },
      { retryStrategy: retryOnceAfterOneSecond },
    )
  })
})
