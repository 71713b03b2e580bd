/** Requirement 10-19: canonical dumps of the invocation-start and invocation-end info around a 2-second wait. */
import { durable, wait, type DurableInstrumentationPlugin } from '../../../shell/index.js'
import { dump, emitter, isTerminal } from './conf-plugin.js'

const out = emitter()
const plugin: DurableInstrumentationPlugin = {
  async onInvocationStart(info) {
    out.capture(info.executionArn)
    const { executionArn: _arn, executionInput: _input, ...rest } = info
    out.emit({ hook: 'invocation-start', ...dump(rest) })
  },
  async onInvocationEnd(info) {
    const { executionArn: _arn, executionInput: _input, executionResult: _result, ...rest } = info
    out.emit({ hook: 'invocation-end', ...dump(rest), terminal: isTerminal(info.status) })
  },
}

export const handler = durable(
  function* (event: string) {
    yield* wait({ seconds: 2 })
    return `done-${event}`
  },
  { plugins: [plugin] },
)
