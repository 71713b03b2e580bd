/**
 * Engine throughput over HTTP with the real @aws-sdk/client-lambda (one process, memory store,
 * real clock): (1) executions of 10 steps started with Invoke(Event) and completed, with each
 * handler (our `durable()`, no injected client) checkpointing through AWS_ENDPOINT_URL_LAMBDA;
 * (2) raw CheckpointDurableExecution calls per second from parked executions, one update each.
 * Reports figures; asserts nothing. Usage: node --import tsx bench/engine-http.ts [--n 1000]
 */
import { CheckpointDurableExecutionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda'
import * as Local from '../adapters/local/index.js'
import { durable, step } from '../shell/index.js'

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true'
process.env['AWS_REGION'] = 'us-east-1'
process.env['AWS_ACCESS_KEY_ID'] = 'local'
process.env['AWS_SECRET_ACCESS_KEY'] = 'local'

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const N = arg('--n', 1000)
const CONCURRENCY = arg('--concurrency', 50)
const CHECKPOINTS = arg('--checkpoints', 20_000)

const tenSteps = durable(function* (input: { i: number }) {
  let sum = input.i
  for (let s = 0; s < 10; s++) sum += yield* step(`s${s}`, async () => s)
  return sum
})

let token = new Map<string, string>()
const parked: Local.Handler = (event) =>
  new Promise(() => {
    if (typeof event === 'object' && event !== null && 'DurableExecutionArn' in event && 'CheckpointToken' in event) {
      token.set(String(event.DurableExecutionArn), String(event.CheckpointToken))
    }
  })

async function main(): Promise<void> {
  const engine = Local.createEngine({
    store: Local.createMemoryStore(),
    clock: Local.createRealClock(),
    invoker: Local.withHttpCheckpoints(Local.createRegistryInvoker({ ten: tenSteps as Local.Handler, parked })),
  })
  let checkpoints = 0
  const counted: Local.Engine = { ...engine, checkpoint: (p) => (checkpoints++, engine.checkpoint(p)) }
  const server = await Local.startHttpServer(counted)
  process.env['AWS_ENDPOINT_URL_LAMBDA'] = server.url
  const client = new LambdaClient({ endpoint: server.url })

  // (1) 10-step executions, invoked and completed over HTTP.
  const t0 = performance.now()
  const arns: string[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        const i = next++
        const out = await client.send(new InvokeCommand({ FunctionName: 'ten', InvocationType: 'Event', Payload: JSON.stringify({ i }) }))
        arns.push(out.DurableExecutionArn ?? '')
        await engine.waitForExecution(out.DurableExecutionArn ?? '')
      }
    }),
  )
  const execSeconds = (performance.now() - t0) / 1000
  const failed = arns.filter((a) => engine.getExecution({ DurableExecutionArn: a }).Status !== 'SUCCEEDED').length
  console.log(`10-step executions over HTTP: ${N} in ${execSeconds.toFixed(2)} s = ${(N / execSeconds).toFixed(0)}/s (${failed} not SUCCEEDED); ${checkpoints} checkpoint calls = ${(checkpoints / execSeconds).toFixed(0)}/s`)

  // (2) raw checkpoint calls: each parked execution chains its tokens; executions run side by side.
  token = new Map()
  const lanes = Array.from({ length: CONCURRENCY }, () => engine.startExecution({ functionName: 'parked' }).DurableExecutionArn)
  while (token.size < lanes.length) await new Promise((r) => setTimeout(r, 5))
  const perLane = Math.ceil(CHECKPOINTS / lanes.length)
  const t1 = performance.now()
  await Promise.all(
    lanes.map(async (arn) => {
      let current = token.get(arn) ?? ''
      for (let k = 0; k < perLane; k++) {
        const Id = `op-${k}`
        const out = await client.send(
          new CheckpointDurableExecutionCommand({ DurableExecutionArn: arn, CheckpointToken: current, Updates: [{ Id, Type: 'STEP', SubType: 'Step', Action: 'SUCCEED', Payload: '1' }] }),
        )
        current = out.CheckpointToken ?? ''
      }
    }),
  )
  const cpSeconds = (performance.now() - t1) / 1000
  const calls = perLane * lanes.length
  console.log(`raw checkpoint calls over HTTP: ${calls} in ${cpSeconds.toFixed(2)} s = ${(calls / cpSeconds).toFixed(0)}/s (${lanes.length} executions side by side)`)
  client.destroy()
  await server.close()
  engine.close()
  process.exit(0)
}

await main()
