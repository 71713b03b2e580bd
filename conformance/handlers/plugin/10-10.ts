/** Requirement 10-10: operation start/end hooks for a 2-second wait across its suspension. */
import { durable, wait, type DurableInstrumentationPlugin } from '../../../shell/index.js'
import { emitter, upperType } from './conf-plugin.js'

const out = emitter()
const plugin: DurableInstrumentationPlugin = {
  async onInvocationStart(info) {
    out.capture(info.executionArn)
  },
  async onOperationStart(info) {
    if (upperType(info) === 'WAIT') out.emit({ hook: 'operation-start', op: info.id, type: upperType(info) })
  },
  async onOperationEnd(info) {
    if (upperType(info) === 'WAIT') out.emit({ hook: 'operation-end', op: info.id, type: upperType(info), status: info.status })
  },
}

export const handler = durable(
  function* () {
    yield* wait({ seconds: 2 })
  },
  { plugins: [plugin] },
)
