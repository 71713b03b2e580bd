/** Requirement 10-8: operation-change reports the step's status change, within the full operation map. */
import { durable, step, type DurableInstrumentationPlugin } from '../../../shell/index.js'
import { emitter, upperType } from './conf-plugin.js'

const out = emitter()
const plugin: DurableInstrumentationPlugin = {
  async onInvocationStart(info) {
    out.capture(info.executionArn)
  },
  async onOperationChange(info) {
    for (const [id, op] of Object.entries(info.updatedOperations)) {
      if (upperType(op) === 'STEP') out.emit({ hook: 'operation-change', op: id, status: op.status, in_full_map: id in info.operations })
    }
  },
}

export const handler = durable(
  function* (event: string) {
    return yield* step(async () => `Hello, ${event}!`)
  },
  { plugins: [plugin] },
)
