/**
 * The data the core decides over: recorded operations (as the service returns them), the updates it
 * asks to checkpoint (exactly the wire `OperationUpdate` shape, ids already hashed), and the plain
 * readonly values that flow between them. No functions, promises, classes or Maps live in here, so
 * every value can be compared with deep equality, logged, and encoded by the wire codecs unchanged.
 * Timestamps are epoch milliseconds: the adapters normalise ISO strings, epoch seconds and Dates.
 */

export type OperationType = 'EXECUTION' | 'CONTEXT' | 'STEP' | 'WAIT' | 'CALLBACK' | 'CHAINED_INVOKE'
export type OperationAction = 'START' | 'SUCCEED' | 'FAIL' | 'RETRY' | 'CANCEL'
export type OperationStatus =
  | 'STARTED'
  | 'PENDING'
  | 'READY'
  | 'SUCCEEDED'
  | 'FAILED'
  | 'CANCELLED'
  | 'TIMED_OUT'
  | 'STOPPED'

export const TERMINAL_STATUSES: ReadonlySet<OperationStatus> = new Set([
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
  'TIMED_OUT',
  'STOPPED',
])

export interface ErrorObject {
  readonly ErrorType?: string
  readonly ErrorMessage?: string
  readonly ErrorData?: string
  readonly StackTrace?: readonly string[]
}

export interface ExecutionDetails {
  readonly InputPayload?: string
}
export interface ContextDetails {
  readonly ReplayChildren?: boolean
  readonly Result?: string
  readonly Error?: ErrorObject
}
export interface StepDetails {
  readonly Attempt?: number
  readonly NextAttemptTimestamp?: number
  readonly Result?: string
  readonly Error?: ErrorObject
}
export interface WaitDetails {
  readonly ScheduledEndTimestamp?: number
}
export interface CallbackDetails {
  readonly CallbackId?: string
  readonly Result?: string
  readonly Error?: ErrorObject
}
export interface ChainedInvokeDetails {
  readonly Result?: string
  readonly Error?: ErrorObject
}

/** One recorded operation, as `GetDurableExecutionState` / the invocation event carry it. */
export interface Operation {
  readonly Id: string
  readonly ParentId?: string
  readonly Name?: string
  readonly Type: OperationType
  readonly SubType?: string
  readonly Status: OperationStatus
  readonly StartTimestamp?: number
  readonly EndTimestamp?: number
  readonly ExecutionDetails?: ExecutionDetails
  readonly ContextDetails?: ContextDetails
  readonly StepDetails?: StepDetails
  readonly WaitDetails?: WaitDetails
  readonly CallbackDetails?: CallbackDetails
  readonly ChainedInvokeDetails?: ChainedInvokeDetails
}

export interface ContextOptions {
  readonly ReplayChildren?: boolean
}
export interface StepOptions {
  readonly NextAttemptDelaySeconds?: number
}
export interface WaitOptions {
  readonly WaitSeconds?: number
}
export interface CallbackOptions {
  readonly TimeoutSeconds?: number
  readonly HeartbeatTimeoutSeconds?: number
}
export interface ChainedInvokeOptions {
  readonly FunctionName: string
  readonly TenantId?: string
}

/** One element of `CheckpointDurableExecution.Updates`: Id and ParentId are wire ids (PROTOCOL.md §4.2). */
export interface OperationUpdate {
  readonly Id: string
  readonly ParentId?: string
  readonly Name?: string
  readonly Type: OperationType
  readonly SubType?: string
  readonly Action: OperationAction
  readonly Payload?: string
  readonly Error?: ErrorObject
  readonly ContextOptions?: ContextOptions
  readonly StepOptions?: StepOptions
  readonly WaitOptions?: WaitOptions
  readonly CallbackOptions?: CallbackOptions
  readonly ChainedInvokeOptions?: ChainedInvokeOptions
}

/**
 * Where an operation sits: its raw hierarchical id (`1-2-3`), its wire id, and the wire id of its
 * nearest non-virtual enclosing context (absent at the root). Built only by `core/ids`.
 */
export interface OperationId {
  readonly raw: string
  readonly wire: string
  readonly parentWire?: string
}

/** A duration as users write it; converted to whole seconds by `core/duration`. */
export interface Duration {
  readonly days?: number
  readonly hours?: number
  readonly minutes?: number
  readonly seconds?: number
}

/** Invocation outcome returned to Lambda (PROTOCOL.md §2.2). */
export type InvocationStatus = 'SUCCEEDED' | 'FAILED' | 'PENDING'
export interface InvocationOutput {
  readonly Status: InvocationStatus
  readonly Result?: string
  readonly Error?: ErrorObject
}
