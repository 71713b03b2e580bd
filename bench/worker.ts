/**
 * One measurement in a fresh process: `node --import tsx bench/worker.ts <scenario> <n> <sdk>`.
 * It builds the lean service (seeded for replay) and the handler outside the timed region, then
 * times only the handler calls: invocation after invocation until the execution ends, firing the
 * wait timers in between. `floor` times `JSON.parse` of the scenario's first invocation event.
 * The result is one line on stdout prefixed with `BENCH_RESULT `; run.ts reads peak heap from the
 * `--trace-gc` lines around it.
 */
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { LeanService } from './lean-service.js'
import { scenarioNamed, type Sdk } from './scenarios.js'

export interface WorkerResult {
  readonly ms: number
  readonly status: string
  readonly invocations: number
  readonly checkpointCalls: number
  readonly updates: number
  readonly fakeMs: number
  /** CPU time (user + system) of the timed region: steadier than wall time on a busy machine. */
  readonly cpuMs: number
  readonly heapUsedEnd: number
}

const MAX_INVOCATIONS = 10

const cpuSince = (start: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(start)
  return (d.user + d.system) / 1000
}

const lambdaContext = () => ({
  functionName: 'bench-fn', functionVersion: '$LATEST', awsRequestId: randomUUID(),
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bench-fn',
  memoryLimitInMB: '1024', logGroupName: '/aws/lambda/bench-fn', logStreamName: 'bench',
  callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => 15 * 60_000,
  done: () => undefined, fail: () => undefined, succeed: () => undefined,
})

/** Collects the bench's own setup garbage first, so that neither SDK pays for it in the timed region. */
const settleHeap = (): void => {
  const gc: unknown = Reflect.get(globalThis, 'gc')
  if (typeof gc === 'function') gc()
  process.stdout.write('BENCH_TIMED_START\n')
}

const statusOf = (out: unknown): string =>
  typeof out === 'object' && out !== null && 'Status' in out && typeof out.Status === 'string' ? out.Status : 'INVALID'

const floor = (scenario: string, n: number): WorkerResult => {
  const service = new LeanService()
  scenarioNamed(scenario).seed?.(n, service)
  const text = JSON.stringify(service.event())
  settleHeap()
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const parsed: unknown = JSON.parse(text)
  const ms = performance.now() - t0
  return { ms, cpuMs: cpuSince(c0), status: typeof parsed === 'object' ? 'PARSED' : 'INVALID', invocations: 0, checkpointCalls: 0, updates: 0, fakeMs: 0, heapUsedEnd: process.memoryUsage().heapUsed }
}

const measure = async (scenario: string, n: number, sdk: Sdk): Promise<WorkerResult> => {
  const s = scenarioNamed(scenario)
  const service = new LeanService()
  s.seed?.(n, service)
  const handler = await s.make(sdk, n, service.client)
  let ms = 0
  let cpuMs = 0
  let invocations = 0
  let status = 'PENDING'
  while (status === 'PENDING' && invocations < MAX_INVOCATIONS) {
    if (invocations > 0) service.fireWaits()
    const event = service.event()
    const context = lambdaContext()
    settleHeap()
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    const out = await handler(event, context)
    ms += performance.now() - t0
    cpuMs += cpuSince(c0)
    invocations++
    status = statusOf(out)
  }
  const { checkpointCalls, updates, selfMs } = service
  return { ms, cpuMs, status, invocations, checkpointCalls, updates, fakeMs: selfMs, heapUsedEnd: process.memoryUsage().heapUsed }
}

const main = async (): Promise<void> => {
  const [scenario = '', nText = '', sdk = ''] = process.argv.slice(2)
  const n = Number(nText)
  if (!Number.isInteger(n) || n <= 0) throw new Error(`bad N: ${nText}`)
  if (sdk !== 'ours' && sdk !== 'official' && sdk !== 'floor') throw new Error(`bad sdk: ${sdk}`)
  const result = sdk === 'floor' ? floor(scenario, n) : await measure(scenario, n, sdk)
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`)
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`)
    process.exit(1)
  },
)
