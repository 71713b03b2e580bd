/**
 * Requirement 3-17: a named child context that only logs the input (replay logging on) and returns
 * it, then a 2-second wait; the replay takes the child's recorded result, so the log appears once.
 */
import { childContext, durable, wait } from '../../../shell/index.js'

export const handler = durable(function* (input: string, ctx) {
  ctx.configureLogger({ modeAware: false })
  // eslint-disable-next-line require-yield
  const value = yield* childContext('log-only', function* () {
    ctx.logger.info(`child context logging ${input}`)
    return input
  })
  yield* wait({ seconds: 2 })
  return value
})
