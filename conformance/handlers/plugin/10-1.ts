/** Requirement 10-1: invocation start/end hooks around a single greeting step that logs while it runs. */
import { durable, step, type DurableInstrumentationPlugin } from '../../../shell/index.js'
import { emitter } from './conf-plugin.js'

const out = emitter()
const plugin: DurableInstrumentationPlugin = {
  async onInvocationStart(info) {
    out.capture(info.executionArn)
    out.emit({ hook: 'invocation-start', first: info.isFirstInvocation })
  },
  async onInvocationEnd(info) {
    out.emit({ hook: 'invocation-end', status: info.status })
  },
}

export const handler = durable(
  function* (event: string) {
    return yield* step(async ({ logger }) => {
      logger.info(`Greeting step running for: ${event}`)
      return `Hello, ${event}!`
    })
  },
  { plugins: [plugin] },
)
