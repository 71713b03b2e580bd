import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as WaitForCondition from '../../../core/operations/wait-for-condition.js'
import type { RequestOf } from '../../../core/request.js'
import type { Operation, OperationStatus } from '../../../core/types.js'
import { recorded, top } from '../fixtures.js'

const id = top(1)
const begin = (extra: Partial<RequestOf<'ConditionBegin'>> = {}): RequestOf<'ConditionBegin'> => ({ _tag: 'ConditionBegin', id, name: 'poll', ...extra })
const record = (status: OperationStatus, details: Operation['StepDetails'] = {}) =>
  recorded(id, 'STEP', 'WaitForCondition', status, { Name: 'poll', StepDetails: details })
const START = { Id: id.wire, Type: 'STEP', SubType: 'WaitForCondition', Action: 'START', Name: 'poll' }

const Begin = suite('WaitForCondition.begin')

Begin('should start (unconfirmed) and check from the initial state when absent', () => {
  assert.equal(WaitForCondition.begin(undefined, begin()), { decision: { _tag: 'RunCheck', attempt: 1 }, updates: [START], confirm: false })
})

Begin('should start again from the initial state on an unexpected status (CANCELLED)', () => {
  const t = WaitForCondition.begin(record('CANCELLED', { Attempt: 2, Result: '{"n":5}' }), begin())
  assert.equal(t, { decision: { _tag: 'RunCheck', attempt: 3 }, updates: [START], confirm: false })
})

Begin('should send START and check from the recorded state when READY', () => {
  const t = WaitForCondition.begin(record('READY', { Attempt: 1, Result: '{"n":1}' }), begin())
  assert.equal(t, { decision: { _tag: 'RunCheck', attempt: 2, statePayload: '{"n":1}' }, updates: [START], confirm: false })
})

Begin('should check from the initial state when READY has no recorded state', () => {
  const t = WaitForCondition.begin(record('READY', { Attempt: 1 }), begin())
  assert.equal(t.decision, { _tag: 'RunCheck', attempt: 2 })
})

Begin('should re-run the check without START when STARTED', () => {
  const t = WaitForCondition.begin(record('STARTED', { Attempt: 1, Result: '{"n":1}' }), begin())
  assert.equal(t, { decision: { _tag: 'RunCheck', attempt: 2, statePayload: '{"n":1}' }, updates: [], confirm: false })
})

Begin('should re-run from the initial state without START when STARTED has no state', () => {
  assert.equal(WaitForCondition.begin(record('STARTED'), begin()), { decision: { _tag: 'RunCheck', attempt: 1 }, updates: [], confirm: false })
})

Begin('should replay the final state when SUCCEEDED', () => {
  assert.equal(WaitForCondition.begin(record('SUCCEEDED', { Result: '{"n":2}' }), begin()).decision, { _tag: 'Replay', payload: '{"n":2}' })
})

Begin('should replay undefined when SUCCEEDED without state', () => {
  assert.equal(WaitForCondition.begin(record('SUCCEEDED'), begin()).decision, { _tag: 'Replay' })
})

Begin('should raise the rebuilt recorded error when FAILED', () => {
  const error = { ErrorType: 'Error', ErrorMessage: 'waitForCondition exceeded maximum attempts (3)' }
  assert.equal(WaitForCondition.begin(record('FAILED', { Error: error }), begin()).decision, {
    _tag: 'Raise',
    error: { errorType: 'StepError', message: error.ErrorMessage, cause: { name: 'Error', message: error.ErrorMessage } },
  })
})

Begin('should raise WaitForConditionError "waitForCondition failed" when FAILED without an error', () => {
  assert.equal(WaitForCondition.begin(record('FAILED'), begin()).decision, {
    _tag: 'Raise',
    error: { errorType: 'WaitForConditionError', message: 'waitForCondition failed' },
  })
})

Begin('should park until NextAttemptTimestamp when PENDING', () => {
  const t = WaitForCondition.begin(record('PENDING', { Attempt: 1, NextAttemptTimestamp: 42_000 }), begin())
  assert.equal(t, { decision: { _tag: 'Park', reason: 'Retry', until: 42_000 }, updates: [], confirm: false })
})

Begin('should park without a deadline when PENDING has no NextAttemptTimestamp', () => {
  assert.equal(WaitForCondition.begin(record('PENDING'), begin()).decision, { _tag: 'Park', reason: 'Retry' })
})

Begin('should report a corrupt history when a recheck finds no record', () => {
  assert.is(WaitForCondition.begin(undefined, begin({ recheck: true })).decision._tag, 'Corrupt')
})

Begin.run()

const Checked = suite('WaitForCondition.checked')

Checked('should send a confirmed SUCCEED with the state and replay it when told to stop', () => {
  const t = WaitForCondition.checked({ _tag: 'ConditionChecked', id, name: 'poll', payload: '{"n":2}', verdict: { shouldContinue: false } })
  assert.equal(t, { decision: { _tag: 'Replay', payload: '{"n":2}' }, updates: [{ ...START, Action: 'SUCCEED', Payload: '{"n":2}' }], confirm: true })
})

Checked('should omit Payload on SUCCEED when the state serialized to undefined', () => {
  const t = WaitForCondition.checked({ _tag: 'ConditionChecked', id, name: 'poll', verdict: { shouldContinue: false } })
  assert.equal(t.updates, [{ ...START, Action: 'SUCCEED' }])
  assert.equal(t.decision, { _tag: 'Replay' })
})

Checked('should send a confirmed RETRY with the state and the delay, and park, when told to continue', () => {
  const t = WaitForCondition.checked({ _tag: 'ConditionChecked', id, name: 'poll', payload: '{"n":1}', verdict: { shouldContinue: true, delaySeconds: 5 } })
  assert.equal(t, {
    decision: { _tag: 'Park', reason: 'Retry' },
    updates: [{ ...START, Action: 'RETRY', Payload: '{"n":1}', StepOptions: { NextAttemptDelaySeconds: 5 } }],
    confirm: true,
  })
  assert.not.ok('Error' in (t.updates[0] ?? {}))
})

Checked.run()

const Failed = suite('WaitForCondition.failed')

Failed('should send a confirmed FAIL and raise the rebuilt error', () => {
  const error = { ErrorType: 'RangeError', ErrorMessage: 'bad state' }
  const t = WaitForCondition.failed({ _tag: 'ConditionFailed', id, name: 'poll', error })
  assert.equal(t, {
    decision: { _tag: 'Raise', error: { errorType: 'StepError', message: 'bad state', cause: { name: 'RangeError', message: 'bad state' } } },
    updates: [{ ...START, Action: 'FAIL', Error: error }],
    confirm: true,
  })
})

Failed.run()
