import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as ChildContext from '../../../core/operations/child-context.js'
import type { RequestOf } from '../../../core/request.js'
import type { Operation, OperationStatus } from '../../../core/types.js'
import { inside, recorded, top } from '../fixtures.js'

const id = top(1)
const begin = (extra: Partial<RequestOf<'ChildBegin'>> = {}): RequestOf<'ChildBegin'> => ({
  _tag: 'ChildBegin',
  id,
  name: 'outer',
  subType: 'RunInChildContext',
  virtual: false,
  ...extra,
})
const succeeded = (extra: Partial<RequestOf<'ChildSucceeded'>> = {}): RequestOf<'ChildSucceeded'> => ({
  _tag: 'ChildSucceeded',
  id,
  name: 'outer',
  subType: 'RunInChildContext',
  virtual: false,
  payload: '3',
  ...extra,
})
const NOPE = { ErrorType: 'StepError', ErrorMessage: 'nope' }
const failed = (extra: Partial<RequestOf<'ChildFailed'>> = {}): RequestOf<'ChildFailed'> => ({
  _tag: 'ChildFailed',
  id,
  name: 'outer',
  subType: 'RunInChildContext',
  virtual: false,
  error: NOPE,
  ...extra,
})
const record = (status: OperationStatus, details: Operation['ContextDetails'] = {}) =>
  recorded(id, 'CONTEXT', 'RunInChildContext', status, { Name: 'outer', ContextDetails: details })
const HEAD = { Id: id.wire, Type: 'CONTEXT', SubType: 'RunInChildContext' }
/** ChildContextError("nope") wrapping the rebuilt StepError("nope"), as TV5 describes. */
const WRAPPED_NOPE = {
  errorType: 'ChildContextError',
  message: 'nope',
  cause: { errorType: 'StepError', message: 'nope', cause: { name: 'StepError', message: 'nope' } },
}

const Begin = suite('ChildContext.begin')

Begin('should enqueue START (unconfirmed) with SubType and Name and execute when absent', () => {
  assert.equal(ChildContext.begin(undefined, begin()), {
    decision: { _tag: 'EnterChild', mode: 'Execute' },
    updates: [{ ...HEAD, Action: 'START', Name: 'outer' }],
    confirm: false,
  })
})

Begin('should record a custom subType verbatim and stamp ParentId inside a child', () => {
  const nested = inside(top(3), 2)
  const t = ChildContext.begin(undefined, { _tag: 'ChildBegin', id: nested, subType: 'WaitForCallback', virtual: false })
  assert.equal(t.updates, [{ Id: nested.wire, ParentId: top(3).wire, Type: 'CONTEXT', SubType: 'WaitForCallback', Action: 'START' }])
})

Begin('should execute a virtual context without updates when absent', () => {
  assert.equal(ChildContext.begin(undefined, begin({ virtual: true })), { decision: { _tag: 'EnterChild', mode: 'Execute' }, updates: [], confirm: false })
})

Begin('should execute a virtual context whatever is recorded at its id', () => {
  assert.equal(ChildContext.begin(record('FAILED', { Error: NOPE }), begin({ virtual: true })).decision, { _tag: 'EnterChild', mode: 'Execute' })
})

for (const status of ['STARTED', 'PENDING', 'READY'] as const) {
  Begin(`should re-run the function without START when ${status}`, () => {
    assert.equal(ChildContext.begin(record(status), begin()), { decision: { _tag: 'EnterChild', mode: 'Execute' }, updates: [], confirm: false })
  })
}

Begin('should re-run the function in ReplaySucceeded mode when SUCCEEDED with ReplayChildren', () => {
  const t = ChildContext.begin(record('SUCCEEDED', { ReplayChildren: true, Result: '' }), begin())
  assert.equal(t, { decision: { _tag: 'EnterChild', mode: 'ReplaySucceeded' }, updates: [], confirm: false })
})

Begin('should replay the recorded result when SUCCEEDED', () => {
  assert.equal(ChildContext.begin(record('SUCCEEDED', { Result: '3' }), begin()), { decision: { _tag: 'Replay', payload: '3' }, updates: [], confirm: false })
})

Begin('should replay undefined when SUCCEEDED without Result', () => {
  assert.equal(ChildContext.begin(record('SUCCEEDED'), begin()).decision, { _tag: 'Replay' })
})

Begin('should raise ChildContextError wrapping the rebuilt error when FAILED', () => {
  assert.equal(ChildContext.begin(record('FAILED', { Error: NOPE }), begin()), { decision: { _tag: 'Raise', error: WRAPPED_NOPE }, updates: [], confirm: false })
})

Begin('should apply the request mapping to a FAILED record', () => {
  const timeout = { ErrorType: 'CallbackTimeoutError', ErrorMessage: 'Callback timed out' }
  const t = ChildContext.begin(record('FAILED', { Error: timeout }), begin({ subType: 'WaitForCallback', mapping: 'callback' }))
  assert.equal(t.decision, {
    _tag: 'Raise',
    error: { errorType: 'CallbackTimeoutError', message: 'Callback timed out', cause: { name: 'CallbackTimeoutError', message: 'Callback timed out' } },
  })
})

Begin.run()

const Succeeded = suite('ChildContext.succeeded')

Succeeded('should enqueue SUCCEED (unconfirmed) with the payload and replay it', () => {
  assert.equal(ChildContext.succeeded(record('STARTED'), succeeded()), {
    decision: { _tag: 'Replay', payload: '3' },
    updates: [{ ...HEAD, Action: 'SUCCEED', Name: 'outer', Payload: '3' }],
    confirm: false,
  })
})

Succeeded('should send SUCCEED without Payload (and no ContextOptions) for an undefined result', () => {
  const t = ChildContext.succeeded(undefined, succeeded({ payload: undefined }))
  assert.equal(t.updates, [{ ...HEAD, Action: 'SUCCEED', Name: 'outer' }])
  assert.equal(t.decision, { _tag: 'Replay' })
})

Succeeded('should send nothing for a virtual context', () => {
  assert.equal(ChildContext.succeeded(undefined, succeeded({ virtual: true })), { decision: { _tag: 'Replay', payload: '3' }, updates: [], confirm: false })
})

Succeeded('should send nothing when the context is already SUCCEEDED (ReplaySucceeded re-run)', () => {
  const t = ChildContext.succeeded(record('SUCCEEDED', { ReplayChildren: true, Result: '' }), succeeded({ payload: '"big"' }))
  assert.equal(t, { decision: { _tag: 'Replay', payload: '"big"' }, updates: [], confirm: false })
})

Succeeded('should record the summary with ReplayChildren when the payload is oversized', () => {
  const big = JSON.stringify('x'.repeat(262_200))
  const t = ChildContext.succeeded(undefined, succeeded({ payload: big, summary: 'n=3' }))
  assert.equal(t.updates, [{ ...HEAD, Action: 'SUCCEED', Name: 'outer', Payload: 'n=3', ContextOptions: { ReplayChildren: true } }])
  assert.equal(t.decision, { _tag: 'Replay', payload: big })
})

Succeeded('should record an empty payload with ReplayChildren when oversized without a summary', () => {
  const t = ChildContext.succeeded(undefined, succeeded({ payload: JSON.stringify('x'.repeat(262_200)) }))
  assert.equal(t.updates, [{ ...HEAD, Action: 'SUCCEED', Name: 'outer', Payload: '', ContextOptions: { ReplayChildren: true } }])
})

Succeeded('should record the full payload with ReplayChildren when asked to preserve its children', () => {
  const t = ChildContext.succeeded(record('STARTED'), succeeded({ preserveChildren: true }))
  assert.equal(t.updates, [{ ...HEAD, Action: 'SUCCEED', Name: 'outer', Payload: '3', ContextOptions: { ReplayChildren: true } }])
  assert.equal(t.decision, { _tag: 'Replay', payload: '3' })
  const none = ChildContext.succeeded(undefined, succeeded({ payload: undefined, preserveChildren: true }))
  assert.equal(none.updates, [{ ...HEAD, Action: 'SUCCEED', Name: 'outer', ContextOptions: { ReplayChildren: true } }])
})

Succeeded('should still record the summary, not the payload, when preserving an oversized result', () => {
  const big = JSON.stringify('x'.repeat(262_200))
  const t = ChildContext.succeeded(undefined, succeeded({ payload: big, summary: 'n=3', preserveChildren: true }))
  assert.equal(t.updates, [{ ...HEAD, Action: 'SUCCEED', Name: 'outer', Payload: 'n=3', ContextOptions: { ReplayChildren: true } }])
})

Succeeded('should send nothing when preserving a virtual or already finished context', () => {
  assert.equal(ChildContext.succeeded(undefined, succeeded({ virtual: true, preserveChildren: true })).updates, [])
  assert.equal(ChildContext.succeeded(record('SUCCEEDED', { ReplayChildren: true, Result: '3' }), succeeded({ preserveChildren: true })).updates, [])
})

Succeeded.run()

const Failed = suite('ChildContext.failed')

Failed('should enqueue FAIL with the error and raise ChildContextError', () => {
  assert.equal(ChildContext.failed(record('STARTED'), failed()), {
    decision: { _tag: 'Raise', error: WRAPPED_NOPE },
    updates: [{ ...HEAD, Action: 'FAIL', Name: 'outer', Error: NOPE }],
    confirm: false,
  })
})

Failed('should send nothing for a virtual context but still raise', () => {
  assert.equal(ChildContext.failed(undefined, failed({ virtual: true })), { decision: { _tag: 'Raise', error: WRAPPED_NOPE }, updates: [], confirm: false })
})

Failed('should have the shell rethrow the error as thrown, sending nothing, when a ReplayChildren context throws on its re-run', () => {
  assert.equal(ChildContext.failed(record('SUCCEEDED', { ReplayChildren: true, Result: '' }), failed()), {
    decision: { _tag: 'Rethrow' },
    updates: [],
    confirm: false,
  })
  // Only the plain child context: a batch or callback wrapper keeps its own mapping.
  assert.equal(ChildContext.failed(record('SUCCEEDED', { ReplayChildren: true }), failed({ mapping: 'combinator' })).decision, ChildContext.failed(record('FAILED'), failed({ mapping: 'combinator' })).decision)
})

Failed('should send nothing when the context is already terminal', () => {
  assert.equal(ChildContext.failed(record('FAILED', { Error: NOPE }), failed()).updates, [])
})

Failed('should record FAIL with ReplayChildren when asked to preserve its children, and still raise', () => {
  assert.equal(ChildContext.failed(record('STARTED'), failed({ preserveChildren: true })), {
    decision: { _tag: 'Raise', error: WRAPPED_NOPE },
    updates: [{ ...HEAD, Action: 'FAIL', Name: 'outer', Error: NOPE, ContextOptions: { ReplayChildren: true } }],
    confirm: false,
  })
  assert.equal(ChildContext.failed(undefined, failed({ virtual: true, preserveChildren: true })).updates, [])
})

Failed.run()
