/** Requirement 10-1: invocation start/end hooks around a single greeting step that logs while it runs. */
import { durable, step } from '../../../shell/index.js'
import { invocationStatusPlugin } from './conf-plugin.js'

const plugin = invocationStatusPlugin()

export const handler = durable(
  function* (event: string) {
    return yield* step(async ({ logger }) => {
      logger.info(`Greeting step running for: ${event}`)
      return `Hello, ${event}!`
    })
  },
  { plugins: [plugin] },
)
