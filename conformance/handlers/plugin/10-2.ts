/** Requirement 10-2: operation start/end hooks for a single greeting step. */
import { durable, step, type DurableInstrumentationPlugin } from '../../../shell/index.js'
import { emitter, upperType } from './conf-plugin.js'

const out = emitter()
const plugin: DurableInstrumentationPlugin = {
  async onInvocationStart(info) {
    out.capture(info.executionArn)
  },
  async onOperationStart(info) {
    if (upperType(info) === 'STEP') out.emit({ hook: 'operation-start', op: info.id })
  },
  async onOperationEnd(info) {
    if (upperType(info) === 'STEP') out.emit({ hook: 'operation-end', op: info.id, status: info.status })
  },
}

export const handler = durable(
  function* (event: string) {
    return yield* step(async () => `Hello, ${event}!`)
  },
  { plugins: [plugin] },
)
