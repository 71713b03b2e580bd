/**
 * What the shell asks the core, one `_tag` per moment in an operation's life: beginning it (the
 * `...Begin` requests, checked for determinism against the record at the same id) and reporting
 * how user code ended (`...Succeeded`, `...Failed`, …). Requests carry only data: user functions,
 * serdes and retry strategies stay in the shell, which passes in what they returned.
 */
import type { CallbackOptions, ErrorObject, OperationId } from './types.js'

export type StepSemantics = 'AT_LEAST_ONCE_PER_RETRY' | 'AT_MOST_ONCE_PER_RETRY'

/** What a retry strategy or wait strategy answered, evaluated by the shell. */
export type RetryVerdict =
  | { readonly shouldRetry: false }
  | { readonly shouldRetry: true; readonly delaySeconds: number }

interface Base {
  readonly id: OperationId
  readonly name?: string
  /** Set when the shell asks again after its own START was acknowledged or the record changed. */
  readonly recheck?: boolean
}

export type Request =
  | (Base & { readonly _tag: 'StepBegin'; readonly semantics: StepSemantics; readonly subType?: 'Step' })
  | (Base & { readonly _tag: 'StepSucceeded'; readonly payload?: string })
  | (Base & { readonly _tag: 'StepFailed'; readonly error: ErrorObject; readonly verdict: RetryVerdict })
  | (Base & { readonly _tag: 'WaitBegin'; readonly seconds: number })
  | (Base & { readonly _tag: 'CallbackBegin'; readonly options: CallbackOptions })
  | (Base & { readonly _tag: 'CallbackAwait' })
  | (Base & {
      readonly _tag: 'InvokeBegin'
      readonly functionName: string
      readonly payload?: string
      readonly tenantId?: string
    })
  | (Base & { readonly _tag: 'ConditionBegin' })
  | (Base & { readonly _tag: 'ConditionChecked'; readonly payload?: string; readonly verdict: ConditionVerdict })
  | (Base & { readonly _tag: 'ConditionFailed'; readonly error: ErrorObject })
  | (Base & { readonly _tag: 'ChildBegin'; readonly subType: string; readonly virtual: boolean; readonly mapping?: ErrorMapping })
  | (Base & {
      readonly _tag: 'ChildSucceeded'
      readonly subType: string
      readonly virtual: boolean
      readonly payload?: string
      /** The summary to record instead of an oversized payload (PROTOCOL.md §5.7). */
      readonly summary?: string
      /** Keep this context's children (ReplayChildren) with the full payload: within `childOperationsDepth`. */
      readonly preserveChildren?: boolean
    })
  | (Base & {
      readonly _tag: 'ChildFailed'
      readonly subType: string
      readonly virtual: boolean
      readonly error: ErrorObject
      readonly mapping?: ErrorMapping
      /** Keep this context's children (ReplayChildren): within `childOperationsDepth`. */
      readonly preserveChildren?: boolean
    })

/** How a failed child context surfaces (PROTOCOL.md §5.4, §5.7, §5.9); `child` when absent. */
export type ErrorMapping = 'child' | 'callback' | 'combinator'

export type ConditionVerdict =
  | { readonly shouldContinue: false }
  | { readonly shouldContinue: true; readonly delaySeconds: number }

export type RequestTag = Request['_tag']
export type RequestOf<T extends RequestTag> = Extract<Request, { _tag: T }>
