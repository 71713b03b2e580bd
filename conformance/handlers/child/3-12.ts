/**
 * Requirement 3-12: a child context whose step "crashes the Lambda process" after ContextStarted and
 * StepStarted are checkpointed. In the embedded engine the process is shared, so the crash is the
 * invocation ending with a Runtime.ExitError while the step body never finishes; the next invocation
 * re-runs the step (at-least-once) and records StepSucceeded without another StepStarted.
 */
import { childContext, durable, step } from '../../../shell/index.js'

/** Executions that already crashed once (a real crash would lose this; the engine keeps the process). */
const crashed = new Set<string>()

const workflow = durable(function* (input: string, ctx) {
  return yield* childContext(function* () {
    return yield* step(async () => {
      if (!crashed.has(ctx.executionArn)) {
        crashed.add(ctx.executionArn)
        crash.get(ctx.executionArn)?.()
        return new Promise<string>(() => {})
      }
      return input
    })
  })
})

const crash = new Map<string, () => void>()

class ExitError extends Error {
  override readonly name = 'Runtime.ExitError'
}

/** Races the workflow against the crash signal; the crash fires once StepStarted has been flushed. */
export const handler = (event: { DurableExecutionArn: string }, context?: Parameters<typeof workflow>[1]) =>
  new Promise((resolve, reject) => {
    const arn = event.DurableExecutionArn
    crash.set(arn, () => setTimeout(() => reject(new ExitError('RequestId: crashed Error: Runtime exited with error: exit status 1')), 50))
    workflow(event, context).then(resolve, reject)
  })
