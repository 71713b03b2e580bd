/**
 * What the two engine benchmarks (engine-inprocess.ts, engine-http.ts) share: their flags, the
 * workloads (a 10-step execution, executions parked on a wait or a callback), a handler that parks
 * forever while recording its checkpoint token, and the measuring helpers (heap after GC without
 * --expose-gc on the command line, CPU seconds of this process).
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createCallback, durable, step, wait } from '../shell/index.js'

export const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}

export const text = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback
}

export const tenSteps = durable(function* (input: { i: number }) {
  let sum = input.i
  for (let s = 0; s < 10; s++) sum += yield* step(`s${s}`, async () => s)
  return sum
})

export const onWait = durable(function* () {
  yield* step('before', async () => 'before')
  yield* wait({ hours: 1 })
  return 'after'
})

export const onCallback = durable(function* () {
  const [result] = yield* createCallback('approve', { timeout: { hours: 1 } })
  return yield* result
})

/** Records the invocation's checkpoint token by execution ARN (a parked lane then chains its own). */
export function recordToken(tokens: Map<string, string>, event: unknown): void {
  if (typeof event === 'object' && event !== null && 'DurableExecutionArn' in event && 'CheckpointToken' in event) {
    tokens.set(String(event.DurableExecutionArn), String(event.CheckpointToken))
  }
}

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** The shell's own trailing setImmediate work after a handler returns still holds its runtime: let it run. */
export const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 50))

export const heap = (): number => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

/** CPU time of this process (user + system) since `since`: steadier than wall time on a shared machine. */
export const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since)
  return (d.user + d.system) / 1e6
}
