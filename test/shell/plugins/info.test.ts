// Info objects from records: Dates for timestamps, the checkpointed result and error, the attempt;
// the code's identity fills what the record lacks and its plugin-facing name wins; whole-history
// maps are built only when read.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { Operation } from '../../../core/types.js'
import { describe, fromRecord, lazyMap, subset } from '../../../shell/plugins/info.js'

const failedStep: Operation = {
  Id: 'w1',
  ParentId: 'p1',
  Name: 'charge',
  Type: 'STEP',
  SubType: 'Step',
  Status: 'FAILED',
  StartTimestamp: 1_000,
  EndTimestamp: 2_000,
  StepDetails: { Attempt: 2, Error: { ErrorType: 'TypeError', ErrorMessage: 'card declined' } },
}

test('should turn a record into an OperationInfo with Dates, error, attempt and no replay', () => {
  const info = fromRecord(failedStep)
  assert.equal(info.startTimestamp, new Date(1_000))
  assert.equal(info.endTimestamp, new Date(2_000))
  assert.is(info.error?.message, 'card declined')
  assert.is(info.attempt, 2)
  assert.is(info.status, 'FAILED')
  assert.is(info.parentId, 'p1')
  assert.is(info.isReplay, false)
  assert.is('result' in info, false)
  assert.is(fromRecord({ Id: 'c', Type: 'CALLBACK', Status: 'SUCCEEDED', CallbackDetails: { Result: '"ok"' } }).result, '"ok"')
})

test('should backfill from the identity and let the plugin-facing name win', () => {
  const base = { id: 'w1', type: 'STEP' as const, subType: 'Step', name: 'charge-submitter', parentId: 'p1' }
  assert.equal(describe(base, undefined, true), { id: 'w1', type: 'STEP', isReplay: true, name: 'charge-submitter', subType: 'Step', parentId: 'p1' })
  const recorded = describe(base, { ...failedStep, Name: undefined }, false)
  assert.is(recorded.name, 'charge-submitter')
  assert.is(recorded.status, 'FAILED')
})

test('should build a lazy map only when read, and a subset of known ids', () => {
  let built = 0
  const map = lazyMap(() => {
    built++
    return [failedStep]
  })
  assert.is(built, 0)
  assert.equal(Object.keys(map), ['w1'])
  assert.ok('w1' in map)
  assert.is(map['w1']?.name, 'charge')
  assert.is(built, 1)
  assert.equal(Object.keys(subset(new Map([['w1', failedStep]]), ['w1', 'missing'])), ['w1'])
})

test.run()
