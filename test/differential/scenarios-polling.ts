/**
 * Our API's versions of the in-process polling scenarios (test/support/official-scenarios-polling.ts,
 * TV19): a wait, a step's retry delay and a callback, parked while a sibling branch's slow step runs.
 * Names, expectations and the live clock match the official scenarios.
 */
import { createCallback, durable, parallel, step, wait } from '../../shell/index.js'
import { fakeClient } from '../support/fake-client.js'
import { SLOW_STEP_MS, sleep } from '../support/official-scenarios-polling.js'
import type { Scenario } from '../support/scenario-types.js'

const client = fakeClient

const slow = () =>
  step('slow', async () => {
    await sleep(SLOW_STEP_MS)
    return 'slow'
  })

export const waitPolledWhileSiblingRuns: Scenario = {
  name: 'wait-polled-while-sibling-runs',
  liveClock: true,
  handler: durable(function* () {
    const r = yield* parallel<string>([
      function* () {
        yield* wait('short', { seconds: 1 })
        return yield* step('after-wait', async () => 'waited')
      },
      slow,
    ])
    return r.getResults()
  }, { client }),
  expected: { status: 'SUCCEEDED', result: ['waited', 'slow'] },
}

export const retryPolledWhileSiblingRuns: Scenario = {
  name: 'retry-polled-while-sibling-runs',
  liveClock: true,
  handler: durable(function* () {
    const r = yield* parallel<string>([
      () =>
        step('flaky', async ({ attempt }) => {
          if (attempt === 1) throw new Error('first attempt fails')
          return `ok@${attempt}`
        }, { retryStrategy: (_e, n) => ({ shouldRetry: n < 3, delay: { seconds: 1 } }) }),
      slow,
    ])
    return r.getResults()
  }, { client }),
  expected: { status: 'SUCCEEDED', result: ['ok@2', 'slow'] },
}

export const callbackPolledWhileSiblingRuns: Scenario = {
  name: 'callback-polled-while-sibling-runs',
  liveClock: true,
  handler: durable(function* () {
    const r = yield* parallel<string>([
      function* () {
        const [answer] = yield* createCallback<string>('approval')
        return yield* answer
      },
      slow,
    ])
    return r.getResults()
  }, { client }),
  callbacks: [{ outcome: 'succeed', result: 'yes', afterSeconds: 5 }],
  expected: { status: 'SUCCEEDED', result: ['yes', 'slow'] },
}

export const pollingScenarios: readonly Scenario[] = [waitPolledWhileSiblingRuns, retryPolledWhileSiblingRuns, callbackPolledWhileSiblingRuns]
