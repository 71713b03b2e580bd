/**
 * Our API's versions of the waitForCondition and combinator oracle scenarios
 * (official-scenarios-combinators.ts). The combined operations are passed unstarted; the combinator
 * forks them in the current context and joins them inside its own context, as the official 2.4 does.
 */
import { all, allSettled, any, durable, race, step, wait, waitForCondition } from '../../shell/index.js'
import { fakeClient } from '../support/fake-client.js'
import type { Scenario } from '../support/scenario-types.js'

const client = fakeClient
const noRetry = () => ({ shouldRetry: false }) as const

export const waitForConditionScenario: Scenario = {
  name: 'wait-for-condition',
  handler: durable(function* () {
    return yield* waitForCondition<{ n: number }>('poll', async (s) => ({ n: s.n + 1 }), {
      initialState: { n: 0 },
      waitStrategy: (s) => (s.n >= 2 ? { shouldContinue: false } : { shouldContinue: true, delay: { seconds: 5 } }),
    })
  }, { client }),
  expected: { status: 'SUCCEEDED', result: { n: 2 } },
}

export const promiseAll: Scenario = {
  name: 'promise-all',
  handler: durable(function* () {
    return yield* all('both', [step(async () => 1), step(async () => 2)])
  }, { client }),
  expected: { status: 'SUCCEEDED', result: [1, 2] },
}

export const promiseAllSettled: Scenario = {
  name: 'promise-all-settled',
  handler: durable(function* () {
    const ok = step('ok', async () => 'fine')
    const bad = step('bad', async (): Promise<string> => {
      throw new Error('broken')
    }, { retryStrategy: noRetry })
    const settled = yield* allSettled('settle', [ok, bad])
    return settled.map((s) => (s.status === 'fulfilled' ? s.value : `rejected:${(s.reason as Error).message}`))
  }, { client }),
  expected: { status: 'SUCCEEDED', result: ['fine', 'rejected:broken'] },
}

export const promiseAny: Scenario = {
  name: 'promise-any',
  handler: durable(function* () {
    const bad = step('bad', async (): Promise<string> => {
      throw new Error('broken')
    }, { retryStrategy: noRetry })
    const ok = step('ok', async () => 'winner')
    return yield* any('first-ok', [bad, ok])
  }, { client }),
  expected: { status: 'SUCCEEDED', result: 'winner' },
}

export const promiseRace: Scenario = {
  name: 'promise-race',
  handler: durable(function* () {
    const fast = step('fast', async () => 'step')
    const slow = wait('slow', { seconds: 10 })
    const winner: unknown = yield* race('race', [fast, slow])
    return { winner }
  }, { client }),
  expected: { status: 'SUCCEEDED', result: { winner: 'step' } },
}

export const combinatorScenarios: readonly Scenario[] = [
  waitForConditionScenario,
  promiseAll,
  promiseAllSettled,
  promiseAny,
  promiseRace,
]
