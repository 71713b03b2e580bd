import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as Ids from '../../core/ids.js'
import type { Request } from '../../core/request.js'
import { H, play, state } from './vectors-support.js'

const ATL = 'AT_LEAST_ONCE_PER_RETRY' as const
const RICC = 'RunInChildContext'
const outer = Ids.operationId(Ids.root, 1)
const outerScope = Ids.childScope(Ids.root, outer, false)
const inner = Ids.operationId(outerScope, 2)
const innerScope = Ids.childScope(outerScope, inner, false)
const bad = Ids.operationId(Ids.root, 2)
const badScope = Ids.childScope(Ids.root, bad, false)

const TV5 = suite('TV5 nested child contexts and a failing step')

const tv5Requests: Request[] = [
  { _tag: 'ChildBegin', id: outer, name: 'outer', subType: RICC, virtual: false },
  { _tag: 'StepBegin', id: Ids.operationId(outerScope, 1), name: 's1', semantics: ATL },
  { _tag: 'StepSucceeded', id: Ids.operationId(outerScope, 1), name: 's1', payload: '1' },
  { _tag: 'ChildBegin', id: inner, subType: RICC, virtual: false },
  { _tag: 'StepBegin', id: Ids.operationId(innerScope, 1), semantics: ATL },
  { _tag: 'StepSucceeded', id: Ids.operationId(innerScope, 1), payload: '2' },
  { _tag: 'ChildSucceeded', id: inner, subType: RICC, virtual: false, payload: '2' },
  { _tag: 'ChildSucceeded', id: outer, name: 'outer', subType: RICC, virtual: false, payload: '3' },
  { _tag: 'ChildBegin', id: bad, name: 'bad', subType: RICC, virtual: false },
  { _tag: 'StepBegin', id: Ids.operationId(badScope, 1), name: 'boom', semantics: ATL },
  { _tag: 'StepFailed', id: Ids.operationId(badScope, 1), name: 'boom', error: { ErrorMessage: 'nope', ErrorType: 'Error' }, verdict: { shouldRetry: false } },
  { _tag: 'ChildFailed', id: bad, name: 'bad', subType: RICC, virtual: false, error: { ErrorType: 'StepError', ErrorMessage: 'nope' } },
]

TV5('should send exactly the four TV5 requests on a fresh run', () => {
  const s1 = { Id: H('1-1'), ParentId: H('1'), Type: 'STEP', SubType: 'Step', Name: 's1' }
  const s121 = { Id: H('1-2-1'), ParentId: H('1-2'), Type: 'STEP', SubType: 'Step' }
  const boom = { Id: H('2-1'), ParentId: H('2'), Type: 'STEP', SubType: 'Step', Name: 'boom' }
  assert.equal(play(state(), tv5Requests).requests, [
    [{ Id: H('1'), Type: 'CONTEXT', Action: 'START', SubType: RICC, Name: 'outer' }, { ...s1, Action: 'START' }, { ...s1, Action: 'SUCCEED', Payload: '1' }],
    [
      { Id: H('1-2'), ParentId: H('1'), Type: 'CONTEXT', Action: 'START', SubType: RICC },
      { ...s121, Action: 'START' },
      { ...s121, Action: 'SUCCEED', Payload: '2' },
    ],
    [
      { Id: H('1-2'), ParentId: H('1'), Type: 'CONTEXT', Action: 'SUCCEED', SubType: RICC, Payload: '2' },
      { Id: H('1'), Type: 'CONTEXT', Action: 'SUCCEED', SubType: RICC, Name: 'outer', Payload: '3' },
      { Id: H('2'), Type: 'CONTEXT', Action: 'START', SubType: RICC, Name: 'bad' },
      { ...boom, Action: 'START' },
      { ...boom, Action: 'FAIL', Error: { ErrorMessage: 'nope', ErrorType: 'Error' } },
    ],
    [{ Id: H('2'), Type: 'CONTEXT', Action: 'FAIL', SubType: RICC, Name: 'bad', Error: { ErrorType: 'StepError', ErrorMessage: 'nope' } }],
  ])
})

TV5('should surface the caught error as ChildContextError("nope") caused by a StepError', () => {
  const last = play(state(), tv5Requests).decisions.at(-1)
  assert.equal(last, {
    _tag: 'Raise',
    error: { errorType: 'ChildContextError', message: 'nope', cause: { errorType: 'StepError', message: 'nope', cause: { name: 'StepError', message: 'nope' } } },
  })
})

TV5('should replay the pruned state [H(1) SUCCEEDED, H(2) FAILED] with no updates and the same outcome', () => {
  const history = state(
    { Id: H('1'), Type: 'CONTEXT', SubType: RICC, Name: 'outer', Status: 'SUCCEEDED', ContextDetails: { Result: '3' } },
    { Id: H('2'), Type: 'CONTEXT', SubType: RICC, Name: 'bad', Status: 'FAILED', ContextDetails: { Error: { ErrorType: 'StepError', ErrorMessage: 'nope' } } },
  )
  const run = play(history, [tv5Requests[0]!, tv5Requests[8]!])
  assert.equal(run.requests, [])
  assert.equal(run.decisions[0], { _tag: 'Replay', payload: '3' })
  assert.equal(run.decisions[1], play(state(), tv5Requests).decisions.at(-1))
})

TV5.run()

const TV6 = suite('TV6 undefined results')

TV6('should send STEP and CONTEXT SUCCEED without Payload, and replay both as undefined', () => {
  const step = Ids.operationId(Ids.root, 1)
  const parent = Ids.operationId(Ids.root, 2)
  const run = play(state(), [
    { _tag: 'StepBegin', id: step, name: 'fetch-user', semantics: ATL },
    { _tag: 'StepSucceeded', id: step, name: 'fetch-user' },
    { _tag: 'ChildBegin', id: parent, name: 'parent', subType: RICC, virtual: false },
    { _tag: 'ChildSucceeded', id: parent, name: 'parent', subType: RICC, virtual: false },
    { _tag: 'WaitBegin', id: Ids.operationId(Ids.root, 3), seconds: 1 },
  ])
  const updates = run.requests.flat()
  assert.equal(updates.filter((u) => u.Action === 'SUCCEED').map((u) => 'Payload' in u), [false, false])
  assert.equal(run.decisions.at(-1), { _tag: 'Park', reason: 'Wait' })
  const history = state(
    { Id: H('1'), Type: 'STEP', SubType: 'Step', Name: 'fetch-user', Status: 'SUCCEEDED', StepDetails: { Attempt: 1 } },
    { Id: H('2'), Type: 'CONTEXT', SubType: RICC, Name: 'parent', Status: 'SUCCEEDED', ContextDetails: {} },
    { Id: H('3'), Type: 'WAIT', SubType: 'Wait', Status: 'SUCCEEDED' },
  )
  const replay = play(history, [
    { _tag: 'StepBegin', id: step, name: 'fetch-user', semantics: ATL },
    { _tag: 'ChildBegin', id: parent, name: 'parent', subType: RICC, virtual: false },
    { _tag: 'WaitBegin', id: Ids.operationId(Ids.root, 3), seconds: 1 },
  ])
  assert.equal(replay.decisions, [{ _tag: 'Replay' }, { _tag: 'Replay' }, { _tag: 'Replay' }])
  assert.equal(replay.requests, [])
})

TV6.run()

const TV9 = suite('TV9 waitForCallback composition')
const wrapper = Ids.operationId(Ids.root, 1)
const wrapperScope = Ids.childScope(Ids.root, wrapper, false)
const callback = Ids.operationId(wrapperScope, 1)
const submitter = Ids.operationId(wrapperScope, 2)
const tv9Requests: Request[] = [
  { _tag: 'ChildBegin', id: wrapper, name: 'approve', subType: 'WaitForCallback', virtual: false, mapping: 'callback' },
  { _tag: 'CallbackBegin', id: callback, options: { TimeoutSeconds: 600 } },
  { _tag: 'CallbackBegin', id: callback, options: { TimeoutSeconds: 600 }, recheck: true },
  { _tag: 'StepBegin', id: submitter, semantics: ATL },
  { _tag: 'StepSucceeded', id: submitter },
  { _tag: 'CallbackAwait', id: callback },
]
const wfc = { Id: H('1'), Type: 'CONTEXT', SubType: 'WaitForCallback', Name: 'approve' } as const
const cbRecord = { Id: H('1-1'), ParentId: H('1'), Type: 'CALLBACK', SubType: 'Callback' } as const
const submitterRecord = { Id: H('1-2'), ParentId: H('1'), Type: 'STEP', SubType: 'Step', Status: 'SUCCEEDED', StepDetails: { Attempt: 1 } } as const

TV9('should send [CONTEXT START, CALLBACK START] then [STEP START, STEP SUCCEED] and park (ids 1, 1-1, 1-2; no names inside)', () => {
  const confirmedCallback = state({ ...wfc, Status: 'STARTED' }, { ...cbRecord, Status: 'STARTED', CallbackDetails: { CallbackId: 'cb-9' } })
  const first = play(state(), tv9Requests.slice(0, 2))
  const rest = play(confirmedCallback, tv9Requests.slice(2))
  assert.equal(first.requests, [[{ ...wfc, Action: 'START' }, { ...cbRecord, Action: 'START', CallbackOptions: { TimeoutSeconds: 600 } }]])
  assert.equal(rest.requests, [[{ Id: H('1-2'), ParentId: H('1'), Type: 'STEP', SubType: 'Step', Action: 'START' }, { Id: H('1-2'), ParentId: H('1'), Type: 'STEP', SubType: 'Step', Action: 'SUCCEED' }]])
  assert.equal(rest.decisions[0], { _tag: 'CallbackCreated', callbackId: 'cb-9' })
  assert.equal(rest.decisions.at(-1), { _tag: 'Park', reason: 'Callback' })
})

TV9('should replay the children and send CONTEXT SUCCEED with the double-encoded result in invocation 2', () => {
  const history = state(
    { ...wfc, Status: 'STARTED' },
    { ...cbRecord, Status: 'SUCCEEDED', CallbackDetails: { CallbackId: 'cb-9', Result: '{"ok":1}' } },
    submitterRecord,
  )
  const run = play(history, [
    tv9Requests[0]!,
    tv9Requests[1]!,
    tv9Requests[3]!,
    tv9Requests[5]!,
    { _tag: 'ChildSucceeded', id: wrapper, name: 'approve', subType: 'WaitForCallback', virtual: false, payload: JSON.stringify('{"ok":1}') },
  ])
  assert.equal(run.decisions.slice(0, 4), [{ _tag: 'EnterChild', mode: 'Execute' }, { _tag: 'CallbackCreated', callbackId: 'cb-9' }, { _tag: 'Replay' }, { _tag: 'Replay', payload: '{"ok":1}' }])
  assert.equal(run.requests, [[{ ...wfc, Action: 'SUCCEED', Payload: '"{\\"ok\\":1}"' }]])
})

TV9('should FAIL the context with the StepError of a failing submitter and surface CallbackSubmitterError', () => {
  const run = play(state(), [
    { _tag: 'ChildFailed', id: wrapper, name: 'approve', subType: 'WaitForCallback', virtual: false, mapping: 'callback', error: { ErrorType: 'StepError', ErrorMessage: 'cannot submit' } },
  ])
  assert.equal(run.requests, [[{ ...wfc, Action: 'FAIL', Error: { ErrorType: 'StepError', ErrorMessage: 'cannot submit' } }]])
  const raised = run.decisions[0]
  assert.ok(raised?._tag === 'Raise')
  assert.equal([raised.error.errorType, raised.error.message], ['CallbackSubmitterError', 'cannot submit'])
})

TV9('should surface CallbackTimeoutError on first run and on replay of a timed-out callback', () => {
  const timeout = { ErrorType: 'CallbackTimeoutError', ErrorMessage: 'Callback timed out' }
  const first = play(state(), [{ _tag: 'ChildFailed', id: wrapper, name: 'approve', subType: 'WaitForCallback', virtual: false, mapping: 'callback', error: timeout }])
  const replay = play(state({ ...wfc, Status: 'FAILED', ContextDetails: { Error: timeout } }), [tv9Requests[0]!])
  assert.equal(first.requests, [[{ ...wfc, Action: 'FAIL', Error: timeout }]])
  assert.equal(replay.decisions, first.decisions)
  assert.is(replay.decisions[0]?._tag === 'Raise' && replay.decisions[0].error.errorType, 'CallbackTimeoutError')
})

TV9.run()
