// A plugin written against the official SDK 2.4 contract works unchanged with durable(): the same
// plugin object is given to a workflow written with the official API and to the same workflow
// written with ours (a step, a retried step, a wait that suspends and resumes, a child context and
// a map), both run against the fake service, and the sequences of hook calls must be identical:
// names, order, ids, parents, types, subtypes, statuses, replay flags, attempts and outcomes.
import { withDurableExecution } from '@aws/durable-execution-sdk-js'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { childContext, createCallback, durable, invoke, map, parallel, step, wait, waitForCallback, waitForCondition } from '../../../shell/index.js'
import { fakeClient } from '../../support/fake-client.js'
import { runScenario } from '../../support/run-scenario.js'
import { assertSameCalls, official24, recordBoth, recordingPlugin, type Call } from './recording-plugin.js'

const retry = (_e: Error, n: number) => (n < 3 ? { shouldRetry: true as const, delay: { seconds: 2 } } : { shouldRetry: false as const })

function official(calls: Call[]) {
  return withDurableExecution(
    async (_event: unknown, ctx) => {
      const a = await ctx.step('a', async () => 1)
      const b = await ctx.step('flaky', async ({ attempt }) => { if (attempt === 1) throw new Error('boom'); return attempt }, { retryStrategy: retry })
      await ctx.wait('pause', { seconds: 5 })
      const c = await ctx.runInChildContext('child', async (child) => child.step('inner', async () => 3))
      const m = await ctx.map('m', [1, 2], async (item, x) => item.step(async () => x * 2))
      return { a, b, c, m: m.getResults() }
    },
    { client: fakeClient, plugins: [recordingPlugin(calls)] },
  )
}

function ours(calls: Call[]) {
  return durable(
    function* () {
      const a = yield* step('a', async () => 1)
      const b = yield* step('flaky', async ({ attempt }) => { if (attempt === 1) throw new Error('boom'); return attempt }, { retryStrategy: retry })
      yield* wait('pause', { seconds: 5 })
      const c = yield* childContext('child', function* () { return yield* step('inner', async () => 3) })
      const m = yield* map('m', [1, 2], function* (x) { return yield* step(async () => x * 2) })
      return { a, b, c, m: m.getResults() }
    },
    { client: fakeClient, plugins: [recordingPlugin(calls)] },
  )
}

const poll = (state: number) => (state < 2 ? { shouldContinue: true as const, delay: { seconds: 1 } } : { shouldContinue: false as const })
const approvals = [{ outcome: 'succeed' as const, result: '"yes"', afterSeconds: 3 }]

function officialPolling(calls: Call[]) {
  return withDurableExecution(
    async (_event: unknown, ctx) => {
      const n = await ctx.waitForCondition('poll', async (s: number) => s + 1, { initialState: 0, waitStrategy: poll })
      const answer = await ctx.waitForCallback('approve', async () => {}, { timeout: { minutes: 5 } })
      return { n, answer }
    },
    { client: fakeClient, plugins: [recordingPlugin(calls)] },
  )
}

function oursPolling(calls: Call[]) {
  return durable(
    function* () {
      const n = yield* waitForCondition('poll', async (s: number) => s + 1, { initialState: 0, waitStrategy: poll })
      const answer = yield* waitForCallback('approve', async () => {}, { timeout: { minutes: 5 } })
      return { n, answer }
    },
    { client: fakeClient, plugins: [recordingPlugin(calls)] },
  )
}

const TARGET = 'arn:aws:lambda:us-east-1:123456789012:function:b:1'
const targets = {
  [TARGET]: durable(function* (event: { n: number }) { return yield* step('add', async () => event.n + 1) }, { client: fakeClient }),
}
const denial = [{ outcome: 'fail' as const, error: { ErrorType: 'Denied', ErrorMessage: 'no way' }, afterSeconds: 2 }]

function officialFailures(calls: Call[]) {
  return withDurableExecution(
    async (_event: unknown, ctx) => {
      const sum = await ctx.invoke<{ n: number }, number>('call-b', TARGET, { n: 1 })
      const [answer] = await ctx.createCallback('approval', { timeout: { minutes: 5 } })
      const denied = await answer.then(() => 'approved', (e: unknown) => (e as Error).message)
      const branches = await ctx.parallel('pair', [async () => 'ok', async () => { throw new Error('branch broke') }])
      return { sum, denied, failures: branches.failureCount }
    },
    { client: fakeClient, plugins: [recordingPlugin(calls)] },
  )
}

function oursFailures(calls: Call[]) {
  return durable(
    function* () {
      const sum = yield* invoke<number, { n: number }>('call-b', TARGET, { n: 1 })
      const [answer] = yield* createCallback('approval', { timeout: { minutes: 5 } })
      let denied: string
      try {
        yield* answer
        denied = 'approved'
      } catch (error) {
        denied = (error as Error).message
      }
      const branches = yield* parallel('pair', [function* () { return 'ok' }, function* (): Generator<never, string> { throw new Error('branch broke') }])
      return { sum, denied, failures: branches.failureCount }
    },
    { client: fakeClient, plugins: [recordingPlugin(calls)] },
  )
}

test('should call an official-shape plugin exactly as the official SDK 2.4 does, across suspend and resume', async () => {
  const { expected, actual, theirs, mine } = await recordBoth(official, ours)
  assert.is(theirs.status, 'SUCCEEDED')
  assert.is(mine.status, 'SUCCEEDED')
  assert.is(mine.result, theirs.result)
  assert.ok(expected.length > 40)
  assertSameCalls(actual, expected)
})

test('should call it exactly as the official SDK does for waitForCondition rounds and a waitForCallback', async () => {
  const { expected, actual, theirs, mine } = await recordBoth(officialPolling, oursPolling, { input: {}, callbacks: approvals })
  assert.is(theirs.status, 'SUCCEEDED')
  assert.is(mine.result, theirs.result)
  assert.ok(expected.some((c) => c.name === 'approve-submitter') && expected.some((c) => c.name === 'approve-callback'))
  assertSameCalls(actual, expected)
})

test('should call it exactly as the official SDK does for a chained invoke, a failed callback and a failing branch', async () => {
  const { expected, actual, theirs, mine } = await recordBoth(officialFailures, oursFailures, { input: {}, callbacks: denial, invokeTargets: targets })
  assert.is(theirs.status, 'SUCCEEDED')
  assert.is(mine.result, theirs.result)
  // Sibling branches end concurrently, so only each operation's own sequence is compared, plus the
  // invocation hooks in order.
  const byOperation = (calls: Call[]) => {
    const groups = new Map<string, Call[]>()
    for (const call of calls.map(official24)) {
      const key = typeof call.id === 'string' ? call.id : call.hook === 'onOperationChange' ? 'change' : 'invocation'
      groups.set(key, [...(groups.get(key) ?? []), call])
    }
    groups.delete('change')
    return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)))
  }
  assert.ok(Object.keys(byOperation(expected)).length >= 6)
  assert.equal(byOperation(actual), byOperation(expected))
})

test('should report three invocations with the first-invocation flag and a PENDING, PENDING, SUCCEEDED end', async () => {
  const calls: Call[] = []
  await runScenario({ handler: ours(calls), input: {} })
  const starts = calls.filter((c) => c.hook === 'onInvocationStart')
  const ends = calls.filter((c) => c.hook === 'onInvocationEnd')
  assert.equal(starts.map((c) => c.isFirstInvocation), [true, false, false])
  assert.equal(ends.map((c) => c.status), ['PENDING', 'PENDING', 'SUCCEEDED'])
  assert.equal(ends.map((c) => c.isFirstInvocation), [true, false, false])
  assert.equal(ends[2]?.executionResult, { a: 1, b: 2, c: 3, m: [2, 4] })
})

test('should mark the retry attempt and the resumed wait as the official SDK does', async () => {
  const calls: Call[] = []
  await runScenario({ handler: ours(calls), input: {} })
  const flaky = calls.filter((c) => c.name === 'flaky')
  assert.equal(
    flaky.map((c) => [c.hook, c.attempt, c.outcome, c.isReplay]),
    [
      ['onOperationStart', undefined, undefined, false],
      ['onOperationAttemptStart', 1, undefined, false],
      ['wrapOperationAttemptFn', 1, undefined, false],
      ['onOperationAttemptEnd', 1, 'FAILED', false],
      ['onOperationStart', undefined, undefined, true],
      ['onOperationAttemptStart', 2, undefined, false],
      ['wrapOperationAttemptFn', 2, undefined, false],
      ['onOperationAttemptEnd', 2, 'SUCCEEDED', false],
      ['onOperationEnd', 2, 'SUCCEEDED', false],
    ],
  )
  const pause = calls.filter((c) => c.name === 'pause')
  assert.equal(pause.map((c) => [c.hook, c.status, c.isReplay]), [['onOperationStart', 'STARTED', false], ['onOperationEnd', 'SUCCEEDED', false]])
})

test.run()
