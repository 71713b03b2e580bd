/**
 * Requirement 3-12: a child context whose step crashes the Lambda process (process.exit) after
 * ContextStarted and StepStarted are checkpointed. The step body gives the checkpoint queue a moment
 * to flush StepStarted first (AT_LEAST_ONCE does not wait for it), as a real crash mid-step would.
 * The next invocation re-runs the step and records StepSucceeded without another StepStarted.
 * Only the first attempt of each execution crashes; the map stands in for "the process is gone".
 */
import { childContext, durable, step } from '../../../shell/index.js'

const crashed = new Set<string>()

export const handler = durable(function* (input: string, ctx) {
  return yield* childContext(function* () {
    return yield* step(async () => {
      if (!crashed.has(ctx.executionArn)) {
        crashed.add(ctx.executionArn)
        await new Promise((flushed) => setTimeout(flushed, 50))
        process.exit(1)
      }
      return input
    })
  })
})
