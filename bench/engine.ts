/**
 * Scenario 6, the embedded engine end to end: 1,000 executions of a 10-step workflow checkpointing
 * over HTTP through a real LambdaClient (startHttpServer), the same in-process, and the heap held
 * per execution suspended on a wait. Each runs in a fresh process (bench/engine-worker.ts).
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const WORKER = fileURLToPath(new URL('./engine-worker.ts', import.meta.url))
const EXECUTIONS = 1000
const TIMEOUT_MS = 300_000

export type EngineResult = Record<string, unknown>

const run = (mode: string, n: number): Promise<EngineResult> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '--no-warnings', '--import', 'tsx', WORKER, mode, String(n)], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS)
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('close', (code) => {
      clearTimeout(timer)
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '))
      if (line === undefined) return resolve({ mode, n, error: `exit ${code}: ${err.trim().split('\n')[0] ?? ''}` })
      resolve(JSON.parse(line.slice('BENCH_RESULT '.length)) as EngineResult)
    })
  })

const num = (r: EngineResult, key: string, digits = 0): string => (typeof r[key] === 'number' ? (r[key] as number).toFixed(digits) : '-')

export const runEngineBench = async (json: boolean): Promise<EngineResult[]> => {
  const results = [await run('http', EXECUTIONS), await run('in-process', EXECUTIONS), await run('suspended', EXECUTIONS)]
  if (json) return results
  process.stdout.write('\nengine (embedded, memory store, virtual clock):\n')
  for (const r of results) {
    if (r.error !== undefined) process.stdout.write(`  ${String(r.mode)}: failed: ${String(r.error)}\n`)
    else if (r.mode === 'suspended') process.stdout.write(`  suspended on a wait: ${num(r, 'n')} executions (${num(r, 'running')} still running), ${num(r, 'bytesPerExecution')} bytes of heap each\n`)
    else {
      process.stdout.write(`  ${String(r.mode).padEnd(10)} ${num(r, 'n')} x 10 steps: ${num(r, 'seconds', 2)} s, ${num(r, 'executionsPerSecond')} executions/s, ${num(r, 'checkpoints')} checkpoints, ${num(r, 'checkpointsPerSecond')} checkpoints/s (${num(r, 'succeeded')} succeeded)\n`)
    }
  }
  return results
}
