import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { withDurableExecution } from '@aws/durable-execution-sdk-js'
import * as Local from '../../../adapters/local/index.js'

function setup(handlers: Record<string, Local.Handler>) {
  const clock = Local.createVirtualClock({ skipTime: true })
  const engine = Local.createEngine({ store: Local.createMemoryStore(), clock, invoker: Local.createRegistryInvoker(handlers) })
  return { engine, clock }
}

const types = (engine: Local.Engine, arn: string) =>
  engine.getExecutionHistory({ DurableExecutionArn: arn, MaxItems: 1000 }).Events.map((e) => e.EventType)

test('should run steps and a wait of the official SDK to the expected result and history', async () => {
  const handler = withDurableExecution(async (event: { n: number }, ctx) => {
    const a = await ctx.step('add', async () => event.n + 1)
    await ctx.wait('pause', { seconds: 2 })
    return await ctx.step('double', async () => a * 2)
  })
  const { engine } = setup({ fn: handler as Local.Handler })
  const done = await engine.run({ functionName: 'fn', input: { n: 20 } })
  assert.is(done.Status, 'SUCCEEDED')
  assert.is(done.Result, '42')
  assert.equal(types(engine, done.DurableExecutionArn), [
    'ExecutionStarted', 'StepStarted', 'StepSucceeded', 'WaitStarted', 'InvocationCompleted',
    'WaitSucceeded', 'StepStarted', 'StepSucceeded', 'InvocationCompleted', 'ExecutionSucceeded',
  ])
  engine.close()
})

test.run()
