/**
 * Scenarios written with the official SDK 2.4 for waitForCondition and the four promise combinators.
 * In 2.4 each combinator is a CONTEXT (RunInChildContext) whose id is taken lazily when it is awaited,
 * after the steps it combines (PROTOCOL.md §5.9, TV20, §12.1 #2). Rejections are made with no-retry
 * steps so that every scenario finishes in one or two invocations.
 */
import { withDurableExecution } from '@aws/durable-execution-sdk-js'
import { fakeClient } from './fake-client.js'
import type { Scenario } from './scenario-types.js'

const client = fakeClient
const noRetry = () => ({ shouldRetry: false })

/** TV11: state {n} incremented per check, polled every 5 s until n ≥ 2. */
export const waitForCondition: Scenario = {
  name: 'wait-for-condition',
  handler: withDurableExecution(async (_event, ctx) => {
    return ctx.waitForCondition<{ n: number }>('poll', async (s) => ({ n: s.n + 1 }), {
      initialState: { n: 0 },
      waitStrategy: (s) => (s.n >= 2 ? { shouldContinue: false } : { shouldContinue: true, delay: { seconds: 5 } }),
    })
  }, { client }),
  expected: { status: 'SUCCEEDED', result: { n: 2 } },
}

/** TV20 (2.4): two steps combined by a named promise.all. */
export const promiseAll: Scenario = {
  name: 'promise-all',
  handler: withDurableExecution(async (_event, ctx) => {
    const p1 = ctx.step(async () => 1)
    const p2 = ctx.step(async () => 2)
    return ctx.promise.all('both', [p1, p2])
  }, { client }),
  expected: { status: 'SUCCEEDED', result: [1, 2] },
}

/** allSettled over a success and a failure; the rejection is serialised as {name, message, stack}. */
export const promiseAllSettled: Scenario = {
  name: 'promise-all-settled',
  handler: withDurableExecution(async (_event, ctx) => {
    const ok = ctx.step('ok', async () => 'fine')
    const bad = ctx.step('bad', async (): Promise<string> => {
      throw new Error('broken')
    }, { retryStrategy: noRetry })
    const settled = await ctx.promise.allSettled('settle', [ok, bad])
    return settled.map((s) => (s.status === 'fulfilled' ? s.value : `rejected:${(s.reason as Error).message}`))
  }, { client }),
  expected: { status: 'SUCCEEDED', result: ['fine', 'rejected:broken'] },
}

/** any: the first step fails, the second succeeds, any resolves with it. */
export const promiseAny: Scenario = {
  name: 'promise-any',
  handler: withDurableExecution(async (_event, ctx) => {
    const bad = ctx.step('bad', async (): Promise<string> => {
      throw new Error('broken')
    }, { retryStrategy: noRetry })
    const ok = ctx.step('ok', async () => 'winner')
    return ctx.promise.any('first-ok', [bad, ok])
  }, { client }),
  expected: { status: 'SUCCEEDED', result: 'winner' },
}

/** race: a step against a 10 s wait; the step wins in the first invocation. */
export const promiseRace: Scenario = {
  name: 'promise-race',
  handler: withDurableExecution(async (_event, ctx) => {
    const fast = ctx.step('fast', async () => 'step')
    const slow = ctx.wait('slow', { seconds: 10 })
    const winner = await ctx.promise.race<unknown>('race', [fast, slow])
    return { winner }
  }, { client }),
  expected: { status: 'SUCCEEDED', result: { winner: 'step' } },
}

export const combinatorScenarios: readonly Scenario[] = [
  waitForCondition,
  promiseAll,
  promiseAllSettled,
  promiseAny,
  promiseRace,
]
