// A finished child context whose result was too large to checkpoint (ReplayChildren) is rebuilt on
// replay by re-running its function over its recorded children. The same official-shape plugin is
// given to that workflow written with the official SDK 2.4 and with ours, both run against the fake
// service, and the hooks fired while the context is replayed (and before) must be identical.
import { withDurableExecution } from '@aws/durable-execution-sdk-js'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { REPLAY_CHILDREN_THRESHOLD } from '../../../core/operations/child-context.js'
import { childContext, durable, step, wait } from '../../../shell/index.js'
import { fakeClient } from '../../support/fake-client.js'
import { runScenario } from '../../support/run-scenario.js'
import { assertSameCalls, recordBoth, recordingPlugin, type Call } from './recording-plugin.js'

const big = (n: number) => 'x'.repeat(REPLAY_CHILDREN_THRESHOLD + 1) + String(n)

function official(calls: Call[]) {
  return withDurableExecution(
    async (_event: unknown, ctx) => {
      const blob = await ctx.runInChildContext('big', async (child) => {
        const a = await child.step('first', async () => 1)
        await child.wait('nap', { seconds: 5 })
        const b = await child.step('second', async () => 2)
        return big(a + b)
      })
      await ctx.wait('after', { seconds: 3 })
      const tail = await ctx.step('tail', async () => blob.length)
      return { tail }
    },
    { client: fakeClient, plugins: [recordingPlugin(calls)] },
  )
}

function ours(calls: Call[]) {
  return durable(
    function* () {
      const blob = yield* childContext('big', function* () {
        const a = yield* step('first', async () => 1)
        yield* wait('nap', { seconds: 5 })
        const b = yield* step('second', async () => 2)
        return big(a + b)
      })
      yield* wait('after', { seconds: 3 })
      const tail = yield* step('tail', async () => blob.length)
      return { tail }
    },
    { client: fakeClient, plugins: [recordingPlugin(calls)] },
  )
}

test('should record the oversized child context with ReplayChildren and replay it in a later invocation', async () => {
  const calls: Call[] = []
  const mine = await runScenario({ handler: ours(calls), input: {} })
  assert.is(mine.status, 'SUCCEEDED')
  assert.is(mine.invocations.length, 3)
  const updates = mine.invocations.flatMap((i) => i.requests.flat())
  const succeed = updates.find((u) => u.Type === 'CONTEXT' && u.Action === 'SUCCEED')
  assert.equal(succeed?.ContextOptions, { ReplayChildren: true })
})

test('should call an official-shape plugin exactly as the official SDK 2.4 does while replaying a ReplayChildren context', async () => {
  const { expected, actual, theirs, mine } = await recordBoth(official, ours)
  assert.is(theirs.status, 'SUCCEEDED')
  assert.is(mine.status, 'SUCCEEDED')
  assert.is(mine.result, theirs.result)
  const third = expected.slice(expected.map((c) => c.hook).lastIndexOf('onInvocationStart'))
  assert.ok(third.some((c) => c.name === 'nap' && c.hook === 'onOperationEnd' && c.isReplay === true))
  assert.not.ok(third.some((c) => c.name === 'big'))
  assertSameCalls(actual, expected)
})

test('should report the completed wait inside the replayed context as ended, as the official SDK does', async () => {
  const { expected, actual } = await recordBoth(official, ours)
  const naps = (calls: Call[]) => calls.filter((c) => c.name === 'nap').map((c) => [c.hook, c.status, c.isReplay])
  assert.ok(naps(expected).filter(([hook]) => hook === 'onOperationEnd').length >= 2)
  assert.equal(naps(actual), naps(expected))
})

/** A context whose function succeeds the first time and throws when it is re-run from its children. */
function officialDiverging(calls: Call[]) {
  let runs = 0
  return withDurableExecution(
    async (_event: unknown, ctx) => {
      const blob = await ctx.runInChildContext('big', async (child) => {
        await child.step('first', async () => 1)
        if (++runs > 1) throw new Error('changed on replay')
        return big(1)
      })
      await ctx.wait('after', { seconds: 3 })
      return blob.length
    },
    { client: fakeClient, plugins: [recordingPlugin(calls)] },
  )
}

function oursDiverging(calls: Call[]) {
  let runs = 0
  return durable(
    function* () {
      const blob = yield* childContext('big', function* () {
        yield* step('first', async () => 1)
        if (++runs > 1) throw new Error('changed on replay')
        return big(1)
      })
      yield* wait('after', { seconds: 3 })
      return blob.length
    },
    { client: fakeClient, plugins: [recordingPlugin(calls)] },
  )
}

test('should report no end for a ReplayChildren context whose re-run throws, as the official SDK does', async () => {
  const { expected, actual, theirs, mine } = await recordBoth(officialDiverging, oursDiverging)
  assert.is(theirs.status, 'FAILED')
  assert.is(mine.status, 'FAILED')
  const bigEnds = (calls: Call[]) => calls.filter((c) => c.name === 'big' && c.hook === 'onOperationEnd').map((c) => c.status)
  assert.equal(bigEnds(expected), ['SUCCEEDED'])
  assertSameCalls(actual, expected)
})

test('should fail the execution with the error a ReplayChildren re-run throws, unwrapped, as the official SDK does', async () => {
  const theirs = await runScenario({ handler: officialDiverging([]), input: {} })
  const mine = await runScenario({ handler: oursDiverging([]), input: {} })
  const surface = (error: { ErrorType?: string; ErrorMessage?: string } | undefined) => [error?.ErrorType, error?.ErrorMessage]
  assert.equal(surface(theirs.error), ['Error', 'changed on replay'])
  assert.equal(surface(mine.error), surface(theirs.error))
})

test.run()
