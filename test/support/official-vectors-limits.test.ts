// PROTOCOL.md §12 TV15 (results above 256 KiB), TV16 (above 6 MiB), TV17 (paginated state), TV18
// (non-determinism), TV20 (promise.all in 2.4): the official SDK 2.4 through the fake service.
import { withDurableExecution } from '@aws/durable-execution-sdk-js'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { Operation } from '../../core/types.js'
import { ctxStart, ctxSucceed, requestsOf, stepStart, stepSucceed, waitStart } from './expect-updates.js'
import { fakeClient } from './fake-client.js'
import type { FakeService } from './fake-service.js'
import { handlerResultAbove6MiB } from './official-scenarios-basic.js'
import { promiseAll } from './official-scenarios-combinators.js'
import { childResultAbove256KiB } from './official-scenarios-contexts.js'
import { runScenario } from './run-scenario.js'
import { H } from './wire-id.js'

const client = fakeClient
const LIMIT = 262_144

test('TV15: child results up to 256 KiB keep their payload; larger ones send "" with ReplayChildren', async () => {
  const handler = withDurableExecution(async (_e, ctx) => {
    for (let i = 0; i < 100; i++) await ctx.runInChildContext(async () => 'x'.repeat(262_134 + i))
    return 'done'
  }, { client })
  const r = await runScenario({ handler })
  const succeeds = r.invocations.flatMap((i) => i.requests.flat()).filter((u) => u.Action === 'SUCCEED')
  assert.is(succeeds.length, 100)
  succeeds.forEach((u, i) => {
    assert.is(u.Id, H(String(i + 1)))
    const full = JSON.stringify('x'.repeat(262_134 + i))
    if (full.length <= LIMIT) {
      assert.is(u.Payload, full, `item ${i} keeps its payload`)
      assert.is(u.ContextOptions, undefined)
    } else {
      assert.is(u.Payload, '', `item ${i} is summarised`)
      assert.equal(u.ContextOptions, { ReplayChildren: true })
    }
  })
  assert.is(succeeds.filter((u) => u.Payload !== '').length, 9, 'i ≤ 8 keep the full payload')
})

test('TV15: a 300 000-char child SUCCEEDs with "" + ReplayChildren beside the WAIT, then replays from its kept children', async () => {
  const r = await runScenario(childResultAbove256KiB)
  const first = r.invocations[0]?.requests ?? []
  assert.is(first.length, 301, 'one request per awaited step, then the closing request')
  assert.equal(first[300], [
    ctxSucceed('1', 'RunInChildContext', { Name: 'big', Payload: '', ContextOptions: { ReplayChildren: true } }),
    waitStart('2', 5),
  ])
  assert.equal(r.invocations[1]?.requests, [], 'steps come from the kept children: nothing re-executes')
  assert.equal(r.invocations[1]?.output, { Status: 'SUCCEEDED', Result: '300000' })
  assert.ok(r.stats.stateCalls > 0, '302 kept operations do not fit one event page')
})

test('TV15: a map result above 256 KiB is replaced by the MapResult summary with the user summary', async () => {
  const handler = withDurableExecution(async (_e, ctx) => {
    const res = await ctx.map('big', [0, 1, 2], async (c, i) => c.step(async () => String(i).repeat(100_000)), {
      summaryGenerator: (b) => `n=${b.totalCount}`,
    })
    return res.successCount
  }, { client })
  const r = await runScenario({ handler })
  const updates = r.invocations.flatMap((i) => i.requests.flat())
  const outer = updates[updates.length - 1]
  const summary = { type: 'MapResult', totalCount: 3, successCount: 3, failureCount: 0, completionReason: 'ALL_COMPLETED', status: 'SUCCEEDED', itemStatuses: 'SSS', summary: 'n=3' }
  assert.equal(outer, ctxSucceed('1', 'Map', { Name: 'big', Payload: JSON.stringify(summary), ContextOptions: { ReplayChildren: true } }))
})

const executionResultId = (from: number, to: number, id: string | undefined): number | undefined => {
  for (let ms = from; ms <= to; ms++) if (H(`execution-result-${ms}`) === id) return ms
  return undefined
}

test('TV16: a result above 6 MiB is checkpointed as EXECUTION SUCCEED and answered with Result ""', async () => {
  const before = Date.now()
  const r = await runScenario(handlerResultAbove6MiB)
  const last = r.invocations[0]?.requests.at(-1)
  assert.is(last?.length, 1)
  const { Id, ...rest } = last?.[0] ?? { Id: '' }
  assert.ok(executionResultId(before, Date.now(), Id) !== undefined, 'Id = H("execution-result-<ms>")')
  assert.equal(rest, { Type: 'EXECUTION', Action: 'SUCCEED', Payload: JSON.stringify({ d: 'y'.repeat(6 * 1024 * 1024) }) })
  assert.equal(r.invocations[0]?.output, { Status: 'SUCCEEDED', Result: '' })
  assert.is(r.status, 'SUCCEEDED')
  assert.is(r.result?.length, 6 * 1024 * 1024 + 8, 'the service keeps the checkpointed payload, not ""')
})

test('TV16: the limit is measured in UTF-8 bytes (2 Mi three-byte chars)', async () => {
  const r = await runScenario({ handler: withDurableExecution(async () => '\u{FFFF}'.repeat(2 * 1024 * 1024), { client }) })
  assert.is(r.invocations[0]?.requests[0]?.[0]?.Type, 'EXECUTION')
  assert.equal(r.invocations[0]?.output, { Status: 'SUCCEEDED', Result: '' })
})

const seedSteps = (count: number) => (s: FakeService) => {
  for (let i = 1; i <= count; i++) {
    const op: Operation = { Id: H(String(i)), Type: 'STEP', SubType: 'Step', Status: 'SUCCEEDED', StepDetails: { Attempt: 1, Result: String(i * 42) } }
    s.store.seed(op)
  }
}
const sumSteps = (count: number) => withDurableExecution(async (_e, ctx) => {
  let sum = 0
  for (let i = 1; i <= count; i++) sum += await ctx.step(async () => -1)
  return sum
}, { client })

test('TV17: a NextMarker in the event is followed with the event token and MaxItems 1000; replay checkpoints nothing', async () => {
  let service: FakeService | undefined
  const r = await runScenario({ handler: sumSteps(1), pageSize: 1, onService: (s) => (seedSteps(1)(s), (service = s)) })
  assert.equal(service?.stateRequests, [{
    DurableExecutionArn: service?.arn,
    CheckpointToken: service?.eventTokens[0],
    Marker: service?.stateRequests[0]?.Marker,
    MaxItems: 1000,
  }])
  assert.type(service?.stateRequests[0]?.Marker, 'string')
  assert.equal(r.invocations[0]?.requests, [])
  assert.equal(r.invocations[0]?.output, { Status: 'SUCCEEDED', Result: '42' })
})

test('TV17: several pages are read until NextMarker is absent', async () => {
  let service: FakeService | undefined
  const n = 1500
  const r = await runScenario({ handler: sumSteps(n), onService: (s) => (seedSteps(n)(s), (service = s)) })
  assert.is(service?.stateRequests.length, 2, '100 in the event, then 1000, then 401')
  assert.equal(r.invocations[0]?.requests, [])
  assert.equal(r.invocations[0]?.output, { Status: 'SUCCEEDED', Result: String((42 * n * (n + 1)) / 2) })
})

const nonDeterministic = async (seed: Operation, handler: Parameters<typeof runScenario>[0]['handler']) => {
  const r = await runScenario({ handler, onService: (s) => s.store.seed(seed) })
  assert.equal(r.invocations[0]?.requests, [])
  return r.invocations[0]?.output
}
const recordedStep: Operation = { Id: H('1'), Type: 'STEP', SubType: 'Step', Name: 'a', Status: 'SUCCEEDED', StepDetails: { Result: '1' } }
const message = (what: string) =>
  `[Unrecoverable Execution] Non-deterministic execution detected: ${what} This indicates non-deterministic control flow in your workflow code.`

test('TV18: a different type at a recorded id FAILS with NonDeterministicExecutionError, no checkpoint', async () => {
  const out = await nonDeterministic(recordedStep, withDurableExecution(async (_e, ctx) => ctx.wait('a', { seconds: 1 }), { client }))
  assert.equal(out, {
    Status: 'FAILED',
    Error: { ErrorType: 'NonDeterministicExecutionError', ErrorMessage: message('Operation type mismatch for step "1". Expected type "STEP", but got "WAIT".') },
  })
})

test('TV18: a different name or subtype fails the same way', async () => {
  const byName = await nonDeterministic(recordedStep, withDurableExecution(async (_e, ctx) => ctx.step('b', async () => 1), { client }))
  assert.equal(byName?.Error, { ErrorType: 'NonDeterministicExecutionError', ErrorMessage: message('Operation name mismatch for step "1". Expected name "a", but got "b".') })
  const recordedCtx: Operation = { Id: H('1'), Type: 'CONTEXT', SubType: 'RunInChildContext', Name: 'a', Status: 'SUCCEEDED', ContextDetails: { Result: '1' } }
  const bySub = await nonDeterministic(recordedCtx, withDurableExecution(async (_e, ctx) => ctx.map('a', [1], async () => 1), { client }))
  assert.equal(bySub?.Status, 'FAILED')
  assert.equal(bySub?.Error, { ErrorType: 'NonDeterministicExecutionError', ErrorMessage: message('Operation subtype mismatch for step "1". Expected subtype "RunInChildContext", but got "Map".') })
})

test('TV20 (2.4): promise.all is a lazily numbered CONTEXT after the two steps it combines', async () => {
  const r = await runScenario(promiseAll)
  assert.equal(requestsOf(r), [[
    [stepStart('1'), stepStart('2'), ctxStart('3', 'RunInChildContext', { Name: 'both' }), stepSucceed('1', { Payload: '1' }), stepSucceed('2', { Payload: '2' })],
    [ctxSucceed('3', 'RunInChildContext', { Name: 'both', Payload: '[1,2]' })],
  ]])
})

test.run()
