/** Requirement 10-20: canonical dumps of the operation-start and operation-end info of the step "greet". */
import { durable, step, type DurableInstrumentationPlugin } from '../../../shell/index.js'
import { dump, emitter, upperType } from './conf-plugin.js'

const out = emitter()
const plugin: DurableInstrumentationPlugin = {
  async onInvocationStart(info) {
    out.capture(info.executionArn)
  },
  async onOperationStart(info) {
    if (upperType(info) === 'STEP') out.emit({ hook: 'operation-start', ...dump(info), type: upperType(info) })
  },
  async onOperationEnd(info) {
    if (upperType(info) === 'STEP') out.emit({ hook: 'operation-end', ...dump(info), type: upperType(info) })
  },
}

export const handler = durable(
  function* () {
    return yield* step('greet', async () => 'task-a')
  },
  { plugins: [plugin] },
)
