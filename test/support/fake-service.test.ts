// The fake service on its own: the emulator semantics it promises (PROTOCOL.md §3.5, §7.2, §2.1),
// checked through its public API without any SDK, so a bug in the model cannot hide behind one.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { Operation, OperationUpdate } from '../../core/types.js'
import { ctxStart, ctxSucceed, stepRetry, stepStart, stepSucceed, upd, waitStart } from './expect-updates.js'
import { VirtualClock } from './fake-clock.js'
import { FakeService } from './fake-service.js'
import { H } from './wire-id.js'

const T0 = 4_000_000_000_000 // far ahead of the wall clock, so catchUp never moves it
const open = (options: { pageSize?: number } = {}) => {
  const service = new FakeService({ x: 1 }, { clock: new VirtualClock(T0), ...options })
  const event = service.beginInvocation()
  service.clock.advanceTo(T0) // catchUp may have moved it to the wall clock
  return { service, event, token: event.CheckpointToken }
}
type Response = { CheckpointToken: string; NewExecutionState: { Operations: Record<string, unknown>[] } }
const send = (service: FakeService, token: string, updates: OperationUpdate[]) =>
  service.checkpoint({ DurableExecutionArn: service.arn, CheckpointToken: token, Updates: updates }) as Promise<Response>
const rejection = async (p: Promise<unknown>) => p.then(() => undefined, (e) => e as Error & { $metadata?: { httpStatusCode?: number } })
const stored = (service: FakeService, raw: string) => service.store.ops.get(H(raw)) as Operation

test('should put the EXECUTION op first in the event with ISO timestamps and the input payload', () => {
  const { event } = open()
  const [exec] = event.InitialExecutionState.Operations as Record<string, unknown>[]
  assert.is(exec?.Type, 'EXECUTION')
  assert.is(exec?.Status, 'STARTED')
  assert.equal(exec?.ExecutionDetails, { InputPayload: '{"x":1}' })
  assert.type(exec?.StartTimestamp, 'string')
  assert.is(new Date(exec?.StartTimestamp as string).toISOString(), exec?.StartTimestamp)
  assert.is(event.InitialExecutionState.NextMarker, undefined)
})

test('should apply START→STARTED and SUCCEED→SUCCEEDED and return only the changed ops, with Dates', async () => {
  const { service, token } = open()
  const first = await send(service, token, [stepStart('1'), stepSucceed('1', { Payload: '2' })])
  assert.is(first.NewExecutionState.Operations.length, 1)
  const op = first.NewExecutionState.Operations[0]
  assert.is(op?.Status, 'SUCCEEDED')
  assert.instance(op?.StartTimestamp, Date)
  assert.equal(op?.StepDetails, { Attempt: 1, Result: '2' })
  const second = await send(service, first.CheckpointToken, [waitStart('2', 10)])
  assert.equal(second.NewExecutionState.Operations.map((o) => o.Id), [H('2')])
  assert.equal(second.NewExecutionState.Operations[0]?.WaitDetails, { ScheduledEndTimestamp: new Date(T0 + 10_000) })
})

test('should turn RETRY into PENDING with Attempt+1, NextAttemptTimestamp and the Error kept', async () => {
  const { service, token } = open()
  const error = { ErrorType: 'TypeError', ErrorMessage: 'boom' }
  await send(service, token, [stepStart('1'), stepRetry('1', { Error: error, StepOptions: { NextAttemptDelaySeconds: 3 } })])
  assert.equal(stored(service, '1').StepDetails, { Attempt: 1, Error: error, NextAttemptTimestamp: T0 + 3000 })
  assert.is(stored(service, '1').Status, 'PENDING')
})

test('should end a due wait and ready a due retry at the next checkpoint only when the clock is live', async () => {
  const error = { ErrorType: 'TypeError', ErrorMessage: 'boom' }
  const statuses = async (clock: VirtualClock) => {
    const service = new FakeService({}, { clock })
    const first = await send(service, service.beginInvocation().CheckpointToken, [
      waitStart('1', 1),
      stepStart('2'),
      stepRetry('2', { Error: error, StepOptions: { NextAttemptDelaySeconds: 1 } }),
    ])
    service.clock.advanceTo(service.clock.now() + 1_000) // as if the invocation ran on for a second
    const poll = await send(service, first.CheckpointToken, [])
    service.close()
    return poll.NewExecutionState.Operations.map((o) => [o.Id, o.Status])
  }
  assert.equal(await statuses(VirtualClock.live()), [[H('1'), 'SUCCEEDED'], [H('2'), 'READY']])
  assert.equal(await statuses(new VirtualClock()), [])
})

test('should rotate the token and reject a used one like the AWS SDK does', async () => {
  const { service, token } = open()
  const r = await send(service, token, [])
  assert.is.not(r.CheckpointToken, token)
  const err = await rejection(send(service, token, []))
  assert.is(err?.name, 'InvalidParameterValueException')
  assert.is(err?.message, 'Invalid Checkpoint Token')
  assert.is(err?.$metadata?.httpStatusCode, 400)
  assert.equal(service.calls.map((c) => c.error), [undefined, 'Invalid Checkpoint Token'])
})

test('should hand out a callback id on CALLBACK START and reject a second START', async () => {
  const { service, token } = open()
  const r = await send(service, token, [upd('CALLBACK', 'START', 'Callback', '1', { CallbackOptions: {} })])
  const id = (r.NewExecutionState.Operations[0]?.CallbackDetails as { CallbackId?: string })?.CallbackId
  assert.type(id, 'string')
  assert.ok((id as string).length > 16)
  const err = await rejection(send(service, r.CheckpointToken, [upd('CALLBACK', 'START', 'Callback', '1', { CallbackOptions: {} })]))
  assert.is(err?.name, 'InvalidParameterValueException')
})

test('should reject a whole batch that breaks a batch rule, applying none of it', async () => {
  const cases: [string, OperationUpdate[]][] = [
    ['duplicate', [waitStart('1', 1), waitStart('1', 1)]],
    ['unknown parent', [stepStart('1-1', { parent: '1' })]],
    ['EXECUTION not last', [upd('EXECUTION', 'SUCCEED', undefined, 'x'), stepStart('1')]],
    ['RETRY without StepOptions', [stepRetry('1')]],
    ['FAIL with Payload', [upd('STEP', 'FAIL', 'Step', '1', { Payload: '1' })]],
  ]
  for (const [why, updates] of cases) {
    const { service, token } = open()
    const err = await rejection(send(service, token, [stepStart('9'), ...updates]))
    assert.is(err?.$metadata?.httpStatusCode, 400, why)
    assert.is(service.store.ops.size, 1, `${why}: nothing applied`)
  }
})

test('should accept a parent STARTed earlier in the same batch', async () => {
  const { service, token } = open()
  await send(service, token, [ctxStart('1', 'RunInChildContext'), stepStart('1-1', { parent: '1' })])
  assert.is(stored(service, '1-1').ParentId, H('1'))
})

test('should prune descendants of a finished context unless it has ReplayChildren', async () => {
  const { service, token } = open()
  const r = await send(service, token, [
    ctxStart('1', 'RunInChildContext'), ctxStart('1-1', 'RunInChildContext', { parent: '1' }), stepStart('1-1-1', { parent: '1-1' }),
    ctxStart('2', 'RunInChildContext'), stepStart('2-1', { parent: '2' }),
  ])
  await send(service, r.CheckpointToken, [
    ctxSucceed('1', 'RunInChildContext'),
    ctxSucceed('2', 'RunInChildContext', { Payload: '', ContextOptions: { ReplayChildren: true } }),
  ])
  const ids = service.store.visible().map((o) => o.Id)
  assert.equal(ids.slice(1), [H('1'), H('2'), H('2-1')], 'the grandchild of 1 goes with its parent')
  assert.is(stored(service, '2').ContextDetails?.ReplayChildren, true)
})

test('should page the state: event up to pageSize with NextMarker, then MaxItems per call', async () => {
  const { service, token } = open()
  await send(service, token, [1, 2, 3, 4].map((i) => waitStart(String(i), 1)))
  service.endInvocation()
  const paged = new FakeService({}, { pageSize: 2 })
  ;[...service.store.ops.values()].slice(1).forEach((op) => paged.store.seed(op))
  const event = paged.beginInvocation()
  assert.is(event.InitialExecutionState.Operations.length, 2)
  const ask = (Marker: string | undefined, MaxItems?: number) =>
    paged.getState({ DurableExecutionArn: paged.arn, CheckpointToken: event.CheckpointToken, Marker, MaxItems }) as Promise<{ Operations: unknown[]; NextMarker?: string }>
  const p1 = await ask(event.InitialExecutionState.NextMarker, 2)
  assert.is(p1.Operations.length, 2)
  const p2 = await ask(p1.NextMarker, 2)
  assert.is(p2.Operations.length, 1)
  assert.is(p2.NextMarker, undefined)
  const err = await rejection(ask(undefined, 1001))
  assert.is(err?.$metadata?.httpStatusCode, 400)
  paged.close()
})

test('should apply an EXECUTION update to the execution and refuse checkpoints afterwards', async () => {
  const { service, token } = open()
  const r = await send(service, token, [upd('EXECUTION', 'SUCCEED', undefined, 'execution-result-1', { Payload: '"big"' })])
  assert.is(service.store.execution.Status, 'SUCCEEDED')
  assert.is(service.store.executionResult, '"big"')
  const err = await rejection(send(service, r.CheckpointToken, []))
  assert.is(err?.message, 'Invalid Checkpoint Token')
})

test.run()
