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

// Start-order positions of each execution's operations, built on first need and kept up to date by
// `putOperation`, so answering with a few touched operations never walks the whole execution.
const positions = new WeakMap<Live['ops'], Map<string, number>>()

/** Records `op` in `live` (a new Id goes last, in start order). The only writer of `live.ops`. */
export function putOperation(live: Live, op: Operation): void {
  const index = positions.get(live.ops)
  if (index && !index.has(op.Id)) index.set(op.Id, index.size)
  live.ops.set(op.Id, op)
}

/** The recorded operations among `ids`, in start order. */
export function operationsInStartOrder(live: Live, ids: Iterable<string>): Operation[] {
  const out: Operation[] = []
  for (const id of ids) {
    const op = live.ops.get(id)
    if (op) out.push(op)
  }
  if (out.length < 2) return out
  let index = positions.get(live.ops)
  if (!index) {
    index = new Map()
    for (const id of live.ops.keys()) index.set(id, index.size)
    positions.set(live.ops, index)
  }
  const at = index
  return out.sort((a, b) => (at.get(a.Id) ?? 0) - (at.get(b.Id) ?? 0))
}

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
