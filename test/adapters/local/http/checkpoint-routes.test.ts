import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { CheckpointDurableExecutionCommand, GetDurableExecutionStateCommand, type OperationUpdate } from '@aws-sdk/client-lambda'
import type * as Local from '../../../../adapters/local/index.js'
import { failure, type Harness, startHarness, until } from './support.js'

/** A raw handler that parks until released, exposing its checkpoint token. */
function parked(): { handler: Local.Handler; token: () => string; release: (out: unknown) => void } {
  let token = ''
  let release: (v: unknown) => void = () => {}
  const handler: Local.Handler = (event) =>
    new Promise((r) => {
      token = typeof event === 'object' && event !== null && 'CheckpointToken' in event ? String(event.CheckpointToken) : ''
      release = r
    })
  return { handler, token: () => token, release: (out) => release(out) }
}

const p = parked()
let h: Harness
test.before(async () => void (h = await startHarness({ raw: p.handler })))
test.after(async () => h.close())

const wait = (id: string, seconds: number): OperationUpdate => ({ Id: id, Type: 'WAIT', SubType: 'Wait', Action: 'START', WaitOptions: { WaitSeconds: seconds } })

test('should apply checkpoints over HTTP with token chaining and serve the state with Date timestamps', async () => {
  const { DurableExecutionArn } = h.engine.startExecution({ functionName: 'raw', input: { a: 1 } })
  await until(() => p.token() !== '')
  const first = p.token()
  const state = await h.client.send(new GetDurableExecutionStateCommand({ DurableExecutionArn, CheckpointToken: first }))
  assert.is(state.Operations?.[0]?.Type, 'EXECUTION')
  assert.is(state.Operations?.[0]?.ExecutionDetails?.InputPayload, '{"a":1}')
  assert.instance(state.Operations?.[0]?.StartTimestamp, Date)

  const cp = await h.client.send(new CheckpointDurableExecutionCommand({ DurableExecutionArn, CheckpointToken: first, Updates: [wait('w1', 5)] }))
  assert.ok(cp.CheckpointToken && cp.CheckpointToken !== first)
  const end = cp.NewExecutionState?.Operations?.[0]?.WaitDetails?.ScheduledEndTimestamp
  assert.instance(end, Date)
  assert.ok(Math.abs((end?.getTime() ?? 0) - (Date.now() + 5000)) < 2000)

  const stale = await failure(h.client.send(new CheckpointDurableExecutionCommand({ DurableExecutionArn, CheckpointToken: first, Updates: [wait('w2', 5)] })))
  assert.is(stale.name, 'InvalidParameterValueException')
  assert.is(stale.$metadata.httpStatusCode, 400)
  assert.ok(stale.message.startsWith('Invalid Checkpoint Token'))
  assert.equal(h.engine.operations(DurableExecutionArn).map((o) => o?.Id), [DurableExecutionArn.split('/').pop(), 'w1'])
  p.release({ Status: 'FAILED', Error: { ErrorType: 'Done', ErrorMessage: 'test over' } })
  await h.engine.waitForExecution(DurableExecutionArn)
})

test('should refuse an invalid update with its path and change nothing, keeping the token usable', async () => {
  const previous = p.token()
  const { DurableExecutionArn } = h.engine.startExecution({ functionName: 'raw' })
  await until(() => p.token() !== previous)
  const token = p.token()
  const bad = { ...wait('w1', 5), Action: 'EXPLODE' } as unknown as OperationUpdate
  const err = await failure(h.client.send(new CheckpointDurableExecutionCommand({ DurableExecutionArn, CheckpointToken: token, Updates: [wait('w0', 1), bad] })))
  assert.is(err.name, 'InvalidParameterValueException')
  assert.match(err.message, 'Updates[1].Action')
  assert.is(h.engine.operations(DurableExecutionArn).length, 1)
  const ok = await h.client.send(new CheckpointDurableExecutionCommand({ DurableExecutionArn, CheckpointToken: token, Updates: [wait('w0', 1)] }))
  assert.ok(ok.CheckpointToken)
  const badState = await failure(h.client.send(new GetDurableExecutionStateCommand({ DurableExecutionArn, CheckpointToken: 'nope', MaxItems: 10 })))
  assert.is(badState.name, 'InvalidParameterValueException')
  p.release({ Status: 'FAILED', Error: { ErrorType: 'Done', ErrorMessage: 'test over' } })
  await h.engine.waitForExecution(DurableExecutionArn)
})

test('should refuse a checkpoint body that is not JSON', async () => {
  const arn = encodeURIComponent('arn:aws:lambda:us-east-1:123456789012:function:raw:$LATEST/durable-execution/x/y')
  const res = await fetch(`${h.server.url}/2025-12-01/durable-executions/${arn}/checkpoint`, { method: 'POST', body: '{' })
  assert.is(res.status, 400)
  assert.is(res.headers.get('x-amzn-errortype'), 'InvalidRequestContentException')
  const missing = await fetch(`${h.server.url}/2025-12-01/durable-executions/${arn}/checkpoint`, { method: 'POST', body: '{"Updates":[]}' })
  assert.is(missing.status, 400)
  assert.match(((await missing.json()) as { message: string }).message, 'CheckpointToken')
})

test.run()
