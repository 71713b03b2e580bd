import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as E from 'fp-ts/lib/Either.js'
import * as W from '../../../adapters/wire/codecs.js'

const update = { Id: 'c4ca4238a0b92382', Type: 'STEP', Action: 'START', SubType: 'Step' }

test('should decode a valid checkpoint request', () => {
  const r = W.decode(W.CheckpointRequestC, { CheckpointToken: 't', Updates: [update] }, 'checkpoint')
  assert.ok(E.isRight(r))
  if (E.isRight(r)) assert.equal(r.right.Updates[0], update)
})

test('should name the first failing path in one line', () => {
  const bad = { CheckpointToken: 't', Updates: [update, update, update, { ...update, Action: 'JUMP' }] }
  const r = W.decode(W.CheckpointRequestC, bad, 'CheckpointDurableExecution request')
  assert.ok(E.isLeft(r))
  if (E.isLeft(r)) {
    assert.is(r.left.path, 'Updates[3].Action')
    assert.is(r.left.code, 'WIRE_DECODE')
    assert.ok(!r.left.message.includes('\n'))
    assert.match(r.left.message, /^CheckpointDurableExecution request: invalid value at Updates\[3\]\.Action/)
    assert.match(r.left.message, /"JUMP"/)
  }
})

test('should reject bad ids, names and integer ranges', () => {
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ ...update, Id: '' }, 'Id'],
    [{ ...update, Id: 'x'.repeat(65) }, 'Id'],
    [{ ...update, Id: 'a/b' }, 'Id'],
    [{ ...update, ParentId: 'a b' }, 'ParentId'],
    [{ ...update, Name: '' }, 'Name'],
    [{ ...update, Name: 'é' }, 'Name'],
    [{ ...update, Name: 'n'.repeat(257) }, 'Name'],
    [{ ...update, Type: 'NOPE' }, 'Type'],
    [{ ...update, StepOptions: { NextAttemptDelaySeconds: 0 } }, 'StepOptions.NextAttemptDelaySeconds'],
    [{ ...update, WaitOptions: { WaitSeconds: 1.5 } }, 'WaitOptions.WaitSeconds'],
    [{ ...update, CallbackOptions: { TimeoutSeconds: -1 } }, 'CallbackOptions.TimeoutSeconds'],
    [{ ...update, ChainedInvokeOptions: {} }, 'ChainedInvokeOptions.FunctionName'],
    [{ ...update, Error: { StackTrace: [1] } }, 'Error.StackTrace[0]'],
  ]
  for (const [value, path] of cases) {
    const r = W.decode(W.OperationUpdateC, value, 'update')
    assert.ok(E.isLeft(r), JSON.stringify(value).slice(0, 80))
    if (E.isLeft(r)) assert.is(r.left.path, path)
  }
})

test('should accept the invocation event with extra keys and drop them', () => {
  const event = {
    DurableExecutionArn: 'arn', CheckpointToken: 'tok', durableExecutionClient: { checkpoint() {} },
    InitialExecutionState: { Operations: [{ Id: 'x', Type: 'EXECUTION', Status: 'STARTED', StartTimestamp: '2025-12-03T22:57:12.070Z' }] },
  }
  const r = W.decode(W.InvocationEventC, event, 'event')
  assert.ok(E.isRight(r))
  if (E.isRight(r)) {
    assert.not.ok('durableExecutionClient' in r.right)
    assert.is(r.right.InitialExecutionState?.Operations?.[0]?.StartTimestamp, Date.parse('2025-12-03T22:57:12.070Z'))
  }
  const missing = W.decode(W.InvocationEventC, { DurableExecutionArn: 'arn' }, 'event')
  assert.ok(E.isLeft(missing) && missing.left.path === 'CheckpointToken')
})

test('should decode the unobserved invocation event like the full one but without Start/EndTimestamp', () => {
  const ISO = '2025-12-03T22:57:12.070Z'
  const step = {
    Id: 's', Type: 'STEP', SubType: 'Step', Name: 'n', ParentId: 'p', Status: 'PENDING', StartTimestamp: ISO, EndTimestamp: ISO,
    StepDetails: { Attempt: 2, NextAttemptTimestamp: ISO, Result: '1', Error: { ErrorType: 'E', ErrorMessage: 'm' } },
  }
  const wait = { Id: 'w', Type: 'WAIT', Status: 'STARTED', StartTimestamp: ISO, WaitDetails: { ScheduledEndTimestamp: ISO } }
  const event = { DurableExecutionArn: 'arn', CheckpointToken: 'tok', InitialExecutionState: { Operations: [step, wait], NextMarker: 'm' } }
  const full = W.decode(W.InvocationEventC, event, 'event')
  const unobserved = W.decode(W.UnobservedInvocationEventC, event, 'event')
  assert.ok(E.isRight(full) && E.isRight(unobserved))
  if (!E.isRight(full) || !E.isRight(unobserved)) return
  const strip = (ops: readonly Record<string, unknown>[]) => ops.map(({ StartTimestamp: _s, EndTimestamp: _e, ...rest }) => rest)
  assert.equal(unobserved.right.InitialExecutionState?.Operations, strip(full.right.InitialExecutionState?.Operations ?? []))
  const ops = unobserved.right.InitialExecutionState?.Operations ?? []
  assert.is(ops[0]?.StepDetails?.NextAttemptTimestamp, Date.parse(ISO))
  assert.is(ops[1]?.WaitDetails?.ScheduledEndTimestamp, Date.parse(ISO))
  assert.not.ok('StartTimestamp' in (ops[0] ?? {}))
  const bad = W.decode(W.UnobservedInvocationEventC, { ...event, InitialExecutionState: { Operations: [{ ...step, Status: 'NOPE' }] } }, 'event')
  assert.ok(E.isLeft(bad) && bad.left.path === 'InitialExecutionState.Operations[0].Status')
})

test('should decode callback failure bodies and state responses', () => {
  assert.ok(E.isRight(W.decode(W.CallbackFailureBodyC, { ErrorType: 'E', ErrorMessage: 'm' }, 'body')))
  assert.ok(E.isLeft(W.decode(W.CallbackFailureBodyC, { ErrorMessage: 3 }, 'body')))
  const s = W.decode(W.StateResponseC, { Operations: [], NextMarker: '5' }, 'state')
  assert.ok(E.isRight(s))
  const c = W.decode(W.CheckpointResponseC, { CheckpointToken: 't2', NewExecutionState: { Operations: [] } }, 'cp')
  assert.ok(E.isRight(c))
})

test.run()
