import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as Ids from '../../core/ids.js'
import * as Execution from '../../core/operations/execution.js'
import { H, play, state } from './vectors-support.js'

const id = (n: number) => Ids.operationId(Ids.root, n)
const ATL = 'AT_LEAST_ONCE_PER_RETRY' as const

const TV1 = suite('TV1 step, wait, step')

TV1('should send [step START+SUCCEED] then [WAIT START] and park on a fresh run', () => {
  const run = play(state(), [
    { _tag: 'StepBegin', id: id(1), name: 'add', semantics: ATL },
    { _tag: 'StepSucceeded', id: id(1), name: 'add', payload: '2' },
    { _tag: 'WaitBegin', id: id(2), name: 'pause', seconds: 10 },
  ])
  assert.equal(run.requests, [
    [
      { Id: 'c4ca4238a0b92382', Type: 'STEP', Action: 'START', SubType: 'Step', Name: 'add' },
      { Id: 'c4ca4238a0b92382', Type: 'STEP', Action: 'SUCCEED', SubType: 'Step', Name: 'add', Payload: '2' },
    ],
    [{ Id: 'c81e728d9d4c2f63', Type: 'WAIT', Action: 'START', SubType: 'Wait', Name: 'pause', WaitOptions: { WaitSeconds: 10 } }],
  ])
  assert.equal(run.decisions, [{ _tag: 'RunStep', attempt: 1 }, { _tag: 'Replay', payload: '2' }, { _tag: 'Park', reason: 'Wait' }])
})

TV1('should replay step and wait silently, then run the unnamed third step', () => {
  const history = state(
    { Id: H('1'), Type: 'STEP', SubType: 'Step', Name: 'add', Status: 'SUCCEEDED', StepDetails: { Attempt: 1, Result: '2' } },
    { Id: H('2'), Type: 'WAIT', SubType: 'Wait', Name: 'pause', Status: 'SUCCEEDED' },
  )
  const run = play(history, [
    { _tag: 'StepBegin', id: id(1), name: 'add', semantics: ATL },
    { _tag: 'WaitBegin', id: id(2), name: 'pause', seconds: 10 },
    { _tag: 'StepBegin', id: id(3), semantics: ATL },
    { _tag: 'StepSucceeded', id: id(3), payload: '20' },
  ])
  assert.equal(run.decisions.slice(0, 2), [{ _tag: 'Replay', payload: '2' }, { _tag: 'Replay' }])
  assert.equal(run.requests, [
    [
      { Id: 'eccbc87e4b5ce2fe', Type: 'STEP', Action: 'START', SubType: 'Step' },
      { Id: 'eccbc87e4b5ce2fe', Type: 'STEP', Action: 'SUCCEED', SubType: 'Step', Payload: '20' },
    ],
  ])
  assert.equal(Execution.succeeded('{"a":2,"b":20}', 0).output, { Status: 'SUCCEEDED', Result: '{"a":2,"b":20}' })
})

TV1.run()

const TV3 = suite('TV3 step retried after an error')
const flaky = { Id: H('1'), Type: 'STEP', SubType: 'Step', Name: 'flaky' } as const

TV3('should send START+RETRY with the error and the delay, then park', () => {
  const error = { ErrorMessage: 'boom', ErrorType: 'TypeError' }
  const run = play(state(), [
    { _tag: 'StepBegin', id: id(1), name: 'flaky', semantics: ATL },
    { _tag: 'StepFailed', id: id(1), name: 'flaky', error, verdict: { shouldRetry: true, delaySeconds: 3 } },
  ])
  assert.equal(run.requests, [
    [
      { Id: H('1'), Type: 'STEP', Action: 'START', SubType: 'Step', Name: 'flaky' },
      { Id: H('1'), Type: 'STEP', Action: 'RETRY', SubType: 'Step', Name: 'flaky', Error: error, StepOptions: { NextAttemptDelaySeconds: 3 } },
    ],
  ])
  assert.equal(run.decisions[1], { _tag: 'Park', reason: 'Retry' })
})

TV3('should park without updates while PENDING, then run attempt 2 with a new START when READY', () => {
  const pending = play(state({ ...flaky, Status: 'PENDING', StepDetails: { Attempt: 1, NextAttemptTimestamp: 3000 } }), [
    { _tag: 'StepBegin', id: id(1), name: 'flaky', semantics: ATL, recheck: true },
  ])
  assert.equal(pending.decisions, [{ _tag: 'Park', reason: 'Retry', until: 3000 }])
  assert.equal(pending.requests, [])
  const ready = play(state({ ...flaky, Status: 'READY', StepDetails: { Attempt: 1 } }), [
    { _tag: 'StepBegin', id: id(1), name: 'flaky', semantics: ATL },
    { _tag: 'StepSucceeded', id: id(1), name: 'flaky', payload: '"ok@2"' },
  ])
  assert.equal(ready.decisions[0], { _tag: 'RunStep', attempt: 2 })
  assert.equal(ready.requests, [[{ ...flaky, Action: 'START' }, { ...flaky, Action: 'SUCCEED', Payload: '"ok@2"' }]])
})

TV3.run()

const TV4 = suite('TV4 at-most-once step')
const charge = { Id: H('1'), Type: 'STEP', SubType: 'Step', Name: 'charge' } as const
const INTERRUPTED = 'The step execution process was initiated but failed to reach completion due to an interruption.'

TV4('should confirm START alone before running, then send SUCCEED alone', () => {
  const run = play(state(), [
    { _tag: 'StepBegin', id: id(1), name: 'charge', semantics: 'AT_MOST_ONCE_PER_RETRY' },
    { _tag: 'StepSucceeded', id: id(1), name: 'charge', payload: '"charged"' },
  ])
  assert.equal(run.requests, [[{ ...charge, Action: 'START' }], [{ ...charge, Action: 'SUCCEED', Payload: '"charged"' }]])
})

TV4('should FAIL an interrupted STARTED step with StepInterruptedError and raise StepError', () => {
  const history = state({ ...charge, Status: 'STARTED', StepDetails: { Attempt: 0 } })
  const begin = play(history, [{ _tag: 'StepBegin', id: id(1), name: 'charge', semantics: 'AT_MOST_ONCE_PER_RETRY' }])
  const interrupted = begin.decisions[0]
  assert.equal(interrupted, { _tag: 'StepInterrupted', attempt: 1, error: { ErrorType: 'StepInterruptedError', ErrorMessage: INTERRUPTED } })
  assert.ok(interrupted?._tag === 'StepInterrupted')
  const fail = play(history, [{ _tag: 'StepFailed', id: id(1), name: 'charge', error: interrupted.error, verdict: { shouldRetry: false } }])
  assert.equal(fail.requests, [[{ ...charge, Action: 'FAIL', Error: { ErrorMessage: INTERRUPTED, ErrorType: 'StepInterruptedError' } }]])
  const raised = fail.decisions[0]
  assert.ok(raised?._tag === 'Raise')
  assert.is(raised.error.errorType, 'StepError')
  assert.is(raised.error.message, INTERRUPTED)
})

TV4.run()

const TV8 = suite('TV8 createCallback')
const approval = { Id: H('1'), Type: 'CALLBACK', SubType: 'Callback', Name: 'approval' } as const

TV8('should confirm CALLBACK START, hand out the id, send the notify step, then park on the result', () => {
  const fresh = play(state(), [{ _tag: 'CallbackBegin', id: id(1), name: 'approval', options: { TimeoutSeconds: 3600, HeartbeatTimeoutSeconds: 300 } }])
  assert.equal(fresh.requests, [[{ ...approval, Action: 'START', CallbackOptions: { TimeoutSeconds: 3600, HeartbeatTimeoutSeconds: 300 } }]])
  const started = state({ ...approval, Status: 'STARTED', CallbackDetails: { CallbackId: 'cb-xyz' } })
  const run = play(started, [
    { _tag: 'CallbackBegin', id: id(1), name: 'approval', options: {}, recheck: true },
    { _tag: 'StepBegin', id: id(2), name: 'notify', semantics: ATL },
    { _tag: 'StepSucceeded', id: id(2), name: 'notify', payload: '"cb-xyz"' },
    { _tag: 'CallbackAwait', id: id(1), name: 'approval' },
  ])
  assert.equal(run.decisions[0], { _tag: 'CallbackCreated', callbackId: 'cb-xyz' })
  assert.equal(run.decisions[3], { _tag: 'Park', reason: 'Callback' })
  const notify = { Id: H('2'), Type: 'STEP', SubType: 'Step', Name: 'notify' }
  assert.equal(run.requests, [[{ ...notify, Action: 'START' }, { ...notify, Action: 'SUCCEED', Payload: '"cb-xyz"' }]])
})

TV8('should replay SUCCEEDED as the raw string, FAILED as CallbackExternalError, TIMED_OUT as CallbackTimeoutError', () => {
  const outcome = (details: object, status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT') =>
    play(state({ ...approval, Status: status, CallbackDetails: { CallbackId: 'cb', ...details } }), [{ _tag: 'CallbackAwait', id: id(1), name: 'approval' }]).decisions[0]
  assert.equal(outcome({ Result: '{"approved":true}' }, 'SUCCEEDED'), { _tag: 'Replay', payload: '{"approved":true}' })
  assert.equal(outcome({ Error: { ErrorType: 'Rejected', ErrorMessage: 'no way', ErrorData: '{"why":1}' } }, 'FAILED'), {
    _tag: 'Raise',
    error: { errorType: 'CallbackExternalError', message: 'no way', cause: { name: 'Rejected', message: 'no way' }, errorData: '{"why":1}' },
  })
  assert.equal(outcome({}, 'TIMED_OUT'), { _tag: 'Raise', error: { errorType: 'CallbackTimeoutError', message: 'Callback timed out' } })
})

TV8('should send CallbackOptions {} without options and {TimeoutSeconds:120} with a timeout only', () => {
  const options = (o: object) => play(state(), [{ _tag: 'CallbackBegin', id: id(1), options: o }]).requests[0]?.[0]?.CallbackOptions
  assert.equal(options({}), {})
  assert.equal(options({ TimeoutSeconds: 120 }), { TimeoutSeconds: 120 })
})

TV8.run()

const TV10 = suite('TV10 chained invoke')
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:b:1'
const callB = { Id: H('1'), Type: 'CHAINED_INVOKE', SubType: 'ChainedInvoke', Name: 'call-b' } as const

TV10('should confirm START with the input and the options, then park; replay the outcomes', () => {
  const run = play(state(), [{ _tag: 'InvokeBegin', id: id(1), name: 'call-b', functionName: ARN, payload: '{"n":1}', tenantId: 't-9' }])
  assert.equal(run.requests, [[{ ...callB, Action: 'START', Payload: '{"n":1}', ChainedInvokeOptions: { FunctionName: ARN, TenantId: 't-9' } }]])
  assert.equal(run.decisions, [{ _tag: 'Park', reason: 'Invoke' }])
  const begin = { _tag: 'InvokeBegin', id: id(1), name: 'call-b', functionName: ARN } as const
  assert.equal(play(state({ ...callB, Status: 'SUCCEEDED', ChainedInvokeDetails: { Result: '{"sum":2}' } }), [begin]).decisions, [{ _tag: 'Replay', payload: '{"sum":2}' }])
  const timedOut = state({ ...callB, Status: 'TIMED_OUT', ChainedInvokeDetails: { Error: { ErrorType: 'Sandbox.Timedout', ErrorMessage: 'timed out', ErrorData: 'x' } } })
  assert.equal(play(timedOut, [begin]).decisions, [
    { _tag: 'Raise', error: { errorType: 'InvokeError', message: 'timed out', cause: { name: 'Error', message: 'timed out' }, errorData: 'x' } },
  ])
})

TV10.run()
