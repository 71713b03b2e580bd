// A replayed step is answered inside the workflow's own run (runtime.ts `answerInline`): the workflow
// does not suspend per recorded step. SDK failures met that way still end the invocation and never
// reach the workflow's own try/catch.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Ids from '../../../core/ids.js'
import { durable, step, type Op } from '../../../shell/index.js'

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:fake-fn:$LATEST/durable-execution/inline/1'
const ISO = '2026-01-01T00:00:00.000Z'

const recordedEvent = (results: readonly string[]) => ({
  DurableExecutionArn: ARN,
  CheckpointToken: 'token-1',
  InitialExecutionState: {
    Operations: [
      { Id: 'exec-1', Type: 'EXECUTION', Status: 'STARTED', StartTimestamp: ISO, ExecutionDetails: { InputPayload: '{}' } },
      ...results.map((Result, i) => ({
        Id: Ids.wireId(Ids.rawIdAt(Ids.root, i + 1)), Type: 'STEP', SubType: 'Step', Status: 'SUCCEEDED',
        StartTimestamp: ISO, EndTimestamp: ISO, StepDetails: { Attempt: 1, Result },
      })),
    ],
  },
})

const noService = { send: async () => Promise.reject(new Error('the service must not be called while replaying')) }

/** The workflow's generator behind a counter of how often the runtime resumes it. */
function counted<R>(op: Op<R>, resumed: { count: number }): Op<R> {
  const wrapper: Op<R> = {
    next: (...value: [] | [unknown]) => (resumed.count++, op.next(...value)),
    throw: (error: unknown) => (resumed.count++, op.throw(error)),
    return: (value: R) => op.return(value),
    [Symbol.iterator]: () => wrapper,
  }
  return wrapper
}

test('should replay recorded steps without suspending the workflow: it is resumed once for three steps', async () => {
  const resumed = { count: 0 }
  const handler = durable(() =>
    counted(
      (function* () {
        const a = yield* step(async () => 0)
        const b = yield* step(async () => 0)
        const c = yield* step(async () => 0)
        return a + b + c
      })(),
      resumed,
    ), { client: noService })
  const output = await handler(recordedEvent(['1', '2', '3']))
  assert.equal(output, { Status: 'SUCCEEDED', Result: '6' })
  assert.is(resumed.count, 1)
})

test('should still suspend the workflow on a step that must run, and resume it with the result', async () => {
  const resumed = { count: 0 }
  const handler = durable(() =>
    counted(
      (function* () {
        const a = yield* step(async () => 0)
        const b = yield* step('fresh', async () => 41)
        return a + b
      })(),
      resumed,
    ), { client: { send: async () => ({ CheckpointToken: 'token-2', NewExecutionState: { Operations: [] } }) } })
  const output = await handler(recordedEvent(['1']))
  assert.equal(output, { Status: 'SUCCEEDED', Result: '42' })
  assert.is(resumed.count, 2)
})

test('should end the invocation on a serdes failure while replaying, out of reach of the workflow\'s try/catch', async () => {
  let caught: unknown
  const serdes = {
    serialize: (value: number) => String(value),
    deserialize: (): number => {
      throw new Error('cannot read this')
    },
  }
  const handler = durable(function* () {
    try {
      return yield* step('read', async () => 1, { serdes })
    } catch (error) {
      caught = error
      return -1
    }
  }, { client: noService })
  const event = recordedEvent(['1'])
  event.InitialExecutionState.Operations[1] = { ...event.InitialExecutionState.Operations[1]!, Name: 'read' } as never
  const failure = await handler(event).then(() => undefined, (error: unknown) => error)
  assert.ok(failure instanceof Error, 'the handler throws (Lambda retries the invocation)')
  assert.match(String(failure), /Deserialization failed for step "read"/)
  assert.is(caught, undefined, 'the workflow never sees the SDK failure')
})

test.run()
