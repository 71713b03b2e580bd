/** Requirement 10-3: attempt hooks for a step that fails its first attempt and succeeds on the retry. */
import { durable, step, type DurableInstrumentationPlugin } from '../../../shell/index.js'
import { emitter, upperType } from './conf-plugin.js'

const out = emitter()
const plugin: DurableInstrumentationPlugin = {
  async onInvocationStart(info) {
    out.capture(info.executionArn)
  },
  async onOperationAttemptStart(info) {
    if (upperType(info) === 'STEP') out.emit({ hook: 'attempt-start', n: info.attempt, op: info.id })
  },
  async onOperationAttemptEnd(info) {
    if (upperType(info) === 'STEP') out.emit({ hook: 'attempt-end', n: info.attempt, outcome: info.outcome, op: info.id })
  },
}

export const handler = durable(
  function* () {
    return yield* step(
      async ({ attempt }) => {
        if (attempt === 1) throw new Error('Transient failure on first attempt')
        return 'Operation succeeded'
      },
      { retryStrategy: (_error, attempts) => (attempts < 3 ? { shouldRetry: true, delay: { seconds: 1 } } : { shouldRetry: false }) },
    )
  },
  { plugins: [plugin] },
)
