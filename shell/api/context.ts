/**
 * Child contexts and the composites built on them: `childContext` (optionally virtual), and
 * `waitForCallback` (a WaitForCallback context holding an unnamed callback and an unnamed submitter
 * step, as PROTOCOL.md §5.4 lays out).
 */
import type { ErrorMapping } from '../../core/request.js'
import type { ChildEntry, DurationLike, Effect, Op, RetryStrategy, StepContext } from '../effect.js'
import { passThroughSerdes, type Serdes } from '../serdes.js'
import { createCallback, step } from './leaf.js'
import { withoutInline } from '../runtime/runtime.js'

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
    // With plugins wrapping context bodies, the body runs (as its own fiber) inside their wrap hooks.
    value = entry.run === undefined ? yield* body() : ((yield { _tag: 'Await', promise: entry.run(body) }) as A)
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
      const [result, callbackId] = yield* pluginNamed(name === undefined ? undefined : `${name}-callback`, createCallback<string>(undefined, {
        ...(config.timeout !== undefined ? { timeout: config.timeout } : {}),
        ...(config.heartbeatTimeout !== undefined ? { heartbeatTimeout: config.heartbeatTimeout } : {}),
        serdes: passThroughSerdes,
      }))
      const submit = step(undefined, (ctx) => submitter(callbackId, ctx), config.retryStrategy !== undefined ? { retryStrategy: config.retryStrategy } : {})
      yield* pluginNamed(name === undefined ? undefined : `${name}-submitter`, submit)
      return yield* result
    },
    { subType: 'WaitForCallback' },
    'callback',
  )
  return config.serdes === undefined ? (raw as A) : ((yield* deserializeRaw(config.serdes, raw)) as A)
}

/** Runs `op`, giving its first effect (the operation itself) the name plugins see for it. */
function* pluginNamed<A>(pluginName: string | undefined, op: Op<A>): Op<A> {
  // Inline answers off for its first effect, which must be seen here to be renamed.
  let next = withoutInline(() => op.next())
  let first = true
  while (next.done !== true) {
    const effect: Effect = first && pluginName !== undefined && (next.value._tag === 'Step' || next.value._tag === 'CreateCallback') ? { ...next.value, pluginName } : next.value
    first = false
    let answer: unknown
    try {
      answer = yield effect
    } catch (error) {
      next = op.throw(error)
      continue
    }
    next = op.next(answer)
  }
  return next.value
}

function* deserializeRaw<A>(serdes: Serdes<A>, raw: string): Op<A | undefined> {
  const value = serdes.deserialize(raw, { entityId: '', durableExecutionArn: '' })
  return value instanceof Promise ? ((yield { _tag: 'Await', promise: value }) as A | undefined) : value
}
