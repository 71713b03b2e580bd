/** Requirement 10-14: operation-end carries the checkpointed result on success and the error on failure. */
import { durable, step, type DurableInstrumentationPlugin } from '../../../shell/index.js'
import { emitter, upperType } from './conf-plugin.js'

const out = emitter()
const plugin: DurableInstrumentationPlugin = {
  async onInvocationStart(info) {
    out.capture(info.executionArn)
  },
  async onOperationEnd(info) {
    if (upperType(info) !== 'STEP') return
    out.emit({ hook: 'operation-end', op: info.id, status: info.status, result: info.result ?? 'NONE', error: info.error?.message ?? 'NONE' })
  },
}

export const handler = durable(
  function* () {
    yield* step(async () => 'task-a')
    return yield* step(
      async () => {
        throw new Error('boom')
      },
      { retryStrategy: () => ({ shouldRetry: false }) },
    )
  },
  { plugins: [plugin] },
)
