import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { withDurableExecution } from '@aws/durable-execution-sdk-js'
import { InvokeCommand, SendDurableExecutionCallbackSuccessCommand } from '@aws-sdk/client-lambda'
import * as Local from '../../../../adapters/local/index.js'
import { lambdaClientFor, until } from './support.js'

// The official SDK builds its own LambdaClient (once per process) from the environment: these make
// it talk to the server below, exactly as on AWS it talks to the Lambda service. Test files share
// a process, so the previous values come back afterwards.
const ENV_KEYS = ['AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_ENDPOINT_URL_LAMBDA'] as const
const savedEnv = ENV_KEYS.map((k) => [k, process.env[k]] as const)
test.before(() => {
  process.env.AWS_REGION = 'us-east-1'
  process.env.AWS_ACCESS_KEY_ID = 'local'
  process.env.AWS_SECRET_ACCESS_KEY = 'local'
})
test.after(() => {
  for (const [k, v] of savedEnv) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
})

const events: unknown[] = []
const callbackIds: string[] = []
const handler = withDurableExecution(async (event: { n: number }, ctx) => {
  const a = await ctx.step('add', async () => event.n + 1)
  await ctx.wait('pause', { seconds: 1 })
  const approved = await ctx.waitForCallback('approve', async (id) => void callbackIds.push(id))
  const parts = await ctx.map('double', [a, a + 1], async (c, item) => c.step(async () => item * 2))
  return { a, approved, doubled: parts.getResults() }
})

test('should run an unmodified official SDK handler whose checkpoints travel over HTTP', async () => {
  const invoker = Local.createRegistryInvoker({
    official: (event, context) => {
      events.push(event)
      return handler(event as Parameters<typeof handler>[0], context as unknown as Parameters<typeof handler>[1])
    },
  })
  const engine = Local.createEngine({ store: Local.createMemoryStore(), clock: Local.createRealClock(), invoker: Local.withHttpCheckpoints(invoker) })
  let checkpoints = 0
  let states = 0
  // Count what reaches the engine through the server: the handler has no other way in.
  const counted: Local.Engine = {
    ...engine,
    checkpoint: (p) => (checkpoints++, engine.checkpoint(p)),
    getExecutionState: (p) => (states++, engine.getExecutionState(p)),
  }
  const server = await Local.startHttpServer(counted)
  process.env.AWS_ENDPOINT_URL_LAMBDA = server.url
  const client = lambdaClientFor(server.url)
  try {
    const started = await client.send(new InvokeCommand({ FunctionName: 'official', InvocationType: 'Event', Payload: new TextEncoder().encode('{"n":4}') }))
    const arn = started.DurableExecutionArn ?? ''
    await until(() => callbackIds.length === 1)
    await client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackIds[0] ?? '', Result: new TextEncoder().encode('"ok"') }))
    const done = await engine.waitForExecution(arn)
    assert.is(done.Status, 'SUCCEEDED', JSON.stringify(done.Error))
    assert.equal(JSON.parse(done.Result ?? ''), { a: 5, approved: '"ok"', doubled: [10, 12] })
    assert.ok(checkpoints >= 5, `only ${checkpoints} checkpoint calls arrived over HTTP`)
    assert.ok(events.length >= 3)
    assert.ok(events.every((e) => typeof e === 'object' && e !== null && !('durableExecutionClient' in e)))
    const types = engine.getExecutionHistory({ DurableExecutionArn: arn, MaxItems: 1000 }).Events.map((e) => e.EventType)
    assert.ok(types.includes('WaitSucceeded') && types.includes('CallbackSucceeded'))
    assert.is(states, 0)
  } finally {
    client.destroy()
    await server.close()
    engine.close()
  }
})

test.run()
