/**
 * Shared set-up for the engine tests: an engine over a given store with a virtual clock that only
 * moves when a test moves it, a few small handlers written with our public API, and readers for
 * history and operations. Handlers are tiny on purpose: each exercises one thing the service
 * does (a timer, a callback with timeouts, a chained invoke) so a failing test names its cause.
 */
import { createCallback, durable, invoke, step, wait, waitForCallback } from '../../../../shell/index.js'
import { withDurableExecution } from '@aws/durable-execution-sdk-js'
import * as Local from '../../../../adapters/local/index.js'
import { advanceClock } from '../../../../adapters/local/testing.js'

export const T0 = Date.UTC(2026, 0, 1)

/** Handlers written with our API, by function name. */
const ours: Record<string, Local.Handler> = {
  /** step → 60 s wait → step. */
  waiter: durable(function* (n: number) {
    const a = yield* step('first', async () => n + 1)
    yield* wait('pause', { seconds: 60 })
    return yield* step('second', async () => a * 2)
  }) as Local.Handler,
  /** One callback (1 h timeout, 10 s heartbeat), returned as its raw string. */
  approval: durable(function* () {
    const [result] = yield* createCallback<string>('approval', { timeout: { hours: 1 }, heartbeatTimeout: { seconds: 10 } })
    return yield* result
  }) as Local.Handler,
  /** A waitForCallback with a 30 s timeout, then a step. */
  ask: durable(function* () {
    const answer = yield* waitForCallback<string>('ask', async () => {}, { timeout: { seconds: 30 } })
    return yield* step('after', async () => `got ${answer}`)
  }) as Local.Handler,
  /** Invokes `child` and returns its result. */
  parent: durable(function* (n: number) {
    return yield* invoke<number>('call-child', 'child', n)
  }) as Local.Handler,
  /** The chained target: waits 5 s, returns n * 10. */
  child: durable(function* (n: number) {
    yield* wait('nap', { seconds: 5 })
    return yield* step('times-ten', async () => n * 10)
  }) as Local.Handler,
  /** A step that fails its first two attempts and is retried 10 s later each time, then returns n. */
  retrier: durable(function* (n: number) {
    return yield* step('flaky', async (ctx) => {
      if (ctx.attempt < 3) throw new Error(`attempt ${ctx.attempt} failed`)
      return n
    }, { retryStrategy: (_e, attempts) => (attempts < 5 ? { shouldRetry: true, delay: { seconds: 10 } } : { shouldRetry: false }) })
  }) as Local.Handler,
  /** A step that always throws, no retry. */
  broken: durable(function* () {
    return yield* step('boom', async (): Promise<number> => {
      throw new TypeError('card declined')
    }, { retryStrategy: () => ({ shouldRetry: false }) })
  }) as Local.Handler,
}

/** The same behaviours written with the official SDK 2.4, which the engine must run unmodified. */
export const officialHandlers: Record<string, Local.Handler> = {
  'official-waiter': withDurableExecution(async (n: number, ctx) => {
    const a = await ctx.step('first', async () => n + 1)
    await ctx.wait('pause', { seconds: 60 })
    return await ctx.step('second', async () => a * 2)
  }) as Local.Handler,
  'official-approval': withDurableExecution(async (_e: unknown, ctx) => {
    const [result] = await ctx.createCallback('approval', { timeout: { hours: 1 }, heartbeatTimeout: { seconds: 10 } })
    return await result
  }) as Local.Handler,
}

/** Every handler the engine tests register, by function name. */
export const handlers: Readonly<Record<string, Local.Handler>> = { ...ours, ...officialHandlers }

export interface Rig {
  readonly engine: Local.Engine
  readonly clock: Local.VirtualClock
  readonly store: Local.Store
}

export function rig(
  store: Local.Store = Local.createMemoryStore(),
  clock = Local.createVirtualClock({ start: T0, skipTime: false }),
  table: Readonly<Record<string, Local.Handler>> = handlers,
): Rig {
  const engine = Local.createEngine({ store, clock, invoker: Local.createRegistryInvoker(table) })
  return { engine, clock, store }
}

/** Lets `seconds` of virtual time pass, the engine reacting to each timer as it comes due. */
export const advance = (r: Rig, seconds: number): Promise<void> => advanceClock(r.engine, r.clock, seconds * 1000)

export const history = (engine: Local.Engine, arn: string) => {
  const events: ReturnType<Local.Engine['getExecutionHistory']>['Events'] = []
  let marker: string | undefined
  do {
    const page = engine.getExecutionHistory({ DurableExecutionArn: arn, MaxItems: 1000, ...(marker ? { Marker: marker } : {}) })
    events.push(...page.Events)
    marker = page.NextMarker
  } while (marker)
  return events
}

export const eventTypes = (engine: Local.Engine, arn: string): string[] => history(engine, arn).map((e) => String(e.EventType))

/** The first operation of `type` (optionally with `name`) in an execution. */
export function opOf(engine: Local.Engine, arn: string, type: string, name?: string) {
  return engine.operations(arn).find((o) => o?.Type === type && (name === undefined || o.Name === name))
}

/** The CallbackId of the execution's first callback operation. */
export function callbackIdOf(engine: Local.Engine, arn: string): string {
  const id = opOf(engine, arn, 'CALLBACK')?.CallbackDetails?.CallbackId
  if (id === undefined) throw new Error(`no callback in ${arn}`)
  return id
}

/** Calls `fn` and returns the EngineError it throws (fails the test when it does not throw one). */
export function engineError(fn: () => unknown): Local.EngineError {
  try {
    fn()
  } catch (e) {
    if (e instanceof Local.EngineError) return e
    throw e
  }
  throw new Error('expected an EngineError')
}
