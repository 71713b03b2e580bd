/** Requirement 1-15: the retry strategy retries only a TransientError; the step throws one once. */
import { durable, step, type RetryStrategy } from '../../../shell/index.js'

class TransientError extends Error {
  override name = 'TransientError'
}

const retryOnTransient: RetryStrategy = (error, attemptsMade) =>
  error instanceof TransientError && attemptsMade < 3 ? { shouldRetry: true, delay: { seconds: 1 } } : { shouldRetry: false }

export const handler = durable(function* () {
  return yield* step(
    async ({ attempt }) => {
      if (attempt === 1) throw new TransientError('Temporary glitch')
      return 'recovered'
    },
    { retryStrategy: retryOnTransient },
  )
})
