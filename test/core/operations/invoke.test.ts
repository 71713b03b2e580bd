import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Invoke from '../../../core/operations/invoke.js'
import type { RequestOf } from '../../../core/request.js'
import type { OperationStatus } from '../../../core/types.js'
import { recorded, top } from '../fixtures.js'

const id = top(1)
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:b:1'
const begin = (extra: Partial<RequestOf<'InvokeBegin'>> = {}): RequestOf<'InvokeBegin'> => ({
  _tag: 'InvokeBegin',
  id,
  name: 'call-b',
  functionName: ARN,
  payload: '{"n":1}',
  tenantId: 't-9',
  ...extra,
})
const record = (status: OperationStatus, details = {}) => recorded(id, 'CHAINED_INVOKE', 'ChainedInvoke', status, { Name: 'call-b', ChainedInvokeDetails: details })

test('should send a confirmed START with Payload, FunctionName and TenantId and park when absent', () => {
  assert.equal(Invoke.begin(undefined, begin()), {
    decision: { _tag: 'Park', reason: 'Invoke' },
    updates: [
      {
        Id: id.wire,
        Type: 'CHAINED_INVOKE',
        SubType: 'ChainedInvoke',
        Action: 'START',
        Name: 'call-b',
        Payload: '{"n":1}',
        ChainedInvokeOptions: { FunctionName: ARN, TenantId: 't-9' },
      },
    ],
    confirm: true,
  })
})

test('should leave out Payload and TenantId when not given', () => {
  const t = Invoke.begin(undefined, { _tag: 'InvokeBegin', id, name: 'call-b', functionName: 'b' })
  assert.equal(t.updates, [
    { Id: id.wire, Type: 'CHAINED_INVOKE', SubType: 'ChainedInvoke', Action: 'START', Name: 'call-b', ChainedInvokeOptions: { FunctionName: 'b' } },
  ])
})

test('should report a corrupt history when a recheck finds no record', () => {
  assert.is(Invoke.begin(undefined, begin({ recheck: true })).decision._tag, 'Corrupt')
})

for (const status of ['STARTED', 'PENDING', 'READY'] as const) {
  test(`should park without updates while the target runs (${status})`, () => {
    assert.equal(Invoke.begin(record(status), begin()), { decision: { _tag: 'Park', reason: 'Invoke' }, updates: [], confirm: false })
  })
}

test('should replay the target result when SUCCEEDED', () => {
  assert.equal(Invoke.begin(record('SUCCEEDED', { Result: '{"sum":2}' }), begin()).decision, { _tag: 'Replay', payload: '{"sum":2}' })
})

test('should replay undefined when SUCCEEDED without Result', () => {
  assert.equal(Invoke.begin(record('SUCCEEDED'), begin()).decision, { _tag: 'Replay' })
})

for (const status of ['FAILED', 'TIMED_OUT', 'STOPPED', 'CANCELLED'] as const) {
  test(`should raise InvokeError with message, a plain Error(message) cause and ErrorData when ${status}`, () => {
    const error = { ErrorType: 'Sandbox.Timedout', ErrorMessage: 'timed out', ErrorData: 'x' }
    assert.equal(Invoke.begin(record(status, { Error: error }), begin()).decision, {
      _tag: 'Raise',
      error: { errorType: 'InvokeError', message: 'timed out', cause: { name: 'Error', message: 'timed out' }, errorData: 'x' },
    })
  })
}

test('should raise InvokeError "Invoke failed" without a cause when the error has no message (2.4)', () => {
  assert.equal(Invoke.begin(record('FAILED', { Error: { ErrorType: 'X', ErrorMessage: '', ErrorData: 'd' } }), begin()).decision, {
    _tag: 'Raise',
    error: { errorType: 'InvokeError', message: 'Invoke failed', errorData: 'd' },
  })
})

test('should raise InvokeError "Invoke failed" when the failure has no error record', () => {
  assert.equal(Invoke.begin(record('FAILED'), begin()).decision, { _tag: 'Raise', error: { errorType: 'InvokeError', message: 'Invoke failed' } })
})

test.run()
