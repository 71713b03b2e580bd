import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Local from '../../../adapters/local/index.js'
import { advance, callbackIdOf, engineError, eventTypes, history, opOf, rig } from './model/harness.js'

const timedOut = (engine: Local.Engine, arn: string) => history(engine, arn).find((e) => e.EventType === 'CallbackTimedOut')

test('should time a callback out on its heartbeat with ErrorType Callback.Heartbeat, as the service records it', async () => {
  const r = rig()
  const { DurableExecutionArn: arn } = r.engine.startExecution({ functionName: 'approval' })
  await r.engine.whenIdle()
  await advance(r, 9)
  assert.is(opOf(r.engine, arn, 'CALLBACK')?.Status, 'STARTED')
  await advance(r, 2)
  assert.is(opOf(r.engine, arn, 'CALLBACK')?.Status, 'TIMED_OUT')
  const event = timedOut(r.engine, arn)
  // conformance requirement callback/4-4: CallbackTimedOutDetails.Error.Payload.ErrorType is Callback.Heartbeat
  assert.is(event?.CallbackTimedOutDetails?.Error?.Payload?.ErrorType, 'Callback.Heartbeat')
  assert.is(opOf(r.engine, arn, 'CALLBACK')?.CallbackDetails?.Error?.ErrorType, 'Callback.Heartbeat')
  assert.is(r.engine.getExecution({ DurableExecutionArn: arn }).Status, 'FAILED')
  r.engine.close()
})

test('should push the heartbeat deadline back on every heartbeat, creating no history event', async () => {
  const r = rig()
  const { DurableExecutionArn: arn } = r.engine.startExecution({ functionName: 'approval' })
  await r.engine.whenIdle()
  const before = eventTypes(r.engine, arn).length
  for (let i = 0; i < 5; i++) {
    await advance(r, 8)
    r.engine.sendCallbackHeartbeat({ CallbackId: callbackIdOf(r.engine, arn) })
  }
  await r.engine.whenIdle()
  assert.is(opOf(r.engine, arn, 'CALLBACK')?.Status, 'STARTED')
  assert.is(eventTypes(r.engine, arn).length, before)
  await advance(r, 11)
  assert.is(opOf(r.engine, arn, 'CALLBACK')?.Status, 'TIMED_OUT')
  r.engine.close()
})

test('should time a callback out on its overall timeout with ErrorType Callback.Timeout, heartbeats notwithstanding', async () => {
  const r = rig()
  const { DurableExecutionArn: arn } = r.engine.startExecution({ functionName: 'approval' })
  await r.engine.whenIdle()
  for (let s = 0; s < 3600; s += 5) {
    r.clock.advanceBy(5000)
    if (opOf(r.engine, arn, 'CALLBACK')?.Status !== 'STARTED') break
    r.engine.sendCallbackHeartbeat({ CallbackId: callbackIdOf(r.engine, arn) })
  }
  await r.engine.whenIdle()
  assert.is(timedOut(r.engine, arn)?.CallbackTimedOutDetails?.Error?.Payload?.ErrorType, 'Callback.Timeout')
  assert.is(r.clock.now() - (opOf(r.engine, arn, 'CALLBACK')?.StartTimestamp ?? 0), 3600 * 1000)
  r.engine.close()
})

test('should record a callback failure with exactly the ErrorObject fields sent', async () => {
  const r = rig()
  const { DurableExecutionArn: arn } = r.engine.startExecution({ functionName: 'approval' })
  await r.engine.whenIdle()
  const sent = { ErrorType: 'RejectedError', ErrorMessage: 'not approved', ErrorData: '{"why":1}', StackTrace: ['at a', 'at b'] }
  r.engine.sendCallbackFailure({ CallbackId: callbackIdOf(r.engine, arn), Error: sent })
  const done = await r.engine.waitForExecution(arn)
  const failed = history(r.engine, arn).find((e) => e.EventType === 'CallbackFailed')
  assert.equal(failed?.CallbackFailedDetails?.Error?.Payload, sent)
  assert.equal(opOf(r.engine, arn, 'CALLBACK')?.CallbackDetails?.Error, sent)
  assert.is(done.Status, 'FAILED')
  assert.is(done.Error?.ErrorMessage, 'not approved')
  r.engine.close()
})

test('should refuse a malformed callback failure body and leave the callback open', async () => {
  const r = rig()
  const { DurableExecutionArn: arn } = r.engine.startExecution({ functionName: 'approval' })
  await r.engine.whenIdle()
  const id = callbackIdOf(r.engine, arn)
  for (const bad of [{ ErrorType: 7 }, 'boom', { StackTrace: 'not a list' }]) {
    const err = engineError(() => r.engine.sendCallbackFailure({ CallbackId: id, Error: bad }))
    assert.is(err.name, 'InvalidParameterValueException')
  }
  assert.is(opOf(r.engine, arn, 'CALLBACK')?.Status, 'STARTED')
  r.engine.sendCallbackFailure({ CallbackId: id })
  assert.is((await r.engine.waitForExecution(arn)).Status, 'FAILED')
  assert.is(opOf(r.engine, arn, 'CALLBACK')?.CallbackDetails?.Error, undefined)
  r.engine.close()
})

test('should refuse a callback Result above 1 MiB and leave the callback open', async () => {
  const r = rig()
  const { DurableExecutionArn: arn } = r.engine.startExecution({ functionName: 'approval' })
  await r.engine.whenIdle()
  const id = callbackIdOf(r.engine, arn)
  const err = engineError(() => r.engine.sendCallbackSuccess({ CallbackId: id, Result: 'x'.repeat(Local.Limits.MAX_CALLBACK_RESULT_BYTES + 1) }))
  assert.is(err.code, 'PAYLOAD_TOO_LARGE')
  assert.is(opOf(r.engine, arn, 'CALLBACK')?.Status, 'STARTED')
  r.engine.sendCallbackSuccess({ CallbackId: id, Result: new TextEncoder().encode('fine') })
  assert.is((await r.engine.waitForExecution(arn)).Result, '"fine"')
  r.engine.close()
})

test('should refuse a second completion of a callback and an unknown callback id', async () => {
  const r = rig()
  const { DurableExecutionArn: arn } = r.engine.startExecution({ functionName: 'ask' })
  await r.engine.whenIdle()
  const id = callbackIdOf(r.engine, arn)
  r.engine.sendCallbackSuccess({ CallbackId: id, Result: 'yes' })
  engineError(() => r.engine.sendCallbackSuccess({ CallbackId: id, Result: 'again' }))
  assert.is(engineError(() => r.engine.sendCallbackHeartbeat({ CallbackId: `${id}x` })).code, 'CALLBACK_NOT_FOUND')
  const done = await r.engine.waitForExecution(arn)
  assert.is(done.Result, '"got yes"')
  r.engine.close()
})

test('should mint callback ids with at least 128 bits of randomness, never reused', async () => {
  const r = rig()
  const ids = new Set<string>()
  for (let i = 0; i < 40; i++) {
    const { DurableExecutionArn: arn } = r.engine.startExecution({ functionName: 'approval' })
    await r.engine.whenIdle()
    ids.add(callbackIdOf(r.engine, arn))
  }
  assert.is(ids.size, 40)
  const decoded = [...ids].map((id) => Buffer.from(id, 'base64url'))
  for (const bytes of decoded) assert.ok(bytes.length * 8 >= 128, `only ${bytes.length * 8} bits`)
  // Every bit position takes both values across the sample: no fixed prefix, counter or timestamp.
  const width = Math.min(...decoded.map((b) => b.length)) * 8
  let varying = 0
  for (let bit = 0; bit < width; bit++) {
    const values = new Set(decoded.map((b) => ((b[bit >> 3] ?? 0) >> (bit & 7)) & 1))
    if (values.size === 2) varying++
  }
  assert.ok(varying >= 128, `only ${varying} varying bits`)
  r.engine.close()
})

test.run()
