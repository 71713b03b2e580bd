/**
 * The benchmark scenarios, each written twice: with our generator API and with the official SDK 2.4
 * (loaded lazily, so a worker measuring one SDK never loads the other). A scenario may seed the
 * lean service with a recorded history (replay) and says nothing about timing: the worker drives
 * invocations until the execution ends, firing the service-side wait timers between them.
 */
import { createHash } from 'node:crypto'
import type { LeanService } from './lean-service.js'

export type Sdk = 'ours' | 'official'
export interface BenchContext { readonly awsRequestId: string; getRemainingTimeInMillis(): number }
export type Handler = (event: unknown, context: BenchContext) => Promise<unknown>
export interface Client { send(command: unknown): Promise<unknown> }

export interface Scenario {
  readonly name: string
  readonly describe: string
  readonly seed?: (n: number, service: LeanService) => void
  readonly make: (sdk: Sdk, n: number, client: Client) => Promise<Handler>
}

const ISO = '2026-01-01T00:00:00.000Z'
const wireId = (raw: string): string => createHash('md5').update(raw, 'utf8').digest('hex').slice(0, 16)

const seedSteps = (n: number, service: LeanService): void => {
  for (let i = 1; i <= n; i++) {
    service.seed({
      Id: wireId(String(i)), Type: 'STEP', SubType: 'Step', Status: 'SUCCEEDED',
      StartTimestamp: ISO, EndTimestamp: ISO, StepDetails: { Attempt: 1, Result: String(i) },
    })
  }
}

const ours = () => import('../shell/index.js')
const official = () => import('@aws/durable-execution-sdk-js')

const sequentialSteps = async (sdk: Sdk, n: number, client: Client): Promise<Handler> => {
  if (sdk === 'ours') {
    const { durable, step } = await ours()
    return durable(function* () {
      let total = 0
      for (let i = 1; i <= n; i++) total += yield* step(async () => i)
      return total
    }, { client })
  }
  const { withDurableExecution } = await official()
  return withDurableExecution(async (_e: unknown, ctx) => {
    let total = 0
    for (let i = 1; i <= n; i++) total += await ctx.step(async () => i)
    return total
  }, { client: client as never }) as Handler
}

const mapScenario = (maxConcurrency: number | undefined) => async (sdk: Sdk, n: number, client: Client): Promise<Handler> => {
  const items = Array.from({ length: n }, (_, i) => i)
  const config = maxConcurrency === undefined ? {} : { maxConcurrency }
  if (sdk === 'ours') {
    const { durable, map, step } = await ours()
    return durable(function* () {
      const r = yield* map('m', items, (item) => step(async () => item * 2), config)
      return r.successCount
    }, { client })
  }
  const { withDurableExecution } = await official()
  return withDurableExecution(async (_e: unknown, ctx) => {
    const r = await ctx.map('m', items, async (c, item) => c.step(async () => item * 2), config)
    return r.successCount
  }, { client: client as never }) as Handler
}

const childScenario = async (sdk: Sdk, n: number, client: Client): Promise<Handler> => {
  if (sdk === 'ours') {
    const { durable, childContext, step } = await ours()
    return durable(function* () {
      let total = 0
      for (let i = 1; i <= n; i++) total += yield* childContext(function* () { return yield* step(async () => i) })
      return total
    }, { client })
  }
  const { withDurableExecution } = await official()
  return withDurableExecution(async (_e: unknown, ctx) => {
    let total = 0
    for (let i = 1; i <= n; i++) total += await ctx.runInChildContext(async (c) => c.step(async () => i))
    return total
  }, { client: client as never }) as Handler
}

const parallelScenario = async (sdk: Sdk, n: number, client: Client): Promise<Handler> => {
  if (sdk === 'ours') {
    const { durable, parallel, wait } = await ours()
    const branches = Array.from({ length: n }, (_, i) => function* () {
      yield* wait({ seconds: 1 })
      return i
    })
    return durable(function* () {
      const r = yield* parallel('p', branches)
      return r.successCount
    }, { client })
  }
  const { withDurableExecution } = await official()
  return withDurableExecution(async (_e: unknown, ctx) => {
    const branches = Array.from({ length: n }, (_, i) => async (c: typeof ctx) => {
      await c.wait({ seconds: 1 })
      return i
    })
    const r = await ctx.parallel('p', branches)
    return r.successCount
  }, { client: client as never }) as Handler
}

export const scenarios: readonly Scenario[] = [
  { name: 'replay', describe: 'event holds N SUCCEEDED steps; one invocation, no step runs', seed: seedSteps, make: sequentialSteps },
  { name: 'fresh', describe: 'N sequential steps from empty history', make: sequentialSteps },
  { name: 'map', describe: 'map over N items, one step each', make: mapScenario(undefined) },
  { name: 'map-c10', describe: 'map over N items, one step each, maxConcurrency 10', make: mapScenario(10) },
  { name: 'child', describe: 'N sequential child contexts, one step each', make: childScenario },
  { name: 'parallel', describe: 'N branches with one wait each, then resume after the waits', make: parallelScenario },
]

export const scenarioNamed = (name: string): Scenario => {
  const found = scenarios.find((s) => s.name === name)
  if (!found) throw new Error(`unknown scenario ${name}; known: ${scenarios.map((s) => s.name).join(', ')}`)
  return found
}
