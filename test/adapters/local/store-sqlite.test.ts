import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { withDurableExecution } from '@aws/durable-execution-sdk-js'
import * as Local from '../../../adapters/local/index.js'

const handler = withDurableExecution(async (_e: unknown, ctx) => {
  const a = await ctx.step('one', async () => 1)
  await ctx.wait('long', { hours: 2 })
  return a + (await ctx.step('two', async () => 1))
}) as Local.Handler

test('should persist to SQLite and resume the execution in a new engine, timers included', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dy-sqlite-'))
  try {
    const first = Local.createEngine({
      store: Local.createSqliteStore(dir),
      clock: Local.createVirtualClock({ skipTime: false }),
      invoker: Local.createRegistryInvoker({ fn: handler }),
    })
    const { DurableExecutionArn: arn } = first.startExecution({ functionName: 'fn' })
    await first.whenIdle()
    assert.is(first.getExecution({ DurableExecutionArn: arn }).Status, 'RUNNING')
    const eventsBefore = first.getExecutionHistory({ DurableExecutionArn: arn }).Events.length
    first.close()

    const second = Local.createEngine({
      store: Local.createSqliteStore(dir),
      clock: Local.createVirtualClock({ skipTime: true }),
      invoker: Local.createRegistryInvoker({ fn: handler }),
    })
    assert.is(second.getExecutionHistory({ DurableExecutionArn: arn }).Events.length, eventsBefore)
    const done = await second.waitForExecution(arn)
    assert.is(done.Status, 'SUCCEEDED')
    assert.is(done.Result, '2')
    const types = second.getExecutionHistory({ DurableExecutionArn: arn }).Events.map((e) => e.EventType)
    assert.equal(types.slice(-4), ['StepStarted', 'StepSucceeded', 'InvocationCompleted', 'ExecutionSucceeded'])
    assert.is(second.listExecutionsByFunction({ FunctionName: 'fn' }).DurableExecutions.length, 1)
    second.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('should resume an execution whose invocation was cut off (memory store shared across engines)', async () => {
  const store = Local.createMemoryStore()
  const hang: Local.Handler = () => new Promise(() => {})
  const first = Local.createEngine({ store, clock: Local.createVirtualClock(), invoker: Local.createRegistryInvoker({ fn: hang }) })
  const { DurableExecutionArn: arn } = first.startExecution({ functionName: 'fn' })
  await new Promise((r) => setImmediate(r))
  first.close()
  const ok = withDurableExecution(async () => 'resumed') as Local.Handler
  const second = Local.createEngine({ store, clock: Local.createVirtualClock(), invoker: Local.createRegistryInvoker({ fn: ok }) })
  const done = await second.waitForExecution(arn)
  assert.is(done.Result, '"resumed"')
  second.close()
})

test.run()
