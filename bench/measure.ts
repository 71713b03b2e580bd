/**
 * Runs one measurement in a fresh child process (`node --trace-gc --import tsx bench/worker.ts`),
 * kills it at the timeout, and reads its result line and its peak heap: the largest heap size any
 * GC in the timed region saw before collecting, or the heap at the end if larger (the event is
 * live throughout, so it counts for both SDKs). Repeats while a run takes under 10 s
 * and reports the median of three, so slow official runs are measured once.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { WorkerResult } from './worker.js'

export interface Measurement extends WorkerResult {
  readonly peakHeapMb: number
  readonly runs: number
  /** Fewest and most checkpoint calls over the runs: batching follows timers, so it may vary by one. */
  readonly callsMin: number
  readonly callsMax: number
}
export type Outcome = { readonly ok: true; readonly m: Measurement } | { readonly ok: false; readonly reason: string }

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url))
const GC_LINE = /(?:Scavenge|Mark-Compact|Mark-Sweep|Minor Mark-Sweep)[^0-9]*([\d.]+) \([\d.]+\) -> ([\d.]+)/
const REPEAT_UNDER_MS = 10_000

const once = (args: readonly string[], timeoutMs: number): Promise<Outcome> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ['--trace-gc', '--expose-gc', '--import', 'tsx', WORKER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('close', (code) => {
      clearTimeout(timer)
      if (timedOut) return resolve({ ok: false, reason: `timeout ${Math.round(timeoutMs / 1000)} s` })
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '))
      if (code !== 0 || line === undefined) return resolve({ ok: false, reason: `exit ${code}: ${err.trim().split('\n')[0] ?? ''}` })
      const result = JSON.parse(line.slice('BENCH_RESULT '.length)) as WorkerResult
      let peak = result.heapUsedEnd / 2 ** 20
      const timed = out.slice(out.indexOf('BENCH_TIMED_START'))
      for (const l of timed.split('\n')) {
        const m = GC_LINE.exec(l)
        if (m) peak = Math.max(peak, Number(m[1]))
      }
      resolve({ ok: true, m: { ...result, peakHeapMb: peak, runs: 1, callsMin: result.checkpointCalls, callsMax: result.checkpointCalls } })
    })
  })

const median = (xs: readonly Measurement[]): Measurement => {
  const sorted = [...xs].sort((a, b) => a.ms - b.ms)
  const mid = sorted[Math.floor(sorted.length / 2)] as Measurement
  const calls = xs.map((x) => x.checkpointCalls)
  return { ...mid, peakHeapMb: Math.max(...xs.map((x) => x.peakHeapMb)), runs: xs.length, callsMin: Math.min(...calls), callsMax: Math.max(...calls) }
}

/** Median of up to `runs` fresh-process runs; a run over 10 s or a failure ends the series. */
export const measure = async (args: readonly string[], timeoutMs: number, runs = 3): Promise<Outcome> => {
  const done: Measurement[] = []
  for (let i = 0; i < runs; i++) {
    const r = await once(args, timeoutMs)
    if (!r.ok) return done.length > 0 ? { ok: true, m: median(done) } : r
    done.push(r.m)
    if (r.m.ms >= REPEAT_UNDER_MS) break
  }
  return { ok: true, m: median(done) }
}
