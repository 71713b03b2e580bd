/**
 * Child contexts and the composites built on them: `childContext` (optionally virtual), and
 * `waitForCallback` (a WaitForCallback context holding an unnamed callback and an unnamed submitter
 * step, as PROTOCOL.md §5.4 lays out).
 */
import type { ErrorMapping } from '../../core/request.js'
import type { ChildEntry, DurationLike, Effect, Op, RetryStrategy, StepContext } from '../effect.js'
import { passThroughSerdes, type Serdes } from '../serdes.js'
import { createCallback, step } from './leaf.js'

export interface ChildContextOptions<A> {
  serdes?: Serdes<A>
  subType?: string
  summaryGenerator?: (result: A) => string
  errorMapper?: (error: Error) => Error
  virtualContext?: boolean
}

type Body<A> = () => Op<A>

/**
 * The official SDK closes a context after `await fn(ctx)`: one microtask after the body settles, so a
 * branch that ends at once is closed after its siblings have started their first operations.
 */
const settleTick: Effect = { _tag: 'Await', promise: Promise.resolve() }

/** Internal form with the error mapping of the composite that uses it. */
export function* enterChild<A>(name: string | undefined, body: Body<A>, options: ChildContextOptions<A>, mapping?: ErrorMapping): Op<A> {
  const entry = (yield {
    _tag: 'ChildBegin',
    ...(name !== undefined ? { name } : {}),
    options: {
      subType: options.subType ?? 'RunInChildContext',
      virtual: options.virtualContext === true,
      ...(mapping !== undefined ? { mapping } : {}),
      ...(options.serdes !== undefined ? { serdes: options.serdes as Serdes<unknown> } : {}),
      ...(options.summaryGenerator !== undefined ? { summaryGenerator: options.summaryGenerator as (r: unknown) => string } : {}),
      ...(options.errorMapper !== undefined ? { errorMapper: options.errorMapper } : {}),
    },
  }) as ChildEntry
  if (entry.replayed) return entry.value as A
  let value: A
  try {
    value = yield* body()
  } catch (error) {
    yield settleTick
    return (yield { _tag: 'ChildEnd', outcome: { ok: false, error } }) as A
  }
  yield settleTick
  return (yield { _tag: 'ChildEnd', outcome: { ok: true, value } }) as A
}

export function childContext<A>(body: Body<A>, options?: ChildContextOptions<A>): Op<A>
export function childContext<A>(name: string | undefined, body: Body<A>, options?: ChildContextOptions<A>): Op<A>
export function childContext<A>(a: string | undefined | Body<A>, b?: Body<A> | ChildContextOptions<A>, c?: ChildContextOptions<A>): Op<A> {
  return typeof a === 'function' ? enterChild(undefined, a, (b as ChildContextOptions<A>) ?? {}) : enterChild(a, b as Body<A>, c ?? {})
}

export interface WaitForCallbackConfig<A> {
  timeout?: DurationLike
  heartbeatTimeout?: DurationLike
  retryStrategy?: RetryStrategy
  serdes?: Serdes<A>
}

export type Submitter = (callbackId: string, context: StepContext) => Promise<void> | void

export function waitForCallback<A = string>(submitter: Submitter, config?: WaitForCallbackConfig<A>): Op<A>
export function waitForCallback<A = string>(name: string | undefined, submitter: Submitter, config?: WaitForCallbackConfig<A>): Op<A>
export function waitForCallback<A = string>(a: string | undefined | Submitter, b?: Submitter | WaitForCallbackConfig<A>, c?: WaitForCallbackConfig<A>): Op<A> {
  return typeof a === 'function' ? waitForCallbackNamed(undefined, a, (b as WaitForCallbackConfig<A> | undefined) ?? {}) : waitForCallbackNamed(a, b as Submitter, c ?? {})
}

function* waitForCallbackNamed<A>(name: string | undefined, submitter: Submitter, config: WaitForCallbackConfig<A>): Op<A> {
  if (typeof submitter !== 'function') throw new Error('waitForCallback requires a submitter function')
  const raw = yield* enterChild<string>(
    name,
    function* () {
      const [result, callbackId] = yield* createCallback<string>(undefined, {
        ...(config.timeout !== undefined ? { timeout: config.timeout } : {}),
        ...(config.heartbeatTimeout !== undefined ? { heartbeatTimeout: config.heartbeatTimeout } : {}),
        serdes: passThroughSerdes,
      })
      yield* step(undefined, (ctx) => submitter(callbackId, ctx), config.retryStrategy !== undefined ? { retryStrategy: config.retryStrategy } : {})
      return yield* result
    },
    { subType: 'WaitForCallback' },
    'callback',
  )
  return config.serdes === undefined ? (raw as A) : ((yield* deserializeRaw(config.serdes, raw)) as A)
}

function* deserializeRaw<A>(serdes: Serdes<A>, raw: string): Op<A | undefined> {
  const value = serdes.deserialize(raw, { entityId: '', durableExecutionArn: '' })
  return value instanceof Promise ? ((yield { _tag: 'Await', promise: value }) as A | undefined) : value
}
