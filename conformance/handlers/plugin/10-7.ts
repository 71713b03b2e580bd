/** Requirement 10-7: invocation-end reports FAILED when a no-retry step fails the execution. */
import { durable, step } from '../../../shell/index.js'
import { invocationStatusPlugin } from './conf-plugin.js'

const plugin = invocationStatusPlugin()

export const handler = durable(
  function* () {
    return yield* step(
      async () => {
        throw new Error('Step always fails')
      },
      { retryStrategy: () => ({ shouldRetry: false }) },
    )
  },
  { plugins: [plugin] },
)
