import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as E from 'fp-ts/lib/Either.js'
import * as W from '../../../adapters/wire/codecs.js'

const ms = Date.parse('2026-07-13T22:11:27.127Z')
const base = { Id: 'c4ca4238a0b92382', Type: 'WAIT', Status: 'STARTED' }

function decodeOp(value: unknown) {
  const r = W.decode(W.OperationC, value, 'operation')
  if (E.isLeft(r)) throw new Error(r.left.message)
  return r.right
}

test('should decode epoch seconds, ISO strings and Dates into epoch ms', () => {
  assert.is(decodeOp({ ...base, StartTimestamp: ms / 1000 }).StartTimestamp, ms)
  assert.is(decodeOp({ ...base, StartTimestamp: '2026-07-13T22:11:27.127Z' }).StartTimestamp, ms)
  assert.is(decodeOp({ ...base, StartTimestamp: new Date(ms) }).StartTimestamp, ms)
  assert.is(decodeOp({ ...base, WaitDetails: { ScheduledEndTimestamp: ms / 1000 } }).WaitDetails?.ScheduledEndTimestamp, ms)
})

test('should treat unparseable timestamps as absent', () => {
  const op = decodeOp({ ...base, StartTimestamp: 'yesterday', EndTimestamp: { x: 1 }, StepDetails: { NextAttemptTimestamp: NaN } })
  assert.not.ok('StartTimestamp' in op)
  assert.not.ok('EndTimestamp' in op)
  assert.equal(op.StepDetails, {})
})

test('should reject unknown statuses and strip unknown keys', () => {
  const r = W.decode(W.OperationC, { ...base, Status: 'DONE' }, 'operation')
  assert.ok(E.isLeft(r) && r.left.path === 'Status')
  assert.not.ok('Extra' in decodeOp({ ...base, Extra: 1 }))
})

test('should encode for the API with epoch seconds and for the event with ISO strings', () => {
  const op = decodeOp({ ...base, StartTimestamp: ms / 1000, WaitDetails: { ScheduledEndTimestamp: ms / 1000 } })
  const api = W.encodeOperationForApi(op)
  assert.is(api.StartTimestamp, ms / 1000)
  const ev = W.encodeOperationForEvent(op)
  assert.is(ev.StartTimestamp, '2026-07-13T22:11:27.127Z')
  assert.is(ev.WaitDetails?.ScheduledEndTimestamp, '2026-07-13T22:11:27.127Z')
  assert.equal(decodeOp(JSON.parse(JSON.stringify(ev))), op)
  assert.equal(decodeOp(JSON.parse(JSON.stringify(api))), op)
})

test('should encode for in-process SDK clients with Date timestamps', () => {
  const op = decodeOp({ ...base, StartTimestamp: ms / 1000 })
  const sdk = W.encodeOperationForSdk(op)
  assert.ok(sdk.StartTimestamp instanceof Date)
  assert.is(sdk.StartTimestamp?.getTime(), ms)
})

test.run()
