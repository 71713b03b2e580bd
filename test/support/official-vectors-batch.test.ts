// PROTOCOL.md §12 TV11 (waitForCondition), TV12 (map), TV13 (parallel, early completion), TV14 (FLAT
// and virtual-in-virtual): exact update sequences of the official SDK 2.4 through the fake service.
import { withDurableExecution } from '@aws/durable-execution-sdk-js'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { ctxFail, ctxStart, ctxSucceed, requestsOf, stepFail, stepRetry, stepStart, stepSucceed, waitStart } from './expect-updates.js'
import { fakeClient } from './fake-client.js'
import { mapFlat, mapNested, mapToleratedFailure, parallelEarlyCompletion, parallelToleratedFailure } from './official-scenarios-batch.js'
import { waitForCondition } from './official-scenarios-combinators.js'
import { virtualInVirtual } from './official-scenarios-contexts.js'
import { runScenario } from './run-scenario.js'
import { H } from './wire-id.js'

const client = fakeClient
const WFC = 'WaitForCondition'

test('TV11: waitForCondition RETRYs with the state as Payload, then STARTs again and SUCCEEDs', async () => {
  const r = await runScenario(waitForCondition)
  assert.equal(requestsOf(r), [
    [[stepStart('1', { Name: 'poll' }, WFC), stepRetry('1', { Name: 'poll', Payload: '{"n":1}', StepOptions: { NextAttemptDelaySeconds: 5 } }, WFC)]],
    [[stepStart('1', { Name: 'poll' }, WFC), stepSucceed('1', { Name: 'poll', Payload: '{"n":2}' }, WFC)]],
  ])
  assert.equal(r.invocations[1]?.output, { Status: 'SUCCEEDED', Result: '{"n":2}' })
})

const item = (i: number, phase: 'start' | 'succeed', payload?: string) =>
  phase === 'start'
    ? ctxStart(`1-${i + 1}`, 'MapIteration', { parent: '1', Name: `map-item-${i}` })
    : ctxSucceed(`1-${i + 1}`, 'MapIteration', { parent: '1', Name: `map-item-${i}`, Payload: payload })
const itemStep = (i: number, phase: 'start' | 'succeed') =>
  phase === 'start'
    ? stepStart(`1-${i + 1}-1`, { parent: `1-${i + 1}` })
    : stepSucceed(`1-${i + 1}-1`, { parent: `1-${i + 1}`, Payload: String((i + 1) * 2) })

test('TV12: NESTED map, two items in flight: item contexts start together, then their steps', async () => {
  const r = await runScenario(mapNested)
  const all = [0, 1, 2, 3, 4].map((i) => ({ result: (i + 1) * 2, index: i, status: 'SUCCEEDED' }))
  assert.equal(requestsOf(r), [[
    [ctxStart('1', 'Map', { Name: 'map' }), item(0, 'start'), item(1, 'start'),
      itemStep(0, 'start'), itemStep(1, 'start'), itemStep(0, 'succeed'), itemStep(1, 'succeed')],
    [item(0, 'succeed', '2'), item(1, 'succeed', '4'), item(2, 'start'), item(3, 'start'),
      itemStep(2, 'start'), itemStep(3, 'start'), itemStep(2, 'succeed'), itemStep(3, 'succeed')],
    [item(2, 'succeed', '6'), item(3, 'succeed', '8'), item(4, 'start'), itemStep(4, 'start'), itemStep(4, 'succeed')],
    [item(4, 'succeed', '10'), ctxSucceed('1', 'Map', { Name: 'map', Payload: JSON.stringify({ all, completionReason: 'ALL_COMPLETED' }) })],
  ]])
})

test('TV12: a failed item is FAILed with StepError and the outer Map still SUCCEEDs with the §5.8 payload', async () => {
  const r = await runScenario(mapToleratedFailure)
  const updates = r.invocations.flatMap((i) => i.requests.flat())
  const bad = { ErrorType: 'StepError', ErrorMessage: 'bad item' }
  assert.equal(
    updates.find((u) => u.Action === 'FAIL' && u.Type === 'STEP'),
    stepFail('1-2-1', { parent: '1-2', Error: { ErrorMessage: 'bad item', ErrorType: 'Error' } }),
  )
  assert.equal(updates.find((u) => u.Action === 'FAIL' && u.Type === 'CONTEXT'), ctxFail('1-2', 'MapIteration', { parent: '1', Name: 'map-item-1', Error: bad }))
  const outer = updates[updates.length - 1]
  assert.equal(outer?.Action, 'SUCCEED')
  assert.equal(JSON.parse(outer?.Payload ?? '{}'), {
    all: [
      { result: 10, index: 0, status: 'SUCCEEDED' },
      { error: { ErrorType: 'ChildContextError', ErrorMessage: 'bad item', Cause: { ...bad, Cause: bad } }, index: 1, status: 'FAILED' },
      { result: 30, index: 2, status: 'SUCCEEDED' },
    ],
    completionReason: 'ALL_COMPLETED',
  })
})

const branch = (i: number, phase: 'start' | 'succeed', payload?: string) =>
  phase === 'start'
    ? ctxStart(`1-${i + 1}`, 'ParallelBranch', { parent: '1', Name: `parallel-branch-${i}` })
    : ctxSucceed(`1-${i + 1}`, 'ParallelBranch', { parent: '1', Name: `parallel-branch-${i}`, Payload: payload })

test('TV13: parallel of step, step, wait with maxConcurrency 2 suspends on the wait, then completes', async () => {
  const handler = withDurableExecution(async (_e, ctx) => {
    const r = await ctx.parallel('p', [
      async (c) => c.step(async () => 'a'),
      async (c) => c.step(async () => 'b'),
      async (c) => {
        await c.wait({ seconds: 1 })
        return 'c'
      },
    ], { maxConcurrency: 2 })
    return r.getResults()
  }, { client })
  const r = await runScenario({ handler })
  const step = (i: number, phase: 'start' | 'succeed') =>
    phase === 'start' ? stepStart(`1-${i + 1}-1`, { parent: `1-${i + 1}` }) : stepSucceed(`1-${i + 1}-1`, { parent: `1-${i + 1}`, Payload: JSON.stringify('ab'[i]) })
  const all = ['a', 'b', 'c'].map((result, index) => ({ result, index, status: 'SUCCEEDED' }))
  assert.equal(requestsOf(r), [
    [
      [ctxStart('1', 'Parallel', { Name: 'p' }), branch(0, 'start'), branch(1, 'start'), step(0, 'start'), step(1, 'start'), step(0, 'succeed'), step(1, 'succeed')],
      [branch(0, 'succeed', '"a"'), branch(1, 'succeed', '"b"'), branch(2, 'start'), waitStart('1-3-1', 1, { parent: '1-3' })],
    ],
    [[branch(2, 'succeed', '"c"'), ctxSucceed('1', 'Parallel', { Name: 'p', Payload: JSON.stringify({ all, completionReason: 'ALL_COMPLETED' }) })]],
  ])
  assert.equal(r.invocations[1]?.output, { Status: 'SUCCEEDED', Result: '["a","b","c"]' })
})

test('TV13: early completion SUCCEEDs in one invocation and abandons the waiting branch', async () => {
  const r = await runScenario(parallelEarlyCompletion)
  const payload = { all: [{ result: 'F', index: 0, status: 'SUCCEEDED' }, { index: 1, status: 'STARTED' }], completionReason: 'MIN_SUCCESSFUL_REACHED' }
  assert.equal(requestsOf(r), [[
    [
      ctxStart('1', 'Parallel', { Name: 'p' }),
      ctxStart('1-1', 'ParallelBranch', { parent: '1', Name: 'fast' }),
      ctxStart('1-2', 'ParallelBranch', { parent: '1', Name: 'parallel-branch-1' }),
      stepStart('1-1-1', { parent: '1-1' }),
      waitStart('1-2-1', 30, { parent: '1-2' }),
      stepSucceed('1-1-1', { parent: '1-1', Payload: '"F"' }),
    ],
    [ctxSucceed('1-1', 'ParallelBranch', { parent: '1', Name: 'fast', Payload: '"F"' }), ctxSucceed('1', 'Parallel', { Name: 'p', Payload: JSON.stringify(payload) })],
  ]])
  assert.is(r.invocations.length, 1)
  assert.is(r.operations.find((o) => o.Type === 'WAIT')?.Status, 'STARTED', 'the wait is abandoned, never closed')
})

test('§12.1 #1: all branch STARTs first, then first ops in index order, then settlements as they happen', async () => {
  const r = await runScenario(parallelToleratedFailure)
  const broke = { ErrorMessage: 'branch broke', ErrorType: 'Error' }
  assert.equal(r.invocations[0]?.requests[0], [
    ctxStart('1', 'Parallel', { Name: 'p' }), branch(0, 'start'), branch(1, 'start'), branch(2, 'start'),
    stepStart('1-1-1', { parent: '1-1', Name: 'one' }), stepStart('1-3-1', { parent: '1-3', Name: 'three' }),
    ctxFail('1-2', 'ParallelBranch', { parent: '1', Name: 'parallel-branch-1', Error: broke }),
    stepSucceed('1-1-1', { parent: '1-1', Name: 'one', Payload: '1' }), stepSucceed('1-3-1', { parent: '1-3', Name: 'three', Payload: '3' }),
  ])
})

test('§12.1 #3 (measured): the original error class survives in the payload only for a branch that threw by itself', async () => {
  const handler = withDurableExecution(async (_e, ctx) => {
    const r = await ctx.parallel('p', [
      async (c) => c.step('s', async () => {
        throw new RangeError('bad')
      }, { retryStrategy: () => ({ shouldRetry: false }) }),
      async () => {
        throw new TypeError('direct')
      },
    ], { completionConfig: { toleratedFailureCount: 5 } })
    return r.failureCount
  }, { client })
  const r = await runScenario({ handler })
  const updates = r.invocations.flatMap((i) => i.requests.flat())
  assert.equal(updates.find((u) => u.Id === H('1-2') && u.Action === 'FAIL')?.Error, { ErrorMessage: 'direct', ErrorType: 'TypeError' })
  const entries = JSON.parse(updates[updates.length - 1]?.Payload ?? '{}').all.map((e: { error: unknown }) => e.error)
  const chain = (m: string, inner: string) => ({ ErrorType: 'ChildContextError', ErrorMessage: m, Cause: { ErrorType: 'StepError', ErrorMessage: m, Cause: { ErrorType: inner, ErrorMessage: m } } })
  assert.equal(entries, [chain('bad', 'StepError'), chain('direct', 'TypeError')])
})

test('TV14: FLAT map items send nothing for themselves; inner ops re-parent to the map', async () => {
  const r = await runScenario(mapFlat)
  const inner = (item: number, phase: 'start' | 'succeed') =>
    phase === 'start'
      ? ctxStart(`1-${item}-2`, 'RunInChildContext', { parent: '1', Name: 'inner' })
      : ctxSucceed(`1-${item}-2`, 'RunInChildContext', { parent: '1', Name: 'inner', Payload: '1' })
  const all = [{ result: 'a', index: 0, status: 'SUCCEEDED' }, { result: 'b', index: 1, status: 'SUCCEEDED' }]
  assert.equal(requestsOf(r), [[
    [
      ctxStart('1', 'Map', { Name: 'flat' }),
      stepStart('1-1-1', { parent: '1', Name: 's-a' }), stepStart('1-2-1', { parent: '1', Name: 's-b' }),
      stepSucceed('1-1-1', { parent: '1', Name: 's-a', Payload: '"a"' }), stepSucceed('1-2-1', { parent: '1', Name: 's-b', Payload: '"b"' }),
    ],
    [
      inner(1, 'start'), inner(2, 'start'),
      stepStart('1-1-2-1', { parent: '1-1-2' }), stepStart('1-2-2-1', { parent: '1-2-2' }),
      stepSucceed('1-1-2-1', { parent: '1-1-2', Payload: '1' }), stepSucceed('1-2-2-1', { parent: '1-2-2', Payload: '1' }),
    ],
    [inner(1, 'succeed'), inner(2, 'succeed'), ctxSucceed('1', 'Map', { Name: 'flat', Payload: JSON.stringify({ all, completionReason: 'ALL_COMPLETED' }) })],
  ]])
})

test('TV14: virtual-in-virtual collapses the step to ParentId H(1) with id H(1-1-1-1)', async () => {
  const r = await runScenario(virtualInVirtual)
  assert.equal(requestsOf(r), [[
    [ctxStart('1', 'RunInChildContext', { Name: 'real' }), stepStart('1-1-1-1', { parent: '1', Name: 'deep' }), stepSucceed('1-1-1-1', { parent: '1', Name: 'deep', Payload: '"deep"' })],
    [ctxSucceed('1', 'RunInChildContext', { Name: 'real', Payload: '"deep"' })],
  ]])
})

test('TV14: the serdes of a step inside virtual-in-virtual sees the raw entityId 1-1-1-1', async () => {
  const seen: string[] = []
  const serdes = {
    serialize: async (v: unknown, c: { entityId: string }) => (seen.push(c.entityId), JSON.stringify(v)),
    deserialize: async (s: string | undefined) => (s === undefined ? undefined : JSON.parse(s)),
  }
  const handler = withDurableExecution(async (_e, ctx) =>
    ctx.runInChildContext('real', async (c) =>
      c.runInChildContext(async (v1) => v1.runInChildContext(async (v2) => v2.step('deep', async () => 1, { serdes }), { virtualContext: true }), { virtualContext: true }),
    ), { client })
  await runScenario({ handler })
  assert.equal(seen, ['1-1-1-1'])
})

test.run()
