/**
 * The effects an operation yields to the interpreter, and the `Op<A>` type every durable operation
 * returns. Workflows use `yield*` on an Op: the Op yields one or more effects, the interpreter
 * resumes it with their results, and the Op returns a typed value. (A step first asks the runtime
 * in place and yields only when the answer is not ready: see runtime.ts `answerInline`.) Effects
 * carry user functions (step bodies, strategies, serdes); those never reach the core, which sees
 * only data.
 */
import type { CallbackOptions, OperationId } from '../core/types.js'
import type { StepSemantics } from '../core/request.js'
import type { CompletionPolicy, BatchKind, CustomVerdict } from '../core/operations/batch.js'
import type { ErrorMapping } from '../core/request.js'
import type { Serdes } from './serdes.js'
import type { Logger } from './logger.js'

export type Op<A> = Generator<Effect, A, unknown>

export interface StepContext {
  readonly logger: Logger
  readonly attempt: number
}

export type RetryDecision = { readonly shouldRetry: false } | { readonly shouldRetry: true; readonly delay?: DurationLike }
export type RetryStrategy = (error: Error, attemptsMade: number) => RetryDecision
export type DurationLike = { days?: number; hours?: number; minutes?: number; seconds?: number }

export interface StepEffect {
  readonly _tag: 'Step'
  readonly name?: string
  /** The name plugins see when it differs from the checkpointed one (waitForCallback's submitter). */
  readonly pluginName?: string
  readonly fn: (context: StepContext) => unknown
  readonly semantics: StepSemantics
  readonly retryStrategy?: RetryStrategy
  readonly serdes?: Serdes<unknown>
}

export interface WaitEffect {
  readonly _tag: 'Wait'
  readonly name?: string
  readonly seconds: number
}

export interface CreateCallbackEffect {
  readonly _tag: 'CreateCallback'
  readonly name?: string
  /** The name plugins see when it differs from the checkpointed one (waitForCallback's callback). */
  readonly pluginName?: string
  readonly options: CallbackOptions
}

export interface CallbackResultEffect {
  readonly _tag: 'CallbackResult'
  readonly id: OperationId
  readonly name?: string
  readonly serdes?: Serdes<unknown>
}

export interface InvokeEffect {
  readonly _tag: 'Invoke'
  readonly name?: string
  readonly functionName: string
  readonly input: unknown
  readonly tenantId?: string
  readonly payloadSerdes?: Serdes<unknown>
  readonly resultSerdes?: Serdes<unknown>
}

export type ConditionDecision = { readonly shouldContinue: false } | { readonly shouldContinue: true; readonly delay: DurationLike }

export interface ConditionEffect {
  readonly _tag: 'WaitForCondition'
  readonly name?: string
  readonly check: (state: unknown, context: StepContext) => unknown
  readonly initialState: unknown
  readonly waitStrategy: (state: unknown, attemptsMade: number) => ConditionDecision
  readonly serdes?: Serdes<unknown>
}

export interface ChildOptionsData {
  readonly subType: string
  readonly virtual: boolean
  readonly mapping?: ErrorMapping
  readonly serdes?: Serdes<unknown>
  readonly summaryGenerator?: (result: unknown) => string
  readonly errorMapper?: (error: Error) => Error
}

export interface ChildBeginEffect {
  readonly _tag: 'ChildBegin'
  readonly name?: string
  readonly options: ChildOptionsData
}

/**
 * What entering a context answers: a replayed value, or go on into the body; `run` is set when
 * plugins wrap context bodies: the body must then run through it (as its own fiber).
 */
export type ChildEntry =
  | { readonly replayed: true; readonly value: unknown }
  | { readonly replayed: false; readonly run?: (body: () => Op<unknown>) => Promise<unknown> }

export interface ChildEndEffect {
  readonly _tag: 'ChildEnd'
  readonly outcome: { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown }
}

export interface BatchEffect {
  readonly _tag: 'Batch'
  readonly kind: BatchKind
  readonly count: number
  readonly item: (index: number) => Op<unknown>
  readonly maxConcurrency?: number
  readonly policy?: CompletionPolicy
  readonly shouldComplete?: (status: BatchStatusView) => CustomVerdict
  readonly itemNames: readonly (string | undefined)[]
}

export interface BatchStatusView {
  readonly successCount: number
  readonly failureCount: number
  readonly completedCount: number
  readonly totalCount: number
  readonly items: readonly { readonly index: number; readonly name?: string; readonly status?: string }[]
}

export interface ForkEffect {
  readonly _tag: 'Fork'
  readonly ops: readonly Op<unknown>[]
}

/** A running fork: settles when its fiber returns or throws. */
export interface ForkHandle {
  readonly settled: Promise<{ readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown }>
}

export type CombinatorKind = 'all' | 'allSettled' | 'any' | 'race'

export interface JoinEffect {
  readonly _tag: 'Join'
  readonly kind: CombinatorKind
  readonly handles: readonly ForkHandle[]
}

/** Awaits a plain promise (e.g. an async deserializer) without creating a durable operation. */
export interface AwaitEffect {
  readonly _tag: 'Await'
  readonly promise: Promise<unknown>
}

/** An effect the runtime already handled inline (runtime.ts `answerInline`): its answer, as a handler's. */
export interface AnsweredEffect {
  readonly _tag: 'Answered'
  readonly answer: unknown
}

export type Effect =
  | StepEffect
  | WaitEffect
  | CreateCallbackEffect
  | CallbackResultEffect
  | InvokeEffect
  | ConditionEffect
  | ChildBeginEffect
  | ChildEndEffect
  | BatchEffect
  | ForkEffect
  | JoinEffect
  | AwaitEffect
  | AnsweredEffect

export type EffectTag = Effect['_tag']
