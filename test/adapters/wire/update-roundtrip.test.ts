import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as W from '../../../adapters/wire/codecs.js'
import type { OperationAction, OperationType, OperationUpdate } from '../../../core/types.js'

const idChars = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'.split(''))
const wireId = fc.stringOf(idChars, { minLength: 1, maxLength: 64 })
const printable = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c))
const name = fc.stringOf(printable, { minLength: 1, maxLength: 256 })
const delay = fc.integer({ min: 1, max: 31_622_400 })
const cbTimeout = fc.integer({ min: 0, max: 99_999_999 })
const errorObject = fc.record(
  { ErrorType: fc.string(), ErrorMessage: fc.string(), ErrorData: fc.string(), StackTrace: fc.array(fc.string()) },
  { requiredKeys: [] },
)

const validUpdate: fc.Arbitrary<OperationUpdate> = fc.record(
  {
    Id: wireId,
    ParentId: wireId,
    Name: name,
    Type: fc.constantFrom<OperationType[]>('EXECUTION', 'CONTEXT', 'STEP', 'WAIT', 'CALLBACK', 'CHAINED_INVOKE'),
    SubType: fc.constantFrom('Step', 'Wait', 'Callback', 'RunInChildContext', 'MapIteration'),
    Action: fc.constantFrom<OperationAction[]>('START', 'SUCCEED', 'FAIL', 'RETRY', 'CANCEL'),
    Payload: fc.string(),
    Error: errorObject,
    ContextOptions: fc.record({ ReplayChildren: fc.boolean() }, { requiredKeys: [] }),
    StepOptions: fc.record({ NextAttemptDelaySeconds: delay }, { requiredKeys: [] }),
    WaitOptions: fc.record({ WaitSeconds: delay }, { requiredKeys: [] }),
    CallbackOptions: fc.record({ TimeoutSeconds: cbTimeout, HeartbeatTimeoutSeconds: cbTimeout }, { requiredKeys: [] }),
    ChainedInvokeOptions: fc.record(
      { FunctionName: fc.string({ minLength: 1, maxLength: 256 }), TenantId: fc.string() },
      { requiredKeys: ['FunctionName'] },
    ),
  },
  { requiredKeys: ['Id', 'Type', 'Action'] },
)

test('should encode and decode any valid OperationUpdate back to itself', () => {
  fc.assert(
    fc.property(validUpdate, (u) => {
      const json = JSON.parse(JSON.stringify(W.OperationUpdateC.encode(u)))
      const back = W.decode(W.OperationUpdateC, json, 'update')
      assert.ok(E.isRight(back))
      if (E.isRight(back)) assert.equal(back.right, u)
    }),
    { numRuns: 300 },
  )
})

test.run()
