/**
 * Scenarios written with the official SDK 2.4 in which a parked operation is answered mid-invocation
 * through an in-process poll (PROTOCOL.md §6.3, TV19): a sibling branch runs a slow step while a wait
 * (or a step's retry delay) ends, the SDK sends an empty checkpoint at the end time, the live clock of
 * the fake service has by then ended the wait (readied the retry), and the execution continues and
 * finishes in the same invocation. They run on real time (about 1.6 s each), hence their own catalogue.
 */
import { withDurableExecution } from '@aws/durable-execution-sdk-js'
import { fakeClient } from './fake-client.js'
import type { Scenario } from './scenario-types.js'

const client = fakeClient

/** How long the sibling's step runs: well past the 1 s wait or retry delay, so the poll comes first. */
export const SLOW_STEP_MS = 1_600

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** TV19 (with 1 s and 1.6 s for 2 s and 5 s): the wait ends through a poll while "slow" runs. */
export const waitPolledWhileSiblingRuns: Scenario = {
  name: 'wait-polled-while-sibling-runs',
  liveClock: true,
  handler: withDurableExecution(async (_event, ctx) => {
    const r = await ctx.parallel([
      async (c) => {
        await c.wait('short', { seconds: 1 })
        return c.step('after-wait', async () => 'waited')
      },
      async (c) => c.step('slow', async () => {
        await sleep(SLOW_STEP_MS)
        return 'slow'
      }),
    ])
    return r.getResults()
  }, { client }),
  expected: { status: 'SUCCEEDED', result: ['waited', 'slow'] },
}

/** A failed attempt's 1 s retry delay ends through a poll while "slow" runs; attempt 2 runs in-process. */
export const retryPolledWhileSiblingRuns: Scenario = {
  name: 'retry-polled-while-sibling-runs',
  liveClock: true,
  handler: withDurableExecution(async (_event, ctx) => {
    const r = await ctx.parallel([
      async (c) => c.step('flaky', async (s) => {
        if (s.attempt === 1) throw new Error('first attempt fails')
        return `ok@${s.attempt}`
      }, { retryStrategy: (_e, n) => ({ shouldRetry: n < 3, delay: { seconds: 1 } }) }),
      async (c) => c.step('slow', async () => {
        await sleep(SLOW_STEP_MS)
        return 'slow'
      }),
    ])
    return r.getResults()
  }, { client }),
  expected: { status: 'SUCCEEDED', result: ['ok@2', 'slow'] },
}

/**
 * A callback has no end time: it is polled 1 s after it is awaited, finds nothing, and would poll
 * again 1 s later, but "slow" ends first and the invocation suspends; the answer comes in a new one.
 */
export const callbackPolledWhileSiblingRuns: Scenario = {
  name: 'callback-polled-while-sibling-runs',
  liveClock: true,
  handler: withDurableExecution(async (_event, ctx) => {
    const r = await ctx.parallel([
      async (c) => {
        const [answer] = await c.createCallback<string>('approval')
        return answer
      },
      async (c) => c.step('slow', async () => {
        await sleep(SLOW_STEP_MS)
        return 'slow'
      }),
    ])
    return r.getResults()
  }, { client }),
  callbacks: [{ outcome: 'succeed', result: 'yes', afterSeconds: 5 }],
  expected: { status: 'SUCCEEDED', result: ['yes', 'slow'] },
}

export const pollingScenarios: readonly Scenario[] = [waitPolledWhileSiblingRuns, retryPolledWhileSiblingRuns, callbackPolledWhileSiblingRuns]
