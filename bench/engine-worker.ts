/**
 * The engine measurement in a fresh process: `node --import tsx bench/engine-worker.ts <mode> <n>`.
 * `http`: n executions of a 10-step workflow on the embedded engine, each handler checkpointing
 * through a real LambdaClient against `startHttpServer` (as on AWS); `in-process`: the same with the
 * engine's in-process client; `suspended`: n executions parked on a one-hour wait (after one parked
 * first, as a warm baseline), reporting the heap they hold. Prints one `BENCH_RESULT` line.
 */
import { performance } from 'node:perf_hooks'
import { withHttpCheckpoints } from '../adapters/local/http/http-checkpoint-invoker.js'
import { startHttpServer } from '../adapters/local/http/server.js'
import { createEngine, createMemoryStore, createRealClock, createVirtualClock, type Engine } from '../adapters/local/index.js'
import { createRegistryInvoker } from '../adapters/local/invocation-event.js'
import { durable, step, wait } from '../shell/index.js'
import { heap, settle } from './engine-common.js'

const STEPS = 10

const tenSteps = durable(function* () {
  let total = 0
  for (let i = 1; i <= STEPS; i++) total += yield* step(async () => i)
  return total
})

const parked = durable(function* () {
  yield* step(async () => 'before')
  yield* wait({ hours: 1 })
  return 'after'
})

/** Counts CheckpointDurableExecution calls however they arrive (HTTP route or in-process client). */
const counting = (engine: Engine): { engine: Engine; calls: () => number } => {
  let calls = 0
  const checkpoint = engine.checkpoint.bind(engine)
  const wrapped: Engine = Object.assign(Object.create(Object.getPrototypeOf(engine) as object) as Engine, engine, {
    checkpoint: (params: unknown) => {
      calls++
      return checkpoint(params)
    },
  })
  return { engine: wrapped, calls: () => calls }
}

const throughput = async (mode: 'http' | 'in-process', n: number): Promise<Record<string, unknown>> => {
  const registry = createRegistryInvoker({ bench: tenSteps })
  let calls = 0
  const invoker = mode === 'http' ? withHttpCheckpoints(registry) : registry
  const base = createEngine({ store: createMemoryStore(), clock: createVirtualClock({ skipTime: true }), invoker })
  const { engine, calls: counted } = counting(base)
  const server = mode === 'http' ? await startHttpServer(engine, { port: 0 }) : undefined
  if (server) {
    process.env['AWS_ENDPOINT_URL_LAMBDA'] = server.url
    process.env['AWS_REGION'] ??= 'us-east-1'
    process.env['AWS_ACCESS_KEY_ID'] ??= 'local'
    process.env['AWS_SECRET_ACCESS_KEY'] ??= 'local'
  }
  // In-process handlers checkpoint through the engine's own client object, not the wrapper: count those too.
  const original = base.client.checkpoint.bind(base.client)
  if (mode === 'in-process') base.client.checkpoint = (p: unknown) => ((calls += 1), original(p))
  const t0 = performance.now()
  const arns = Array.from({ length: n }, () => base.startExecution({ functionName: 'bench', input: {} }).DurableExecutionArn)
  const views = await Promise.all(arns.map((arn) => base.waitForExecution(arn)))
  const seconds = (performance.now() - t0) / 1000
  const succeeded = views.filter((v) => v.Status === 'SUCCEEDED').length
  await server?.close()
  base.close()
  const checkpoints = counted() + calls
  return { mode, n, seconds, succeeded, executionsPerSecond: n / seconds, checkpoints, checkpointsPerSecond: checkpoints / seconds }
}

const suspended = async (n: number): Promise<Record<string, unknown>> => {
  const engine = createEngine({ store: createMemoryStore(), clock: createRealClock(), invoker: createRegistryInvoker({ bench: parked }) })
  // One execution parks first, so the baseline already holds the compiled code and what the engine and
  // the shell make once; the shell's trailing setImmediate work is let run before each reading.
  engine.startExecution({ functionName: 'bench', input: {} })
  await engine.whenIdle()
  await settle()
  const before = heap()
  const arns = Array.from({ length: n }, () => engine.startExecution({ functionName: 'bench', input: {} }).DurableExecutionArn)
  await engine.whenIdle()
  await settle()
  const after = heap()
  const running = arns.filter((arn) => engine.getExecution({ DurableExecutionArn: arn }).Status === 'RUNNING').length
  engine.close()
  return { mode: 'suspended', n, bytesPerExecution: (after - before) / n, running }
}

const main = async (): Promise<void> => {
  const [mode = '', nText = ''] = process.argv.slice(2)
  const n = Number(nText)
  if (!Number.isInteger(n) || n <= 0) throw new Error(`bad n: ${nText}`)
  const result = mode === 'suspended' ? await suspended(n) : mode === 'http' || mode === 'in-process' ? await throughput(mode, n) : undefined
  if (result === undefined) throw new Error(`bad mode: ${mode}`)
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`)
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`)
    process.exit(1)
  },
)
