import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { withDurableExecution } from '@aws/durable-execution-sdk-js'
import * as Local from '../../../adapters/local/index.js'

function setup(handlers: Record<string, unknown>) {
  const clock = Local.createVirtualClock({ skipTime: true })
  const invoker = Local.createRegistryInvoker(handlers as Record<string, Local.Handler>)
  return Local.createEngine({ store: Local.createMemoryStore(), clock, invoker })
}
const events = (engine: Local.Engine, arn: string) =>
  engine.getExecutionHistory({ DurableExecutionArn: arn, MaxItems: 1000 }).Events

test('should retry a failing step and record StepFailed with RetryDetails', async () => {
  let calls = 0
  const handler = withDurableExecution(async (_e: unknown, ctx) =>
    ctx.step('flaky', async () => {
      calls++
      if (calls === 1) throw new Error('boom')
      return 'ok'
    }, { retryStrategy: (_err, attempt) => ({ shouldRetry: attempt < 3, delay: { seconds: 1 } }) }),
  )
  const engine = setup({ fn: handler })
  const done = await engine.run({ functionName: 'fn' })
  assert.is(done.Status, 'SUCCEEDED')
  assert.is(done.Result, '"ok"')
  const ev = events(engine, done.DurableExecutionArn)
  assert.equal(ev.map((e) => e.EventType), [
    'ExecutionStarted', 'StepStarted', 'StepFailed', 'InvocationCompleted', 'StepStarted', 'StepSucceeded',
    'InvocationCompleted', 'ExecutionSucceeded',
  ])
  assert.equal(ev[2]?.StepFailedDetails?.RetryDetails, { CurrentAttempt: 1, NextAttemptDelaySeconds: 1 })
  assert.is(ev[2]?.StepFailedDetails?.Error?.Payload?.ErrorMessage, 'boom')
  assert.equal(ev[5]?.StepSucceededDetails?.RetryDetails, { CurrentAttempt: 2 })
  engine.close()
})

test('should complete a callback through the engine API', async () => {
  const handler = withDurableExecution(async (_e: unknown, ctx) => {
    const [result] = await ctx.createCallback('approve', { timeout: { hours: 1 } })
    return `got ${await result}`
  })
  const clock = Local.createVirtualClock({ skipTime: false })
  const engine = Local.createEngine({
    store: Local.createMemoryStore(), clock, invoker: Local.createRegistryInvoker({ fn: handler as Local.Handler }),
  })
  const { DurableExecutionArn: arn } = engine.startExecution({ functionName: 'fn' })
  await engine.whenIdle()
  const started = events(engine, arn).find((e) => e.EventType === 'CallbackStarted')
  const id = started?.CallbackStartedDetails?.CallbackId ?? ''
  assert.ok(id.length >= 32)
  assert.is(started?.CallbackStartedDetails?.Timeout, 3600)
  assert.throws(() => engine.sendCallbackSuccess({ CallbackId: 'nope', Result: 'x' }), (e: Error) => e.name === 'ResourceNotFoundException')
  engine.sendCallbackSuccess({ CallbackId: id, Result: 'yes' })
  const done = await engine.waitForExecution(arn)
  assert.is(done.Result, '"got yes"')
  const types = events(engine, arn).map((e) => e.EventType)
  assert.equal(types, [
    'ExecutionStarted', 'CallbackStarted', 'InvocationCompleted', 'CallbackSucceeded', 'InvocationCompleted',
    'ExecutionSucceeded',
  ])
  assert.throws(() => engine.sendCallbackSuccess({ CallbackId: id, Result: 'x' }), (e: Error) => e.name === 'ResourceNotFoundException')
  engine.close()
})

test('should time out a callback on the virtual clock', async () => {
  const handler = withDurableExecution(async (_e: unknown, ctx) => {
    const [result] = await ctx.createCallback('late', { timeout: { seconds: 5 } })
    return await result
  })
  const engine = setup({ fn: handler })
  const done = await engine.run({ functionName: 'fn' })
  assert.is(done.Status, 'FAILED')
  const timedOut = events(engine, done.DurableExecutionArn).find((e) => e.EventType === 'CallbackTimedOut')
  assert.is(timedOut?.CallbackTimedOutDetails?.Error?.Payload?.ErrorType, 'Callback.Timeout')
  engine.close()
})

test('should run a child context and a map', async () => {
  const handler = withDurableExecution(async (_e: unknown, ctx) => {
    const inner = await ctx.runInChildContext('child', async (c) => c.step('in', async () => 5))
    const mapped = await ctx.map('m', [1, 2, 3], async (c, item) => c.step(async () => item * inner))
    return mapped.getResults()
  })
  const engine = setup({ fn: handler })
  const done = await engine.run({ functionName: 'fn' })
  assert.is(done.Status, 'SUCCEEDED')
  assert.equal(JSON.parse(done.Result ?? ''), [5, 10, 15])
  const ev = events(engine, done.DurableExecutionArn)
  const childStarted = ev.find((e) => e.EventType === 'ContextStarted' && e.SubType === 'RunInChildContext')
  const inStep = ev.find((e) => e.EventType === 'StepStarted' && e.Name === 'in')
  assert.is(inStep?.ParentId, childStarted?.Id)
  assert.is(ev.filter((e) => e.SubType === 'MapIteration' && e.EventType === 'ContextSucceeded').length, 3)
  assert.is(ev[ev.length - 1]?.EventType, 'ExecutionSucceeded')
  engine.close()
})

test('should run a chained invoke as a child execution', async () => {
  const target = withDurableExecution(async (event: { x: number }, ctx) => ctx.step('triple', async () => event.x * 3))
  const parent = withDurableExecution(async (_e: unknown, ctx) => ctx.invoke('call', 'target', { x: 7 }))
  const engine = setup({ parent, target })
  const done = await engine.run({ functionName: 'parent' })
  assert.is(done.Status, 'SUCCEEDED')
  assert.is(done.Result, '21')
  const ev = events(engine, done.DurableExecutionArn)
  assert.equal(ev.map((e) => e.EventType), [
    'ExecutionStarted', 'ChainedInvokeStarted', 'InvocationCompleted', 'ChainedInvokeSucceeded', 'InvocationCompleted',
    'ExecutionSucceeded',
  ])
  const started = ev[1]?.ChainedInvokeStartedDetails
  assert.is(started?.FunctionName, 'target')
  assert.is(started?.Input?.Payload, '{"x":7}')
  const child = engine.getExecution({ DurableExecutionArn: started?.DurableExecutionArn ?? '' })
  assert.is(child.Status, 'SUCCEEDED')
  assert.is(ev[3]?.ChainedInvokeSucceededDetails?.Result?.Payload, '21')
  engine.close()
})

test('should finish a 30-day wait instantly on the virtual clock', async () => {
  const handler = withDurableExecution(async (_e: unknown, ctx) => {
    await ctx.wait({ days: 30 })
    return 'later'
  })
  const engine = setup({ fn: handler })
  const t0 = Date.now()
  const done = await engine.run({ functionName: 'fn' })
  assert.is(done.Status, 'SUCCEEDED')
  assert.ok(Date.now() - t0 < 2000)
  assert.ok((done.EndTimestamp?.getTime() ?? 0) - done.StartTimestamp.getTime() >= 30 * 86400 * 1000)
  engine.close()
})

test('should fail the execution when the handler fails', async () => {
  const handler = withDurableExecution(async () => {
    throw new TypeError('bad input')
  })
  const engine = setup({ fn: handler })
  const done = await engine.run({ functionName: 'fn' })
  assert.is(done.Status, 'FAILED')
  assert.is(done.Error?.ErrorType, 'TypeError')
  const ev = events(engine, done.DurableExecutionArn)
  assert.is(ev[ev.length - 1]?.ExecutionFailedDetails?.Error?.Payload?.ErrorMessage, 'bad input')
  engine.close()
})

test.run()
