import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Wait from '../../../core/operations/wait.js'
import type { RequestOf } from '../../../core/request.js'
import type { OperationStatus } from '../../../core/types.js'
import { recorded, top } from '../fixtures.js'

const id = top(2)
const begin = (extra: Partial<RequestOf<'WaitBegin'>> = {}): RequestOf<'WaitBegin'> => ({ _tag: 'WaitBegin', id, name: 'pause', seconds: 10, ...extra })
const record = (status: OperationStatus, scheduledEnd?: number) =>
  recorded(id, 'WAIT', 'Wait', status, { Name: 'pause', ...(scheduledEnd === undefined ? {} : { WaitDetails: { ScheduledEndTimestamp: scheduledEnd } }) })

test('should send a confirmed START with WaitSeconds and park when absent', () => {
  assert.equal(Wait.begin(undefined, begin()), {
    decision: { _tag: 'Park', reason: 'Wait' },
    updates: [{ Id: id.wire, Type: 'WAIT', SubType: 'Wait', Action: 'START', Name: 'pause', WaitOptions: { WaitSeconds: 10 } }],
    confirm: true,
  })
})

test('should omit Name for an unnamed wait', () => {
  const t = Wait.begin(undefined, { _tag: 'WaitBegin', id, seconds: 1 })
  assert.equal(t.updates, [{ Id: id.wire, Type: 'WAIT', SubType: 'Wait', Action: 'START', WaitOptions: { WaitSeconds: 1 } }])
})

test('should report a corrupt history when a recheck finds no record', () => {
  const t = Wait.begin(undefined, begin({ recheck: true }))
  assert.is(t.decision._tag, 'Corrupt')
  assert.equal(t.updates, [])
})

for (const status of ['STARTED', 'PENDING', 'READY'] as const) {
  test(`should park until ScheduledEndTimestamp without updates when ${status}`, () => {
    assert.equal(Wait.begin(record(status, 1_700_000_010_000), begin()), {
      decision: { _tag: 'Park', reason: 'Wait', until: 1_700_000_010_000 },
      updates: [],
      confirm: false,
    })
  })
}

test('should park without a deadline when the record has no ScheduledEndTimestamp', () => {
  assert.equal(Wait.begin(record('STARTED'), begin()).decision, { _tag: 'Park', reason: 'Wait' })
})

for (const status of ['SUCCEEDED', 'FAILED', 'CANCELLED', 'TIMED_OUT', 'STOPPED'] as const) {
  test(`should resolve the wait with no updates when ${status}`, () => {
    assert.equal(Wait.begin(record(status), begin()), { decision: { _tag: 'Replay' }, updates: [], confirm: false })
  })
}

test.run()
