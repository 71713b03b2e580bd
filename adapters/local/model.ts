/**
 * The engine's persistent data, as plain JSON-able values: one `ExecutionRecord` per execution, its
 * operations (core `Operation`, ms timestamps), its history events (ms timestamps, rendered to the
 * GetDurableExecutionHistory shape only at the edge) and its open callbacks. Everything a restarted
 * engine needs to resume lives here: due times are read back from operations and callbacks.
 */
import type { ErrorObject, Operation } from '../../core/types.js'

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'STOPPED'

export interface ParentLink {
  readonly arn: string
  readonly operationId: string
}

export interface ExecutionRecord {
  readonly arn: string
  readonly executionId: string
  readonly name: string
  readonly functionName: string
  readonly functionArn: string
  readonly version: string
  /** Creation order across the engine, for listing. */
  readonly seq: number
  readonly status: ExecutionStatus
  readonly executionOperationId: string
  readonly input?: string
  readonly result?: string
  readonly error?: ErrorObject
  readonly startTimestamp: number
  readonly endTimestamp?: number
  /** Set for executions started by a parent's CHAINED_INVOKE. */
  readonly parent?: ParentLink
  /** Consecutive invocations that threw or answered badly. */
  readonly failedInvocations: number
  /** True from the moment something is ready until an invocation answers PENDING with nothing ready. */
  readonly needsInvoke: boolean
  /** An acknowledged EXECUTION update, turned into the terminal event when its invocation ends. */
  readonly pendingFinish?: ExecutionOutcome
}

export type ExecutionOutcome =
  | { readonly status: 'SUCCEEDED'; readonly result?: string }
  | { readonly status: 'FAILED' | 'TIMED_OUT' | 'STOPPED'; readonly error?: ErrorObject }

export interface CallbackRecord {
  readonly callbackId: string
  readonly arn: string
  readonly operationId: string
  readonly timeoutAt?: number
  readonly heartbeatSeconds?: number
  readonly heartbeatDeadline?: number
}

export type HistoryEventType =
  | 'ExecutionStarted' | 'ExecutionSucceeded' | 'ExecutionFailed' | 'ExecutionTimedOut' | 'ExecutionStopped'
  | 'ContextStarted' | 'ContextSucceeded' | 'ContextFailed'
  | 'StepStarted' | 'StepSucceeded' | 'StepFailed'
  | 'WaitStarted' | 'WaitSucceeded' | 'WaitCancelled'
  | 'CallbackStarted' | 'CallbackSucceeded' | 'CallbackFailed' | 'CallbackTimedOut'
  | 'ChainedInvokeStarted' | 'ChainedInvokeSucceeded' | 'ChainedInvokeFailed' | 'ChainedInvokeTimedOut'
  | 'ChainedInvokeStopped'
  | 'InvocationCompleted'

/** A history event before it gets its EventId; `Details` becomes `<EventType>Details` on the wire. */
export interface EventDraft {
  readonly EventType: HistoryEventType
  readonly EventTimestamp: number
  readonly Id?: string
  readonly ParentId?: string
  readonly SubType?: string
  readonly Name?: string
  readonly Details: Readonly<Record<string, unknown>>
}

export interface HistoryEvent extends EventDraft {
  readonly EventId: number
}

/** One execution's slice of an atomic store write. */
export interface ExecutionChange {
  readonly record: ExecutionRecord
  /** Set when `record` is exactly what the last commit naming this execution wrote: a store may skip it. */
  readonly recordUnchanged?: true
  /** Upserts by Id; a new Id is appended after the existing ones (start order). */
  readonly operations: readonly Operation[]
  /** Appended; EventIds continue the execution's sequence. */
  readonly events: readonly HistoryEvent[]
  readonly callbacks?: readonly CallbackRecord[]
  readonly removedCallbacks?: readonly string[]
}

export interface StoredExecution {
  readonly record: ExecutionRecord
  readonly operations: readonly Operation[]
  readonly events: readonly HistoryEvent[]
  readonly callbacks: readonly CallbackRecord[]
}
