/**
 * Scenarios written with the official SDK 2.4: steps, waits, retries, results and handler failures.
 * Each one is the oracle for the scenario of the same `name` written with our API; where a PROTOCOL.md
 * §12 vector exists the workflow is exactly that vector's (named in the comment), so the vector tests
 * and the differential tests exercise the same code. Durations are short but real seconds: the fake
 * service's virtual clock skips them, and the SDK suspends instead of sleeping.
 */
import { StepSemantics, withDurableExecution } from '@aws/durable-execution-sdk-js'
import { fakeClient } from './fake-client.js'
import type { Scenario } from './scenario-types.js'

const client = fakeClient

/** Three named steps feeding each other. */
export const sequentialSteps: Scenario = {
  name: 'sequential-steps',
  input: { n: 2 },
  handler: withDurableExecution(async (event: { n: number }, ctx) => {
    const a = await ctx.step('double', async () => event.n * 2)
    const b = await ctx.step('add-one', async () => a + 1)
    const c = await ctx.step('square', async () => b * b)
    return { a, b, c }
  }, { client }),
  expected: { status: 'SUCCEEDED', result: { a: 4, b: 5, c: 25 } },
}

/** TV1: step, wait, unnamed step across two invocations. */
export const stepWaitStep: Scenario = {
  name: 'step-wait-step',
  input: { x: 1 },
  handler: withDurableExecution(async (event: { x: number }, ctx) => {
    const a = await ctx.step('add', async () => event.x + 1)
    await ctx.wait('pause', { seconds: 10 })
    const b = await ctx.step(async () => a * 10)
    return { a, b }
  }, { client }),
  expected: { status: 'SUCCEEDED', result: { a: 2, b: 20 } },
}

/** TV3: the first attempt throws a TypeError, the retry (3 s later) succeeds with the attempt number. */
export const retryThenSuccess: Scenario = {
  name: 'retry-then-success',
  handler: withDurableExecution(async (_event, ctx) => {
    return ctx.step(
      'flaky',
      async ({ attempt }) => {
        if (attempt === 1) throw new TypeError('boom')
        return `ok@${attempt}`
      },
      { retryStrategy: (_e, n) => ({ shouldRetry: n < 3, delay: { seconds: 3 } }) },
    )
  }, { client }),
  expected: { status: 'SUCCEEDED', result: 'ok@2' },
}

/** TV4 (fresh) and §12.1 #5: an at-most-once step (START confirmed alone first), then an ordinary one. */
export const atMostOnceStep: Scenario = {
  name: 'at-most-once-step',
  handler: withDurableExecution(async (_event, ctx) => {
    const charged = await ctx.step('charge', async () => 'charged', { semantics: StepSemantics.AtMostOncePerRetry })
    const receipt = await ctx.step('receipt', async () => `${charged}:receipt`)
    return { charged, receipt }
  }, { client }),
  expected: { status: 'SUCCEEDED', result: { charged: 'charged', receipt: 'charged:receipt' } },
}

/** A named and an unnamed wait, each suspending the invocation, then a step. */
export const waits: Scenario = {
  name: 'waits',
  handler: withDurableExecution(async (_event, ctx) => {
    await ctx.wait('first', { seconds: 5 })
    await ctx.wait({ minutes: 1, seconds: 1 })
    return ctx.step('after', async () => 'done')
  }, { client }),
  expected: { status: 'SUCCEEDED', result: 'done' },
}

/** TV6: `undefined` from a step and a child context travel without Payload. */
export const undefinedResults: Scenario = {
  name: 'undefined-results',
  handler: withDurableExecution(async (_event, ctx) => {
    await ctx.step('fetch-user', async () => undefined)
    await ctx.runInChildContext('parent', async () => undefined)
    await ctx.wait({ seconds: 1 })
    return 'result'
  }, { client }),
  expected: { status: 'SUCCEEDED', result: 'result' },
}

/** TV7: a step, then the handler throws; the execution FAILS with the error's name and message. */
export const handlerThrows: Scenario = {
  name: 'handler-throws',
  handler: withDurableExecution(async (_event, ctx) => {
    await ctx.step('before', async () => 1)
    throw new Error('Intentional handler failure')
  }, { client }),
  expected: { status: 'FAILED' },
}

/** TV16: a handler result above 6 MiB is checkpointed as an EXECUTION SUCCEED and answered with `Result: ""`. */
export const handlerResultAbove6MiB: Scenario = {
  name: 'handler-result-above-6mib',
  handler: withDurableExecution(async (_event, ctx) => {
    const size = await ctx.step('size', async () => 6 * 1024 * 1024)
    return { d: 'y'.repeat(size) }
  }, { client }),
  expected: { status: 'SUCCEEDED' },
}

export const basicScenarios: readonly Scenario[] = [
  sequentialSteps,
  stepWaitStep,
  retryThenSuccess,
  atMostOnceStep,
  waits,
  undefinedResults,
  handlerThrows,
  handlerResultAbove6MiB,
]
