/** Requirement 10-7: invocation-end reports FAILED when a no-retry step fails the execution. */
import { durable, step, type DurableInstrumentationPlugin } from '../../../shell/index.js'
import { emitter } from './conf-plugin.js'

const out = emitter()
const plugin: DurableInstrumentationPlugin = {
  async onInvocationStart(info) {
    out.capture(info.executionArn)
    out.emit({ hook: 'invocation-start', first: info.isFirstInvocation })
  },
  async onInvocationEnd(info) {
    out.emit({ hook: 'invocation-end', status: info.status })
  },
}

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
