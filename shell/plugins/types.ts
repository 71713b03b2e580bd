/**
 * The instrumentation plugin contract, API version 1, with the hook names, info fields and status
 * tokens of the official SDK 2.4, so that a plugin object written for it works unchanged with
 * `durable({ plugins })`. Two fields go beyond the official info types, both read by the conformance
 * plugin requirements: `isFirstInvocation` on invocation-end info, and `isReplayingChildren` on the
 * info a context's wrap hook receives. Every hook is optional; lifecycle hooks are awaited.
 */

export const DURABLE_INSTRUMENTATION_PLUGIN_API_VERSION = 1

export const PluginInvocationStatus = {
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  PENDING: 'PENDING',
  RETRYING: 'RETRYING',
} as const
export type PluginInvocationStatus = (typeof PluginInvocationStatus)[keyof typeof PluginInvocationStatus]

export const PluginOperationStatus = {
  STARTED: 'STARTED',
  READY: 'READY',
  PENDING: 'PENDING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  TIMED_OUT: 'TIMED_OUT',
  STOPPED: 'STOPPED',
  CANCELLED: 'CANCELLED',
} as const
export type PluginOperationStatus = (typeof PluginOperationStatus)[keyof typeof PluginOperationStatus]

export const AttemptEndInfoOutcome = { SUCCEEDED: 'SUCCEEDED', FAILED: 'FAILED' } as const
export type AttemptEndInfoOutcome = (typeof AttemptEndInfoOutcome)[keyof typeof AttemptEndInfoOutcome]

export interface OperationInfo {
  id: string
  name?: string
  type: string
  subType?: string
  parentId?: string
  status?: PluginOperationStatus
  startTimestamp?: Date
  endTimestamp?: Date
  /** The checkpointed serialized result. */
  result?: string
  /** The checkpointed error, rebuilt as an Error. */
  error?: Error
  /** 1-based attempt number of a step, from the record. */
  attempt?: number
  isReplay: boolean
}

export type OperationEndInfo = OperationInfo

export interface AttemptInfo extends OperationInfo {
  attempt: number
}

export interface AttemptEndInfo extends AttemptInfo {
  outcome: AttemptEndInfoOutcome
  error?: Error
}

/** What a context's wrap hook receives: `isReplayingChildren` is true when the context's recorded children replay. */
export interface ChildContextInfo extends OperationInfo {
  isReplayingChildren: boolean
}

export interface InvocationBaseInfo {
  requestId: string
  executionArn: string
  executionInput: unknown
  operations: Record<string, OperationInfo>
  executionStartTimestamp?: Date
}

export interface InvocationInfo extends InvocationBaseInfo {
  isFirstInvocation: boolean
  /** The operations the service changed since the previous invocation (UpdatedOperationIds). */
  updatedOperations: Record<string, OperationInfo>
}

export interface InvocationEndInfo extends InvocationBaseInfo {
  status: PluginInvocationStatus
  executionResult?: unknown
  executionError?: Error
  isFirstInvocation: boolean
}

export interface OperationChangeInfo {
  executionArn: string
  updatedOperations: Record<string, OperationInfo>
  operations: Record<string, OperationInfo>
}

/** What every invocation answers Lambda with, as `wrapInvocation` sees it. */
export interface InvocationOutputLike {
  Status: 'SUCCEEDED' | 'FAILED' | 'PENDING'
  Result?: string
  Error?: { ErrorType?: string; ErrorMessage?: string; ErrorData?: string; StackTrace?: readonly string[] }
}

export type CustomerFnResult = unknown
export type CustomerFn = () => CustomerFnResult

export interface DurableInstrumentationPlugin {
  onInvocationStart?(info: InvocationInfo): Promise<void> | void
  wrapInvocation?(info: InvocationInfo, fn: () => Promise<InvocationOutputLike>): Promise<InvocationOutputLike>
  onInvocationEnd?(info: InvocationEndInfo): Promise<void> | void
  onOperationStart?(info: OperationInfo): Promise<void> | void
  wrapChildContextFn?(info: ChildContextInfo, fn: CustomerFn): CustomerFnResult
  onOperationEnd?(info: OperationEndInfo): Promise<void> | void
  onOperationAttemptStart?(info: AttemptInfo): Promise<void> | void
  wrapOperationAttemptFn?(info: AttemptInfo, fn: CustomerFn): CustomerFnResult
  onOperationAttemptEnd?(info: AttemptEndInfo): Promise<void> | void
  onOperationChange?(info: OperationChangeInfo): Promise<void> | void
  enrichLogContext?(): Record<string, string | number | boolean> | undefined
}

export type LifecycleHook =
  | 'onInvocationStart'
  | 'onInvocationEnd'
  | 'onOperationStart'
  | 'onOperationEnd'
  | 'onOperationAttemptStart'
  | 'onOperationAttemptEnd'
  | 'onOperationChange'

export type WrapHook = 'wrapInvocation' | 'wrapChildContextFn' | 'wrapOperationAttemptFn'
