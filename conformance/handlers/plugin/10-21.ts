/** Requirement 10-21: canonical dumps of the attempt-start and attempt-end info of a step retried once. */
import { durable, step, type DurableInstrumentationPlugin } from '../../../shell/index.js'
import { dump, emitter, upperType } from './conf-plugin.js'

const out = emitter()
const plugin: DurableInstrumentationPlugin = {
  async onInvocationStart(info) {
    out.capture(info.executionArn)
  },
  async onOperationAttemptStart(info) {
    if (upperType(info) === 'STEP') out.emit({ hook: 'attempt-start', ...dump(info), type: upperType(info) })
  },
  async onOperationAttemptEnd(info) {
    if (upperType(info) === 'STEP') out.emit({ hook: 'attempt-end', ...dump(info), type: upperType(info) })
  },
}

export const handler = durable(
  function* () {
    return yield* step(
      'flaky',
      async ({ attempt }) => {
        if (attempt === 1) throw new Error('flaky failure on attempt 1')
        return 'ok'
      },
      { retryStrategy: (_error, attempts) => (attempts < 3 ? { shouldRetry: true, delay: { seconds: 1 } } : { shouldRetry: false }) },
    )
  },
  { plugins: [plugin] },
)
