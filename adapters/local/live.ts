/**
 * An execution as the running engine holds it: the persisted record, operations in start order,
 * history, and the invocation in flight (its token chain and the external changes it has not been
 * told about yet). Only memory: everything durable is rebuilt from the store on restart.
 */
import type { Operation } from '../../core/types.js'
import type { CheckpointResponse } from '../wire/codecs.js'
import type { ExecutionRecord, HistoryEvent } from './model.js'

export interface Invocation {
  readonly requestId: string
  readonly startedAt: number
  /** Every token issued to this invocation: GetDurableExecutionState accepts any of them. */
  readonly tokens: Set<string>
  /** The only token CheckpointDurableExecution accepts next. */
  current: string
  /** External changes not yet returned in a checkpoint response. */
  readonly changed: Set<string>
  /** Idempotency: the last request's ClientToken and token, and the answer given. */
  last?: { readonly clientToken: string; readonly token: string; readonly response: unknown }
}

export interface Live {
  record: ExecutionRecord
  readonly ops: Map<string, Operation>
  readonly events: HistoryEvent[]
  invocation?: Invocation
  /** Operations changed since the last invocation began (UpdatedOperationIds). */
  readonly updatedIds: Set<string>
}

export type { CheckpointResponse }

/** True when something outside the handler will eventually make progress possible. */
export function hasPending(live: Live): boolean {
  if (live.invocation && live.invocation.changed.size > 0) return true
  for (const op of live.ops.values()) {
    if (op.Status === 'STARTED' && (op.Type === 'WAIT' || op.Type === 'CALLBACK' || op.Type === 'CHAINED_INVOKE')) return true
    if (op.Type === 'STEP' && (op.Status === 'PENDING' || op.Status === 'READY')) return true
  }
  return false
}

/** True when the handler can make progress right now. */
export function hasReady(live: Live): boolean {
  if (live.invocation && live.invocation.changed.size > 0) return true
  for (const op of live.ops.values()) if (op.Type === 'STEP' && op.Status === 'READY') return true
  return false
}
