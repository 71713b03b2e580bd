/**
 * The leaf operations of the public API as free functions returning `Op<A>`: use them with `yield*`.
 * The name comes first and is optional, as in the official SDK; options use the official names.
 */
import * as Retry from '../../core/retry.js'
import type { StepSemantics } from '../../core/request.js'
import type { DurationLike, Op, RetryStrategy, StepContext, StepEffect } from '../effect.js'
import type { CreatedCallback } from '../runtime/handlers/leaf.js'
import type { Serdes } from '../serdes.js'
import { DurableSdkError } from '../errors.js'
import { answerInline, inlineAnswer } from '../runtime/runtime.js'

export interface StepOptions<A> {
  retryStrategy?: RetryStrategy
  semantics?: StepSemantics
  serdes?: Serdes<A>
}

type StepFn<A> = (context: StepContext) => Promise<A> | A

export function step<A>(fn: StepFn<A>, options?: StepOptions<A>): Op<A>
export function step<A>(name: string | undefined, fn: StepFn<A>, options?: StepOptions<A>): Op<A>
export function* step<A>(a: string | undefined | StepFn<A>, b?: StepFn<A> | StepOptions<A>, c?: StepOptions<A>): Op<A> {
  const named = typeof a !== 'function'
  const options = named ? c : (b as StepOptions<A> | undefined)
  // One literal of one shape (absent options are undefined-valued keys): replay builds one effect per
  // recorded step, and the conditional spreads this replaced allocated and reshaped it several times.
  const effect: StepEffect = {
    _tag: 'Step',
    name: named ? a : undefined,
    fn: named ? (b as StepFn<A>) : a,
    semantics: options?.semantics ?? 'AT_LEAST_ONCE_PER_RETRY',
    retryStrategy: options?.retryStrategy,
    serdes: options?.serdes as Serdes<unknown> | undefined,
  }
  // Answered where it is asked (a replayed step returns without suspending the workflow), or yielded.
  const pending = answerInline(effect)
  return (pending === undefined ? inlineAnswer : yield pending) as A
}

export function wait(duration: DurationLike): Op<void>
export function wait(name: string | undefined, duration: DurationLike): Op<void>
export function* wait(a: string | undefined | DurationLike, b?: DurationLike): Op<void> {
  const [name, duration] = typeof a === 'object' ? [undefined, a] : [a, b ?? {}]
  yield { _tag: 'Wait', ...(name !== undefined ? { name } : {}), seconds: Retry.durationSeconds(duration) }
}

export interface CallbackConfig<A> {
  timeout?: DurationLike
  heartbeatTimeout?: DurationLike
  serdes?: Serdes<A>
}

function callbackOptions(config: CallbackConfig<unknown> | undefined) {
  return {
    ...(config?.timeout !== undefined ? { TimeoutSeconds: Retry.durationSeconds(config.timeout) } : {}),
    ...(config?.heartbeatTimeout !== undefined ? { HeartbeatTimeoutSeconds: Retry.durationSeconds(config.heartbeatTimeout) } : {}),
  }
}

/** Creates a callback: returns `[result, callbackId]`, where `yield* result` waits for its completion. */
export function createCallback<A = string>(config?: CallbackConfig<A>): Op<[Op<A>, string]>
export function createCallback<A = string>(name: string | undefined, config?: CallbackConfig<A>): Op<[Op<A>, string]>
export function* createCallback<A = string>(a?: string | CallbackConfig<A>, b?: CallbackConfig<A>): Op<[Op<A>, string]> {
  const [name, config] = typeof a === 'object' ? [undefined, a] : [a, b]
  const created = (yield { _tag: 'CreateCallback', ...(name !== undefined ? { name } : {}), options: callbackOptions(config as CallbackConfig<unknown>) }) as CreatedCallback
  function* result(): Op<A> {
    return (yield {
      _tag: 'CallbackResult',
      id: created.id,
      ...(name !== undefined ? { name } : {}),
      ...(config?.serdes !== undefined ? { serdes: config.serdes as Serdes<unknown> } : {}),
    }) as A
  }
  return [result(), created.callbackId]
}

export interface InvokeConfig<I, O> {
  payloadSerdes?: Serdes<I>
  resultSerdes?: Serdes<O>
  tenantId?: string
}

/**
 * Invokes another function (a durable one by a qualified name or ARN) and returns its result. The
 * name is optional and comes first, as in the official SDK, which tells the two forms apart the same
 * way: a string second argument means the first was the name. So `invoke('fn', 'text')` names the
 * operation 'fn' and invokes 'text'; pass a string input as `invoke(undefined, 'fn', 'text')`.
 */
export function invoke<O, I = unknown>(name: string | undefined, functionName: string, input?: I, config?: InvokeConfig<I, O>): Op<O>
export function invoke<O, I = unknown>(functionName: string, input?: I, config?: InvokeConfig<I, O>): Op<O>
export function* invoke<O, I = unknown>(a: string | undefined, b?: unknown, c?: unknown, d?: InvokeConfig<I, O>): Op<O> {
  const nameFirst = typeof b === 'string'
  const name = nameFirst ? a : undefined
  const functionName = nameFirst ? b : a
  const config = (nameFirst ? d : c) as InvokeConfig<I, O> | undefined
  if (typeof functionName !== 'string') {
    const message = 'invoke needs the function name or ARN to call: invoke(functionName, input?) or invoke(name, functionName, input?).'
    yield { _tag: 'Await', promise: Promise.reject(new DurableSdkError('CONFIG_VALIDATION', message)) }
  }
  return (yield {
    _tag: 'Invoke',
    ...(name !== undefined ? { name } : {}),
    functionName: String(functionName),
    input: nameFirst ? c : b,
    ...(config?.tenantId !== undefined ? { tenantId: config.tenantId } : {}),
    ...(config?.payloadSerdes !== undefined ? { payloadSerdes: config.payloadSerdes as Serdes<unknown> } : {}),
    ...(config?.resultSerdes !== undefined ? { resultSerdes: config.resultSerdes as Serdes<unknown> } : {}),
  }) as O
}

export interface WaitForConditionConfig<S> {
  initialState: S
  waitStrategy: (state: S, attemptsMade: number) => { shouldContinue: false } | { shouldContinue: true; delay: DurationLike }
  serdes?: Serdes<S>
}

type CheckFn<S> = (state: S, context: StepContext) => Promise<S> | S

export function waitForCondition<S>(check: CheckFn<S>, config: WaitForConditionConfig<S>): Op<S>
export function waitForCondition<S>(name: string | undefined, check: CheckFn<S>, config: WaitForConditionConfig<S>): Op<S>
export function waitForCondition<S>(a: string | undefined | CheckFn<S>, b: CheckFn<S> | WaitForConditionConfig<S>, c?: WaitForConditionConfig<S>): Op<S> {
  return typeof a === 'function' ? waitForConditionNamed(undefined, a, b as WaitForConditionConfig<S>) : waitForConditionNamed(a, b as CheckFn<S>, c as WaitForConditionConfig<S>)
}

function* waitForConditionNamed<S>(name: string | undefined, check: CheckFn<S>, config: WaitForConditionConfig<S>): Op<S> {
  if (config === undefined || config.waitStrategy === undefined || config.initialState === undefined) {
    throw new Error('waitForCondition requires config with waitStrategy and initialState')
  }
  return (yield {
    _tag: 'WaitForCondition',
    ...(name !== undefined ? { name } : {}),
    check: check as (state: unknown, context: StepContext) => unknown,
    initialState: config.initialState,
    waitStrategy: config.waitStrategy as (state: unknown, attempts: number) => { shouldContinue: false } | { shouldContinue: true; delay: DurationLike },
    ...(config.serdes !== undefined ? { serdes: config.serdes as Serdes<unknown> } : {}),
  }) as S
}
