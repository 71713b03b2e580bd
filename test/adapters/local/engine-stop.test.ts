import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { StopDurableExecutionCommand } from '@aws-sdk/client-lambda'
import { durable, step } from '../../../shell/index.js'
import * as Local from '../../../adapters/local/index.js'
import { advance, callbackIdOf, engineError, eventTypes, history, opOf, rig } from './model/harness.js'

const invocations = (types: string[]) => types.filter((t) => t === 'InvocationCompleted').length

test('should stop an execution waiting on a callback: STOPPED, ExecutionStopped last, callback closed', async () => {
  const r = rig()
  const { DurableExecutionArn: arn } = r.engine.startExecution({ functionName: 'approval' })
  await r.engine.whenIdle()
  const id = callbackIdOf(r.engine, arn)
  await advance(r, 3)
  const out = r.engine.stopExecution({ DurableExecutionArn: arn })
  assert.is(out.StopTimestamp.getTime(), r.clock.now())
  const view = r.engine.getExecution({ DurableExecutionArn: arn })
  assert.is(view.Status, 'STOPPED')
  assert.is(view.EndTimestamp?.getTime(), r.clock.now())
  const types = eventTypes(r.engine, arn)
  assert.is(types.at(-1), 'ExecutionStopped')
  assert.is(engineError(() => r.engine.sendCallbackSuccess({ CallbackId: id, Result: 'late' })).name, 'ResourceNotFoundException')
  assert.is(engineError(() => r.engine.sendCallbackHeartbeat({ CallbackId: id })).name, 'ResourceNotFoundException')
  // Neither the heartbeat nor the overall timeout fires any more, and nothing re-invokes the handler.
  await advance(r, 7200)
  assert.equal(eventTypes(r.engine, arn), types)
  assert.is(r.engine.getExecution({ DurableExecutionArn: arn }).Status, 'STOPPED')
  r.engine.close()
})

test('should not finish the wait or re-invoke a stopped execution when its timer comes due', async () => {
  const r = rig()
  const { DurableExecutionArn: arn } = r.engine.startExecution({ functionName: 'waiter', input: 1 })
  await r.engine.whenIdle()
  r.engine.stopExecution({ DurableExecutionArn: arn })
  const types = eventTypes(r.engine, arn)
  await advance(r, 120)
  assert.equal(eventTypes(r.engine, arn), types)
  assert.is(opOf(r.engine, arn, 'WAIT')?.Status, 'STARTED')
  assert.is(invocations(types), 1)
  r.engine.close()
})

test('should record the Error given to StopDurableExecution in the execution and its ExecutionStopped event', async () => {
  const r = rig()
  const { DurableExecutionArn: arn } = r.engine.startExecution({ functionName: 'waiter', input: 1 })
  await r.engine.whenIdle()
  const error = { ErrorType: 'Operator', ErrorMessage: 'cancelled by ops' }
  r.engine.stopExecution({ DurableExecutionArn: arn, Error: error })
  assert.equal(r.engine.getExecution({ DurableExecutionArn: arn }).Error, error)
  const stopped = history(r.engine, arn).find((e) => e.EventType === 'ExecutionStopped')
  assert.equal(stopped?.ExecutionStoppedDetails?.Error?.Payload, error)
  r.engine.close()
})

test('should pass StopDurableExecutionCommand Error through engine.lambdaClient, refusing a malformed one', async () => {
  const r = rig()
  const { DurableExecutionArn: arn } = r.engine.startExecution({ functionName: 'waiter', input: 1 })
  await r.engine.whenIdle()
  const bad = await r.engine.lambdaClient
    .send(new StopDurableExecutionCommand({ DurableExecutionArn: arn, Error: { ErrorType: 5 } as unknown as { ErrorType: string } }))
    .catch((e: unknown) => e)
  assert.is((bad as Error).name, 'InvalidParameterValueException')
  assert.is(r.engine.getExecution({ DurableExecutionArn: arn }).Status, 'RUNNING')
  const error = { ErrorType: 'Operator', ErrorMessage: 'stopped from the console' }
  await r.engine.lambdaClient.send(new StopDurableExecutionCommand({ DurableExecutionArn: arn, Error: error }))
  assert.equal(r.engine.getExecution({ DurableExecutionArn: arn }).Error, error)
  r.engine.close()
})

test('should refuse to stop a finished execution and change nothing', async () => {
  const r = rig()
  const { DurableExecutionArn: ok } = r.engine.startExecution({ functionName: 'waiter', input: 1 })
  await r.engine.whenIdle()
  await advance(r, 60)
  const { DurableExecutionArn: stopped } = r.engine.startExecution({ functionName: 'approval' })
  await r.engine.whenIdle()
  r.engine.stopExecution({ DurableExecutionArn: stopped })
  for (const arn of [ok, stopped]) {
    const before = { view: r.engine.getExecution({ DurableExecutionArn: arn }), types: eventTypes(r.engine, arn) }
    const err = engineError(() => r.engine.stopExecution({ DurableExecutionArn: arn }))
    assert.is(err.name, 'InvalidParameterValueException')
    assert.is(err.$metadata.httpStatusCode, 400)
    assert.equal(r.engine.getExecution({ DurableExecutionArn: arn }), before.view)
    assert.equal(eventTypes(r.engine, arn), before.types)
  }
  assert.is(r.engine.getExecution({ DurableExecutionArn: ok }).Status, 'SUCCEEDED')
  const missing = `${ok.slice(0, -4)}dead`
  assert.is(engineError(() => r.engine.stopExecution({ DurableExecutionArn: missing })).name, 'ResourceNotFoundException')
  r.engine.close()
})

test('should complete the parent CHAINED_INVOKE as STOPPED when its child is stopped, and re-invoke the parent', async () => {
  const r = rig()
  const { DurableExecutionArn: parent } = r.engine.startExecution({ functionName: 'parent', input: 4 })
  await r.engine.whenIdle()
  const child = r.engine.listExecutionsByFunction({ FunctionName: 'child' }).DurableExecutions[0]?.DurableExecutionArn ?? ''
  assert.is(r.engine.getExecution({ DurableExecutionArn: child }).Status, 'RUNNING')
  r.engine.stopExecution({ DurableExecutionArn: child })
  const done = await r.engine.waitForExecution(parent)
  assert.is(opOf(r.engine, parent, 'CHAINED_INVOKE')?.Status, 'STOPPED')
  assert.ok(eventTypes(r.engine, parent).includes('ChainedInvokeStopped'))
  assert.is(done.Status, 'FAILED')
  r.engine.close()
})

test('should refuse the checkpoints of an invocation still running when its execution is stopped', async () => {
  let release: () => void = () => {}
  const gate = new Promise<void>((r) => (release = r))
  let entered: () => void = () => {}
  const inside = new Promise<void>((r) => (entered = r))
  const slow = durable(function* () {
    return yield* step('slow', async () => {
      entered()
      await gate
      return 1
    })
  }) as Local.Handler
  const r = rig(undefined, undefined, { slow })
  const { DurableExecutionArn: arn } = r.engine.startExecution({ functionName: 'slow' })
  await inside
  r.engine.stopExecution({ DurableExecutionArn: arn })
  release()
  await r.engine.whenIdle()
  const types = eventTypes(r.engine, arn)
  assert.is(r.engine.getExecution({ DurableExecutionArn: arn }).Status, 'STOPPED')
  assert.not.ok(types.includes('StepSucceeded'), 'the step finished after the stop was not recorded')
  assert.is(invocations(types), 1)
  assert.is(types.filter((t) => t === 'ExecutionStopped').length, 1)
  await advance(r, 3600)
  assert.equal(eventTypes(r.engine, arn), types)
  r.engine.close()
})

test('should keep a stopped execution stopped, with no timers, after a restart on the same store', async () => {
  const first = rig()
  const { DurableExecutionArn: arn } = first.engine.startExecution({ functionName: 'waiter', input: 1 })
  await first.engine.whenIdle()
  first.engine.stopExecution({ DurableExecutionArn: arn })
  const types = eventTypes(first.engine, arn)
  first.engine.close()
  const second = rig(first.store, first.clock)
  await advance(second, 600)
  assert.is(second.engine.getExecution({ DurableExecutionArn: arn }).Status, 'STOPPED')
  assert.equal(eventTypes(second.engine, arn), types)
  second.engine.close()
})

test.run()
