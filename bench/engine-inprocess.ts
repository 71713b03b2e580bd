/**
 * Embedded engine speed in-process, for the memory and the SQLite store (real clock, handlers written
 * with our API): (1) 10-step executions completed per second via engine.run (a window of concurrent
 * executions); (2) raw engine.checkpoint calls per second, one update each, from parked executions
 * chaining their tokens (so each execution grows to checkpoints/lanes operations); (3) heap held per
 * idle execution parked on a one-hour wait and on a callback (delta after GC / n), and the time a
 * new engine over the same store takes to load them all (a restart). Reports figures,
 * asserts nothing. Usage: node --import tsx bench/engine-inprocess.ts [--n 1000] [--checkpoints 20000]
 *   [--lanes 50] [--concurrency 50] [--parked 1000] [--store memory|sqlite|both] [--only executions|checkpoints|suspended] [--json]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import * as Local from '../adapters/local/index.js'
import { arg, cpuSeconds, heap, onCallback, onWait, recordToken, settle, tenSteps, text } from './engine-common.js'

const N = arg('--n', 1000)
const CONCURRENCY = arg('--concurrency', 50)
const CHECKPOINTS = arg('--checkpoints', 20_000)
const LANES = arg('--lanes', 50)
const PARKED = arg('--parked', 1000)
const STORES = text('--store', 'both') === 'both' ? ['memory', 'sqlite'] : [text('--store', 'memory')]
const JSON_OUT = process.argv.includes('--json')
const ONLY = text('--only', '')
const wanted = (measure: string): boolean => ONLY === '' || measure.startsWith(ONLY)

const tokens = new Map<string, string>()
const parked: Local.Handler = (event) =>
  new Promise(() => {
    recordToken(tokens, event)
  })

interface Fixture {
  readonly engine: Local.Engine
  /** Closes the engine and starts a new one over the same store, as after a restart. */
  restart(): Local.Engine
  done(): void
}

function fixture(kind: string): Fixture {
  const dir = kind === 'sqlite' ? mkdtempSync(join(tmpdir(), 'dy-bench-')) : undefined
  const memory = Local.createMemoryStore()
  const open = (): Local.Engine => {
    const store = dir !== undefined ? Local.createSqliteStore(dir) : memory
    const invoker = Local.createRegistryInvoker({ ten: tenSteps, onWait, onCallback, parked })
    return Local.createEngine({ store, clock: Local.createRealClock(), invoker })
  }
  let engine = open()
  return {
    engine,
    restart() {
      engine.close()
      engine = open()
      return engine
    },
    done() {
      engine.close()
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function executions(kind: string): Promise<Record<string, number>> {
  const f = fixture(kind)
  let calls = 0
  const checkpoint = f.engine.client.checkpoint.bind(f.engine.client)
  f.engine.client.checkpoint = (p: unknown) => ((calls += 1), checkpoint(p))
  let next = 0
  let succeeded = 0
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        const i = next++
        const view = await f.engine.run({ functionName: 'ten', input: { i } })
        if (view.Status === 'SUCCEEDED') succeeded++
      }
    }),
  )
  const seconds = (performance.now() - t0) / 1000
  const cpu = cpuSeconds(cpu0)
  f.done()
  return { executions: N, succeeded, seconds, cpuSeconds: cpu, executionsPerSecond: N / seconds, executionsPerCpuSecond: N / cpu, checkpoints: calls, checkpointsPerSecond: calls / seconds }
}

async function rawCheckpoints(kind: string): Promise<Record<string, number>> {
  const f = fixture(kind)
  tokens.clear()
  const lanes = Array.from({ length: LANES }, () => f.engine.startExecution({ functionName: 'parked' }).DurableExecutionArn)
  while (tokens.size < lanes.length) await new Promise((r) => setTimeout(r, 2))
  const perLane = Math.ceil(CHECKPOINTS / lanes.length)
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await Promise.all(
    lanes.map(async (arn) => {
      let current = tokens.get(arn) ?? ''
      for (let k = 0; k < perLane; k++) {
        const update = { Id: `op-${k}`, Type: 'STEP', SubType: 'Step', Action: 'SUCCEED', Payload: '1' }
        const out = await f.engine.checkpoint({ DurableExecutionArn: arn, CheckpointToken: current, Updates: [update] })
        current = out.CheckpointToken
      }
    }),
  )
  const seconds = (performance.now() - t0) / 1000
  const cpu = cpuSeconds(cpu0)
  f.done()
  const calls = perLane * lanes.length
  return { calls, lanes: lanes.length, seconds, cpuSeconds: cpu, checkpointsPerSecond: calls / seconds, checkpointsPerCpuSecond: calls / cpu }
}

async function suspended(kind: string, functionName: string): Promise<Record<string, number>> {
  const f = fixture(kind)
  await f.engine.whenIdle()
  await settle()
  const before = heap()
  const arns = Array.from({ length: PARKED }, () => f.engine.startExecution({ functionName }).DurableExecutionArn)
  await f.engine.whenIdle()
  await settle()
  const after = heap()
  const running = arns.filter((a) => f.engine.getExecution({ DurableExecutionArn: a }).Status === 'RUNNING').length
  const t0 = performance.now()
  const again = f.restart()
  const restartMs = performance.now() - t0
  const resumed = arns.filter((a) => again.getExecution({ DurableExecutionArn: a }).Status === 'RUNNING').length
  f.done()
  return { executions: PARKED, running, bytesPerExecution: (after - before) / PARKED, restartMs, resumed }
}

async function main(): Promise<void> {
  const results: Record<string, unknown>[] = []
  for (const store of STORES) {
    if (wanted('executions')) results.push({ store, measure: 'executions', ...(await executions(store)) })
    if (wanted('checkpoints')) results.push({ store, measure: 'checkpoints', ...(await rawCheckpoints(store)) })
    if (wanted('suspended')) results.push({ store, measure: 'suspended-wait', ...(await suspended(store, 'onWait')) })
    if (wanted('suspended')) results.push({ store, measure: 'suspended-callback', ...(await suspended(store, 'onCallback')) })
  }
  if (JSON_OUT) return void process.stdout.write(`${JSON.stringify({ bench: 'engine-inprocess', results })}\n`)
  const fmt = (v: unknown, d = 0): string => (typeof v === 'number' ? v.toFixed(d) : '-')
  process.stdout.write('engine in-process (real clock)\nstore   measure              figure\n')
  for (const r of results) {
    const figure =
      r.measure === 'executions'
        ? `${fmt(r.executionsPerSecond)} 10-step executions/s, ${fmt(r.executionsPerCpuSecond)}/CPU-s (${fmt(r.succeeded)}/${fmt(r.executions)} succeeded, ${fmt(r.checkpointsPerSecond)} checkpoints/s)`
        : r.measure === 'checkpoints'
          ? `${fmt(r.checkpointsPerSecond)} checkpoint calls/s, ${fmt(r.checkpointsPerCpuSecond)}/CPU-s (${fmt(r.calls)} calls, ${fmt(r.lanes)} executions)`
          : `${fmt(r.bytesPerExecution)} heap bytes per execution (${fmt(r.running)}/${fmt(r.executions)} running; restart ${fmt(r.restartMs)} ms, ${fmt(r.resumed)} resumed)`
    process.stdout.write(`${String(r.store).padEnd(7)} ${String(r.measure).padEnd(20)} ${figure}\n`)
  }
}

await main()
process.exit(0)
