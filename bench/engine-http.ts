/**
 * Embedded engine speed over HTTP with the real @aws-sdk/client-lambda (startHttpServer, real clock),
 * for the memory and the SQLite store: (1) 10-step executions started with Invoke(Event) and
 * completed, each handler (our `durable()`, no injected client) checkpointing through
 * AWS_ENDPOINT_URL_LAMBDA; (2) raw CheckpointDurableExecution calls per second from parked executions,
 * one update each; (3) heap held per idle execution parked on a wait / a callback. Each store runs in
 * its own process (the SDK caches its client per process). Reports figures, asserts nothing.
 * Usage: node --import tsx bench/engine-http.ts [--n 1000] [--checkpoints 20000] [--lanes 50]
 *   [--concurrency 50] [--parked 1000] [--store memory|sqlite|both] [--json]
 */
import { CheckpointDurableExecutionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import * as Local from '../adapters/local/index.js'
import { arg, cpuSeconds, heap, onCallback, onWait, recordToken, settle, tenSteps, text } from './engine-common.js'

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true'
process.env['AWS_REGION'] = 'us-east-1'
process.env['AWS_ACCESS_KEY_ID'] = 'local'
process.env['AWS_SECRET_ACCESS_KEY'] = 'local'

const N = arg('--n', 1000)
const CONCURRENCY = arg('--concurrency', 50)
const CHECKPOINTS = arg('--checkpoints', 20_000)
const LANES = arg('--lanes', 50)
const PARKED = arg('--parked', 1000)
const STORE = text('--store', 'both')
const JSON_OUT = process.argv.includes('--json')

const tokens = new Map<string, string>()
const release: Array<() => void> = []
const parked: Local.Handler = (event) =>
  new Promise((resolve) => {
    release.push(() => resolve({ Status: 'PENDING' }))
    recordToken(tokens, event)
  })

interface Rig {
  readonly engine: Local.Engine
  readonly client: LambdaClient
  readonly checkpoints: () => number
}

/** (1) 10-step executions, invoked and completed over HTTP, CONCURRENCY at a time. */
async function executionsOverHttp({ engine, client, checkpoints }: Rig): Promise<Record<string, unknown>> {
  let next = 0
  let succeeded = 0
  const calls0 = checkpoints()
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        const i = next++
        const out = await client.send(new InvokeCommand({ FunctionName: 'ten', InvocationType: 'Event', Payload: JSON.stringify({ i }) }))
        const view = await engine.waitForExecution(out.DurableExecutionArn ?? '')
        if (view.Status === 'SUCCEEDED') succeeded++
      }
    }),
  )
  const seconds = (performance.now() - t0) / 1000
  const cpu = cpuSeconds(cpu0)
  const calls = checkpoints() - calls0
  return { measure: 'executions', executions: N, succeeded, seconds, cpuSeconds: cpu, executionsPerSecond: N / seconds, executionsPerCpuSecond: N / cpu, checkpoints: calls, checkpointsPerSecond: calls / seconds }
}

/** (2) raw checkpoint calls: each parked execution chains its tokens; executions run side by side. */
async function checkpointsOverHttp({ engine, client }: Rig): Promise<Record<string, unknown>> {
  const lanes = Array.from({ length: LANES }, () => engine.startExecution({ functionName: 'parked' }).DurableExecutionArn)
  while (lanes.some((a) => !tokens.has(a))) await new Promise((r) => setTimeout(r, 2))
  const perLane = Math.ceil(CHECKPOINTS / lanes.length)
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await Promise.all(
    lanes.map(async (arn) => {
      let current = tokens.get(arn) ?? ''
      for (let k = 0; k < perLane; k++) {
        const Updates = [{ Id: `op-${k}`, Type: 'STEP' as const, SubType: 'Step', Action: 'SUCCEED' as const, Payload: '1' }]
        const out = await client.send(new CheckpointDurableExecutionCommand({ DurableExecutionArn: arn, CheckpointToken: current, Updates }))
        current = out.CheckpointToken ?? ''
      }
    }),
  )
  const seconds = (performance.now() - t0) / 1000
  const cpu = cpuSeconds(cpu0)
  const calls = perLane * lanes.length
  // Let the parked invocations go (stopped first, so their answers change nothing) so the engine can idle.
  for (const arn of lanes) engine.stopExecution({ DurableExecutionArn: arn })
  for (const go of release.splice(0)) go()
  return { measure: 'checkpoints', calls, lanes: lanes.length, seconds, cpuSeconds: cpu, checkpointsPerSecond: calls / seconds, checkpointsPerCpuSecond: calls / cpu }
}

/** (3) heap per idle execution, parked after checkpointing over HTTP. */
async function parkedHeap({ engine }: Rig, measure: string, functionName: string): Promise<Record<string, unknown>> {
  await engine.whenIdle()
  await settle()
  const before = heap()
  const arns = Array.from({ length: PARKED }, () => engine.startExecution({ functionName }).DurableExecutionArn)
  await engine.whenIdle()
  await settle()
  const after = heap()
  const running = arns.filter((a) => engine.getExecution({ DurableExecutionArn: a }).Status === 'RUNNING').length
  return { measure, executions: PARKED, running, bytesPerExecution: (after - before) / PARKED }
}

async function measureStore(kind: string): Promise<Record<string, unknown>[]> {
  const dir = kind === 'sqlite' ? mkdtempSync(join(tmpdir(), 'dy-bench-http-')) : undefined
  const store = dir !== undefined ? Local.createSqliteStore(dir) : Local.createMemoryStore()
  const invoker = Local.withHttpCheckpoints(Local.createRegistryInvoker({ ten: tenSteps, onWait, onCallback, parked }))
  const engine = Local.createEngine({ store, clock: Local.createRealClock(), invoker })
  let checkpoints = 0
  const counted: Local.Engine = { ...engine, checkpoint: (p) => ((checkpoints += 1), engine.checkpoint(p)) }
  const server = await Local.startHttpServer(counted)
  process.env['AWS_ENDPOINT_URL_LAMBDA'] = server.url
  const rig: Rig = { engine, client: new LambdaClient({ endpoint: server.url }), checkpoints: () => checkpoints }
  const results = [
    await executionsOverHttp(rig),
    await checkpointsOverHttp(rig),
    await parkedHeap(rig, 'suspended-wait', 'onWait'),
    await parkedHeap(rig, 'suspended-callback', 'onCallback'),
  ].map((r) => ({ store: kind, ...r }))
  rig.client.destroy()
  await server.close()
  engine.close()
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  return results
}

/** Runs one store per child process and gathers their JSON lines. */
function inChildren(kinds: readonly string[]): Record<string, unknown>[] {
  const self = fileURLToPath(import.meta.url)
  const rest = process.argv.slice(2).filter((a, i, all) => a !== '--store' && all[i - 1] !== '--store' && a !== '--json')
  return kinds.flatMap((kind) => {
    const out = spawnSync(process.execPath, ['--import', 'tsx', self, ...rest, '--store', kind, '--json'], { encoding: 'utf8', maxBuffer: 1 << 24 })
    const line = out.stdout.split('\n').find((l) => l.startsWith('{'))
    if (line === undefined) return [{ store: kind, error: `exit ${out.status}: ${out.stderr.trim().split('\n')[0] ?? ''}` }]
    return (JSON.parse(line) as { results: Record<string, unknown>[] }).results
  })
}

async function main(): Promise<void> {
  const results = STORE === 'both' ? inChildren(['memory', 'sqlite']) : await measureStore(STORE)
  if (JSON_OUT) return void process.stdout.write(`${JSON.stringify({ bench: 'engine-http', results })}\n`)
  const fmt = (v: unknown, d = 0): string => (typeof v === 'number' ? v.toFixed(d) : '-')
  process.stdout.write('engine over HTTP, real @aws-sdk/client-lambda (real clock)\nstore   measure              figure\n')
  for (const r of results) {
    const figure =
      r.error !== undefined
        ? `failed: ${String(r.error)}`
        : r.measure === 'executions'
          ? `${fmt(r.executionsPerSecond)} 10-step executions/s, ${fmt(r.executionsPerCpuSecond)}/CPU-s (${fmt(r.succeeded)}/${fmt(r.executions)} succeeded, ${fmt(r.checkpointsPerSecond)} checkpoints/s)`
          : r.measure === 'checkpoints'
            ? `${fmt(r.checkpointsPerSecond)} checkpoint calls/s, ${fmt(r.checkpointsPerCpuSecond)}/CPU-s (${fmt(r.calls)} calls, ${fmt(r.lanes)} executions)`
            : `${fmt(r.bytesPerExecution)} heap bytes per execution (${fmt(r.running)}/${fmt(r.executions)} running)`
    process.stdout.write(`${String(r.store).padEnd(7)} ${String(r.measure ?? '').padEnd(20)} ${figure}\n`)
  }
}

await main()
process.exit(0)
