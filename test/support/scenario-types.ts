/**
 * The vocabulary shared by the driver, the scenarios and whoever diffs two recordings: a handler is
 * anything Lambda could call; a scenario is a handler plus its input and the scripted outside world
 * (callback outcomes in creation order, chained-invoke targets by function name); a recording is what
 * the driver saw, invocation by invocation. Everything in a recording is plain JSON-like data, so two
 * recordings (official SDK vs ours) compare with deep equality after `normalise`.
 */
import type { ErrorObject, InvocationOutput, Operation, OperationUpdate } from '../../core/types.js'

// biome-ignore lint: Lambda handlers are typed by their own packages; the driver only calls them.
export type LambdaHandler = (event: any, context: any) => Promise<unknown>

/** What the outside world does with the n-th callback the execution creates. */
export type CallbackScript =
  | { readonly outcome: 'succeed'; readonly result?: string; readonly afterSeconds?: number }
  | { readonly outcome: 'fail'; readonly error: ErrorObject; readonly afterSeconds?: number }
  /** Nobody answers: the callback reaches its `TimeoutSeconds` (or heartbeat timeout) and is TIMED_OUT. */
  | { readonly outcome: 'timeout' }

export interface Scenario {
  /** Stable kebab-case key: the same name identifies the same workflow written with either SDK. */
  readonly name: string
  readonly handler: LambdaHandler
  readonly input?: unknown
  readonly callbacks?: readonly CallbackScript[]
  readonly invokeTargets?: Readonly<Record<string, LambdaHandler>>
  readonly maxInvocations?: number
  /** The service's clock follows the wall clock during invocations, so timers fall due mid-invocation. */
  readonly liveClock?: boolean
  /** What the execution must end with, and (when deterministic) its JSON-decoded result. */
  readonly expected: { readonly status: 'SUCCEEDED' | 'FAILED'; readonly result?: unknown }
}

export interface InvocationRecord {
  /** `Updates` of every CheckpointDurableExecution call of this invocation, in order (rejected ones too). */
  readonly requests: readonly (readonly OperationUpdate[])[]
  /** What the handler returned, or absent when it threw. */
  readonly output?: InvocationOutput
  readonly thrown?: { readonly name: string; readonly message: string }
  /** Messages of the checkpoint calls the service rejected. */
  readonly rejections: readonly string[]
}

export interface RunStats {
  readonly invocations: number
  readonly checkpointCalls: number
  readonly updates: number
  /** UTF-8 bytes of `JSON.stringify(Updates)` summed over all checkpoint calls. */
  readonly updateBytes: number
  readonly stateCalls: number
}

export interface Recording {
  readonly status: 'SUCCEEDED' | 'FAILED' | 'RUNNING'
  readonly stopReason: 'completed' | 'max-invocations' | 'nothing-due'
  readonly result?: string
  readonly error?: ErrorObject
  readonly invocations: readonly InvocationRecord[]
  /** Every operation the service holds at the end (unpruned), epoch-ms timestamps. */
  readonly operations: readonly Operation[]
  readonly stats: RunStats
  /** Recordings of chained-invoke targets, in the order they ran. */
  readonly children: readonly Recording[]
}
