/** Requirement 10-18: a wait still open in a replay re-fires operation-start with replay=true and pending=true. */
import { durable, parallel, wait, type DurableInstrumentationPlugin } from '../../../shell/index.js'
import { emitter, isTerminal, upperType } from './conf-plugin.js'

const out = emitter()
const plugin: DurableInstrumentationPlugin = {
  async onInvocationStart(info) {
    out.capture(info.executionArn)
  },
  async onOperationStart(info) {
    if (upperType(info) !== 'WAIT') return
    out.emit({ hook: 'operation-start', type: 'WAIT', name: info.name, replay: info.isReplay, pending: !isTerminal(info.status) })
  },
  async onOperationEnd(info) {
    if (upperType(info) === 'WAIT') out.emit({ hook: 'operation-end', type: 'WAIT', name: info.name, status: info.status })
  },
}

export const handler = durable(
  function* () {
    const result = yield* parallel(
      'waits',
      [
        function* () {
          yield* wait('short', { seconds: 2 })
          return 'short-done'
        },
        function* () {
          yield* wait('long', { seconds: 8 })
          return 'long-done'
        },
      ],
      { maxConcurrency: 2 },
    )
    return result.getResults()
  },
  { plugins: [plugin] },
)
