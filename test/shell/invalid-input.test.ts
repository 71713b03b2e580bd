// What the handler does with input it cannot trust: a malformed invocation event throws one
// INVALID_EVENT error before anything is sent; a checkpoint response that does not decode ends the
// invocation with INVALID_SERVICE_RESPONSE and nothing is checkpointed twice; a history that diverges
// from the code FAILS the execution with a NonDeterministicExecutionError naming the operation.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Ids from '../../core/ids.js'
import type { OperationUpdate } from '../../core/types.js'
import { durable, DurableSdkError, step, wait } from '../../shell/index.js'

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:fake-fn:$LATEST/durable-execution/x/1'
const ISO = '2026-01-01T00:00:00.000Z'
const execution = { Id: 'exec-1', Type: 'EXECUTION', Status: 'STARTED', StartTimestamp: ISO, ExecutionDetails: { InputPayload: '{}' } }
const event = (operations: unknown[]) => ({ DurableExecutionArn: ARN, CheckpointToken: 't-1', InitialExecutionState: { Operations: operations } })

/** A client stub that records every request's Updates and answers with `respond`. */
const recordingClient = (respond: () => unknown) => {
  const requests: OperationUpdate[][] = []
  return {
    requests,
    send: async (command: unknown) => {
      const input = (command as { input?: { Updates?: OperationUpdate[] } }).input
      if (input?.Updates !== undefined) requests.push(input.Updates)
      return respond()
    },
  }
}

const rejection = async (p: Promise<unknown>): Promise<unknown> => {
  try {
    await p
  } catch (e) {
    return e
  }
  throw new Error('expected the handler to throw')
}

test('should throw one INVALID_EVENT error for an event without CheckpointToken, sending nothing', async () => {
  const client = recordingClient(() => ({}))
  let ran = false
  const handler = durable(function* () {
    ran = true
    return yield* step('a', async () => 1)
  }, { client })
  const { CheckpointToken: _dropped, ...malformed } = event([execution])
  const error = await rejection(handler(malformed))
  assert.instance(error, DurableSdkError)
  assert.is((error as DurableSdkError).code, 'INVALID_EVENT')
  assert.is((error as DurableSdkError).failure, 'invocation')
  assert.is(ran, false)
  assert.equal(client.requests, [])
})

test('should end with INVALID_SERVICE_RESPONSE when a checkpoint response does not decode, checkpointing nothing twice', async () => {
  const client = recordingClient(() => ({ CheckpointToken: 42, NewExecutionState: 'not-a-state' }))
  const handler = durable(function* () {
    const a = yield* step('a', async () => 1)
    const b = yield* step('b', async () => a + 1)
    return b
  }, { client })
  const error = await rejection(handler(event([execution])))
  assert.instance(error, DurableSdkError)
  assert.is((error as DurableSdkError).code, 'INVALID_SERVICE_RESPONSE')
  assert.is(client.requests.length, 1, 'no request after the undecodable response')
  const sent = client.requests.flat().map((u) => `${u.Id}:${u.Action}`)
  assert.ok(sent.length > 0)
  assert.is(new Set(sent).size, sent.length, `sent twice: ${sent.join(', ')}`)
})

test('should FAIL with NonDeterministicExecutionError naming the operation when the history diverges', async () => {
  const client = recordingClient(() => {
    throw new Error('nothing may be checkpointed for a diverging history')
  })
  const recorded = {
    Id: Ids.wireId('1'),
    Type: 'STEP',
    SubType: 'Step',
    Name: 'charge',
    Status: 'SUCCEEDED',
    StartTimestamp: ISO,
    EndTimestamp: ISO,
    StepDetails: { Attempt: 1, Result: '"done"' },
  }
  const handler = durable(function* () {
    yield* wait('charge', { seconds: 5 })
    return 'unreachable'
  }, { client })
  const output = await handler(event([execution, recorded]))
  assert.is(output.Status, 'FAILED')
  assert.is(output.Error?.ErrorType, 'NonDeterministicExecutionError')
  const message = output.Error?.ErrorMessage ?? ''
  assert.match(message, /step "1"/, 'names the diverging operation')
  assert.match(message, /Expected type "STEP", but got "WAIT"/)
  assert.equal(client.requests, [])
})

test.run()
