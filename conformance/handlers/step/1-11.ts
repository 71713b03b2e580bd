/** Requirement 1-11: a step that fails its first attempt and succeeds on the retry (1 s delay). */
import { durable, step, type RetryStrategy } from '../../../shell/index.js'

const retryOnce: RetryStrategy = (_error, attemptsMade) => (attemptsMade < 3 ? { shouldRetry: true, delay: { seconds: 1 } } : { shouldRetry: false })

export const handler = durable(function* () {
  return yield* step(
    async ({ attempt }) => {
      if (attempt === 1) throw new Error('Transient failure on first attempt')
      return 'Operation succeeded'
    },
    { retryStrategy: retryOnce },
  )
})
