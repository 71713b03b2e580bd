/**
 * Requirement 3-11: a named child context logs the input (replay logging on), runs a step returning
 * a small value, and builds a result over 256 KB, so its ContextSucceeded has no payload and
 * ReplayChildren; after a 2-second wait the replay re-runs the child (logging again) to rebuild it.
 */
import { childContext, durable, step, wait } from '../../../shell/index.js'

const LARGE_RESULT_CHARS = 300_000

export const handler = durable(function* (input: string, ctx) {
  ctx.configureLogger({ modeAware: false })
  const large = yield* childContext('large-result', function* () {
    ctx.logger.info(`child context running for ${input}`)
    const seed = yield* step(async () => input.slice(0, 1))
    return seed.repeat(LARGE_RESULT_CHARS)
  })
  yield* wait({ seconds: 2 })
  return { length: large.length }
})
