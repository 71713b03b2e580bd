import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as Callback from '../../../core/operations/callback.js'
import type { RequestOf } from '../../../core/request.js'
import type { Operation, OperationStatus } from '../../../core/types.js'
import { recorded, top } from '../fixtures.js'

const id = top(1)
const begin = (extra: Partial<RequestOf<'CallbackBegin'>> = {}): RequestOf<'CallbackBegin'> => ({
  _tag: 'CallbackBegin',
  id,
  name: 'approval',
  options: { TimeoutSeconds: 3600, HeartbeatTimeoutSeconds: 300 },
  ...extra,
})
const awaiting: RequestOf<'CallbackAwait'> = { _tag: 'CallbackAwait', id, name: 'approval' }
const record = (status: OperationStatus, details: Operation['CallbackDetails'] = { CallbackId: 'cb-1' }) =>
  recorded(id, 'CALLBACK', 'Callback', status, { Name: 'approval', CallbackDetails: details })

const Begin = suite('Callback.begin')

Begin('should send a confirmed START with CallbackOptions and park when absent', () => {
  assert.equal(Callback.begin(undefined, begin()), {
    decision: { _tag: 'Park', reason: 'Callback' },
    updates: [
      {
        Id: id.wire,
        Type: 'CALLBACK',
        SubType: 'Callback',
        Action: 'START',
        Name: 'approval',
        CallbackOptions: { TimeoutSeconds: 3600, HeartbeatTimeoutSeconds: 300 },
      },
    ],
    confirm: true,
  })
})

Begin('should always send CallbackOptions, even empty', () => {
  assert.equal(Callback.begin(undefined, begin({ options: {} })).updates[0]?.CallbackOptions, {})
})

Begin('should raise CallbackError naming the raw id when a recheck finds no record', () => {
  assert.equal(Callback.begin(undefined, begin({ recheck: true })), {
    decision: { _tag: 'Raise', error: { errorType: 'CallbackError', message: 'No callback ID found for started callback: 1' } },
    updates: [],
    confirm: false,
  })
})

for (const status of ['STARTED', 'SUCCEEDED', 'FAILED', 'TIMED_OUT'] as const) {
  Begin(`should hand out the recorded CallbackId when ${status}`, () => {
    assert.equal(Callback.begin(record(status), begin()), { decision: { _tag: 'CallbackCreated', callbackId: 'cb-1' }, updates: [], confirm: false })
  })
}

for (const status of ['SUCCEEDED', 'FAILED', 'TIMED_OUT'] as const) {
  Begin(`should raise CallbackError "No callback ID found for callback" when ${status} has no CallbackId (2.4)`, () => {
    assert.equal(Callback.begin(record(status, { Result: 'x' }), begin()).decision, {
      _tag: 'Raise',
      error: { errorType: 'CallbackError', message: 'No callback ID found for callback: 1' },
    })
  })
}

Begin('should raise CallbackError "…for started callback" when a STARTED record has no CallbackId', () => {
  assert.equal(Callback.begin(record('STARTED', {}), begin()).decision, {
    _tag: 'Raise',
    error: { errorType: 'CallbackError', message: 'No callback ID found for started callback: 1' },
  })
})

Begin.run()

const Await = suite('Callback.awaitResult')

for (const status of ['STARTED', 'PENDING', 'READY'] as const) {
  Await(`should park until the callback completes (${status})`, () => {
    assert.equal(Callback.awaitResult(record(status), awaiting), { decision: { _tag: 'Park', reason: 'Callback' }, updates: [], confirm: false })
  })
}

Await('should replay the raw result string when SUCCEEDED', () => {
  const t = Callback.awaitResult(record('SUCCEEDED', { CallbackId: 'cb-1', Result: '{"approved":true}' }), awaiting)
  assert.equal(t.decision, { _tag: 'Replay', payload: '{"approved":true}' })
})

Await('should replay undefined when SUCCEEDED without Result', () => {
  assert.equal(Callback.awaitResult(record('SUCCEEDED'), awaiting).decision, { _tag: 'Replay' })
})

for (const status of ['FAILED', 'CANCELLED', 'STOPPED'] as const) {
  Await(`should raise CallbackExternalError with message, cause and ErrorData when ${status}`, () => {
    const error = { ErrorType: 'Rejected', ErrorMessage: 'no way', ErrorData: '{"why":1}' }
    assert.equal(Callback.awaitResult(record(status, { CallbackId: 'cb-1', Error: error }), awaiting).decision, {
      _tag: 'Raise',
      error: { errorType: 'CallbackExternalError', message: 'no way', cause: { name: 'Rejected', message: 'no way' }, errorData: '{"why":1}' },
    })
  })
}

Await('should raise CallbackExternalError "Callback failed" when FAILED without an error', () => {
  assert.equal(Callback.awaitResult(record('FAILED'), awaiting).decision, {
    _tag: 'Raise',
    error: { errorType: 'CallbackExternalError', message: 'Callback failed' },
  })
})

Await('should raise CallbackTimeoutError when TIMED_OUT', () => {
  const error = { ErrorType: 'CallbackTimeout', ErrorMessage: 'Callback timed out' }
  assert.equal(Callback.awaitResult(record('TIMED_OUT', { CallbackId: 'cb-1', Error: error }), awaiting).decision, {
    _tag: 'Raise',
    error: { errorType: 'CallbackTimeoutError', message: 'Callback timed out', cause: { name: 'CallbackTimeout', message: 'Callback timed out' } },
  })
})

Await('should raise CallbackTimeoutError with its default message when TIMED_OUT without an error', () => {
  assert.equal(Callback.awaitResult(record('TIMED_OUT'), awaiting).decision, {
    _tag: 'Raise',
    error: { errorType: 'CallbackTimeoutError', message: 'Callback timed out' },
  })
})

Await('should report a corrupt history when the callback has no record', () => {
  assert.is(Callback.awaitResult(undefined, awaiting).decision._tag, 'Corrupt')
})

Await.run()
