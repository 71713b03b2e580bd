import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as Step from '../../../core/operations/step.js'
import type { RequestOf, StepSemantics } from '../../../core/request.js'
import type { Operation, OperationStatus } from '../../../core/types.js'
import { inside, recorded, top } from '../fixtures.js'

const id = top(1)
const begin = (semantics: StepSemantics = 'AT_LEAST_ONCE_PER_RETRY', extra: Partial<RequestOf<'StepBegin'>> = {}): RequestOf<'StepBegin'> => ({
  _tag: 'StepBegin',
  id,
  name: 'charge',
  semantics,
  ...extra,
})
const record = (status: OperationStatus, details: Operation['StepDetails'] = {}) =>
  recorded(id, 'STEP', 'Step', status, { Name: 'charge', StepDetails: details })
const START = { Id: id.wire, Type: 'STEP', SubType: 'Step', Action: 'START', Name: 'charge' }

const Begin = suite('Step.begin')

Begin('should start and run attempt 1 without confirmation when absent (at-least-once)', () => {
  assert.equal(Step.begin(undefined, begin()), { decision: { _tag: 'RunStep', attempt: 1 }, updates: [START], confirm: false })
})

Begin('should start and run attempt 1 only after confirmation when absent (at-most-once)', () => {
  assert.equal(Step.begin(undefined, begin('AT_MOST_ONCE_PER_RETRY')), {
    decision: { _tag: 'RunStep', attempt: 1 },
    updates: [START],
    confirm: true,
  })
})

Begin('should send START again and run attempt Attempt+1 when READY (at-least-once)', () => {
  const t = Step.begin(record('READY', { Attempt: 1 }), begin())
  assert.equal(t, { decision: { _tag: 'RunStep', attempt: 2 }, updates: [START], confirm: false })
})

Begin('should confirm the START of a READY at-most-once step before running it', () => {
  const t = Step.begin(record('READY', { Attempt: 2 }), begin('AT_MOST_ONCE_PER_RETRY'))
  assert.equal(t, { decision: { _tag: 'RunStep', attempt: 3 }, updates: [START], confirm: true })
})

Begin('should treat an unexpected status (TIMED_OUT) like a new attempt', () => {
  const t = Step.begin(record('TIMED_OUT', { Attempt: 1 }), begin())
  assert.equal(t, { decision: { _tag: 'RunStep', attempt: 2 }, updates: [START], confirm: false })
})

Begin('should re-run a STARTED at-least-once step without re-sending START', () => {
  const t = Step.begin(record('STARTED', { Attempt: 1 }), begin())
  assert.equal(t, { decision: { _tag: 'RunStep', attempt: 2 }, updates: [], confirm: false })
})

Begin('should report a STARTED at-most-once step as interrupted, with the official message', () => {
  const t = Step.begin(record('STARTED'), begin('AT_MOST_ONCE_PER_RETRY'))
  assert.equal(t.decision, {
    _tag: 'StepInterrupted',
    attempt: 1,
    error: {
      ErrorType: 'StepInterruptedError',
      ErrorMessage: 'The step execution process was initiated but failed to reach completion due to an interruption.',
    },
  })
  assert.equal(t.updates, [])
})

Begin('should replay the recorded result when SUCCEEDED', () => {
  const t = Step.begin(record('SUCCEEDED', { Attempt: 1, Result: '"ok"' }), begin())
  assert.equal(t, { decision: { _tag: 'Replay', payload: '"ok"' }, updates: [], confirm: false })
})

Begin('should replay undefined (no payload key) when SUCCEEDED without Result', () => {
  const t = Step.begin(record('SUCCEEDED'), begin())
  assert.equal(t.decision, { _tag: 'Replay' })
  assert.not.ok('payload' in t.decision)
})

Begin('should raise the recorded error rebuilt by fromErrorObject when FAILED', () => {
  const t = Step.begin(record('FAILED', { Error: { ErrorType: 'TypeError', ErrorMessage: 'boom' } }), begin())
  assert.equal(t.decision, {
    _tag: 'Raise',
    error: { errorType: 'StepError', message: 'boom', cause: { name: 'TypeError', message: 'boom' } },
  })
  assert.equal(t.updates, [])
})

Begin('should raise StepError "Unknown error" when FAILED without an error record', () => {
  assert.equal(Step.begin(record('FAILED'), begin()).decision, { _tag: 'Raise', error: { errorType: 'StepError', message: 'Unknown error' } })
})

Begin('should park until NextAttemptTimestamp when PENDING', () => {
  const t = Step.begin(record('PENDING', { Attempt: 1, NextAttemptTimestamp: 1_700_000_003_000 }), begin())
  assert.equal(t, { decision: { _tag: 'Park', reason: 'Retry', until: 1_700_000_003_000 }, updates: [], confirm: false })
})

Begin('should park without a deadline when PENDING has no NextAttemptTimestamp', () => {
  assert.equal(Step.begin(record('PENDING'), begin()).decision, { _tag: 'Park', reason: 'Retry' })
})

Begin('should report a corrupt history when a recheck finds no record', () => {
  const t = Step.begin(undefined, begin('AT_MOST_ONCE_PER_RETRY', { recheck: true }))
  assert.is(t.decision._tag, 'Corrupt')
  assert.equal(t.updates, [])
})

Begin('should stamp ParentId and leave Name out when the step is unnamed inside a child', () => {
  const child = inside(top(2), 1)
  const t = Step.begin(undefined, { _tag: 'StepBegin', id: child, semantics: 'AT_LEAST_ONCE_PER_RETRY' })
  assert.equal(t.updates, [{ Id: child.wire, ParentId: top(2).wire, Type: 'STEP', SubType: 'Step', Action: 'START' }])
})

Begin.run()

const Succeeded = suite('Step.succeeded')

Succeeded('should send SUCCEED with the payload, confirmed, and replay it', () => {
  const t = Step.succeeded({ _tag: 'StepSucceeded', id, name: 'charge', payload: '"charged"' })
  assert.equal(t, {
    decision: { _tag: 'Replay', payload: '"charged"' },
    updates: [{ ...START, Action: 'SUCCEED', Payload: '"charged"' }],
    confirm: true,
  })
})

Succeeded('should omit Payload when the result serialized to undefined', () => {
  const t = Step.succeeded({ _tag: 'StepSucceeded', id, name: 'charge' })
  assert.equal(t.updates, [{ ...START, Action: 'SUCCEED' }])
  assert.equal(t.decision, { _tag: 'Replay' })
})

Succeeded.run()

const Failed = suite('Step.failed')

Failed('should send FAIL and raise the rebuilt error when the strategy gives up', () => {
  const error = { ErrorType: 'Error', ErrorMessage: 'nope' }
  const t = Step.failed({ _tag: 'StepFailed', id, name: 'charge', error, verdict: { shouldRetry: false } })
  assert.equal(t, {
    decision: { _tag: 'Raise', error: { errorType: 'StepError', message: 'nope', cause: { name: 'Error', message: 'nope' } } },
    updates: [{ ...START, Action: 'FAIL', Error: error }],
    confirm: true,
  })
})

Failed('should send RETRY with the error and delay and park when the strategy retries', () => {
  const error = { ErrorType: 'TypeError', ErrorMessage: 'boom' }
  const t = Step.failed({ _tag: 'StepFailed', id, name: 'charge', error, verdict: { shouldRetry: true, delaySeconds: 3 } })
  assert.equal(t, {
    decision: { _tag: 'Park', reason: 'Retry' },
    updates: [{ ...START, Action: 'RETRY', Error: error, StepOptions: { NextAttemptDelaySeconds: 3 } }],
    confirm: true,
  })
})

Failed.run()
