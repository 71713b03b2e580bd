/** Requirement 10-16: invocation-end fires for every invocation: non-terminal on suspension, terminal at the end. */
import { durable, wait, type DurableInstrumentationPlugin } from '../../../shell/index.js'
import { emitter, isTerminal } from './conf-plugin.js'

const out = emitter()
const plugin: DurableInstrumentationPlugin = {
  async onInvocationStart(info) {
    out.capture(info.executionArn)
    out.emit({ hook: 'invocation-start', first: info.isFirstInvocation })
  },
  async onInvocationEnd(info) {
    out.emit({ hook: 'invocation-end', first: info.isFirstInvocation, terminal: isTerminal(info.status), status: info.status })
  },
}

export const handler = durable(
  function* () {
    yield* wait({ seconds: 2 })
  },
  { plugins: [plugin] },
)
