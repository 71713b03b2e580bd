/**
 * Our API's versions of the basic oracle scenarios (test/support/official-scenarios-basic.ts): steps,
 * waits, retries, at-most-once, undefined results, a throwing handler and a > 6 MiB result. Each keeps
 * the official scenario's `name`, input and expectation so the differential test can pair them.
 */
import { childContext, durable, step, wait } from '../../shell/index.js'
import { fakeClient } from '../support/fake-client.js'
import type { Scenario } from '../support/scenario-types.js'

const client = fakeClient

export const sequentialSteps: Scenario = {
  name: 'sequential-steps',
  input: { n: 2 },
  handler: durable(function* (event: { n: number }) {
    const a = yield* step('double', async () => event.n * 2)
    const b = yield* step('add-one', async () => a + 1)
    const c = yield* step('square', async () => b * b)
    return { a, b, c }
  }, { client }),
  expected: { status: 'SUCCEEDED', result: { a: 4, b: 5, c: 25 } },
}

export const stepWaitStep: Scenario = {
  name: 'step-wait-step',
  input: { x: 1 },
  handler: durable(function* (event: { x: number }) {
    const a = yield* step('add', async () => event.x + 1)
    yield* wait('pause', { seconds: 10 })
    const b = yield* step(async () => a * 10)
    return { a, b }
  }, { client }),
  expected: { status: 'SUCCEEDED', result: { a: 2, b: 20 } },
}

export const retryThenSuccess: Scenario = {
  name: 'retry-then-success',
  handler: durable(function* () {
    return yield* step(
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

export const atMostOnceStep: Scenario = {
  name: 'at-most-once-step',
  handler: durable(function* () {
    const charged = yield* step('charge', async () => 'charged', { semantics: 'AT_MOST_ONCE_PER_RETRY' })
    const receipt = yield* step('receipt', async () => `${charged}:receipt`)
    return { charged, receipt }
  }, { client }),
  expected: { status: 'SUCCEEDED', result: { charged: 'charged', receipt: 'charged:receipt' } },
}

export const waits: Scenario = {
  name: 'waits',
  handler: durable(function* () {
    yield* wait('first', { seconds: 5 })
    yield* wait({ minutes: 1, seconds: 1 })
    return yield* step('after', async () => 'done')
  }, { client }),
  expected: { status: 'SUCCEEDED', result: 'done' },
}

export const undefinedResults: Scenario = {
  name: 'undefined-results',
  handler: durable(function* () {
    yield* step('fetch-user', async () => undefined)
    yield* childContext('parent', function* () {
      return undefined
    })
    yield* wait({ seconds: 1 })
    return 'result'
  }, { client }),
  expected: { status: 'SUCCEEDED', result: 'result' },
}

export const handlerThrows: Scenario = {
  name: 'handler-throws',
  handler: durable(function* () {
    yield* step('before', async () => 1)
    throw new Error('Intentional handler failure')
  }, { client }),
  expected: { status: 'FAILED' },
}

export const handlerResultAbove6MiB: Scenario = {
  name: 'handler-result-above-6mib',
  handler: durable(function* () {
    const size = yield* step('size', async () => 6 * 1024 * 1024)
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
