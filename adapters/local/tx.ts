/**
 * A unit of change across one or more executions: records, operations, history events, callbacks,
 * and what to do once it is durable (wake an execution, tell a running invocation about an external
 * change, settle waiters, arm timers). `commit` writes the store first and touches memory only if
 * that succeeded, so memory never runs ahead of disk.
 */
import type { Operation } from '../../core/types.js'
import * as History from './history.js'
import type { CallbackRecord, EventDraft, ExecutionChange, ExecutionRecord } from './model.js'
import { type Live, putOperation } from './live.js'

interface Part {
  readonly live: Live
  record: ExecutionRecord
  readonly ops: Map<string, Operation>
  readonly drafts: EventDraft[]
  readonly callbacks: CallbackRecord[]
  readonly removed: string[]
}

export interface TxEffects {
  readonly commitStore: (changes: readonly ExecutionChange[]) => void
  readonly afterCommit: (tx: Tx) => void
}

export class Tx {
  readonly parts = new Map<string, Part>()
  readonly wakes = new Set<string>()
  readonly external: Array<{ readonly live: Live; readonly operationId: string }> = []
  readonly newLives: Live[] = []

  private part(live: Live): Part {
    let p = this.parts.get(live.record.arn)
    if (!p) {
      p = { live, record: live.record, ops: new Map(), drafts: [], callbacks: [], removed: [] }
      this.parts.set(live.record.arn, p)
    }
    return p
  }

  record(live: Live): ExecutionRecord {
    return this.part(live).record
  }
  setRecord(live: Live, patch: Partial<ExecutionRecord>): void {
    const p = this.part(live)
    p.record = { ...p.record, ...patch }
  }
  op(live: Live, id: string): Operation | undefined {
    return this.part(live).ops.get(id) ?? live.ops.get(id)
  }
  putOp(live: Live, op: Operation): void {
    this.part(live).ops.set(op.Id, op)
  }
  event(live: Live, draft: EventDraft): void {
    this.part(live).drafts.push(draft)
  }
  putCallback(live: Live, cb: CallbackRecord): void {
    this.part(live).callbacks.push(cb)
  }
  removeCallback(live: Live, id: string): void {
    this.part(live).removed.push(id)
  }
  /** Marks the execution as needing an invocation (persisted) and schedules one after commit. */
  wake(live: Live): void {
    if (!this.part(live).record.needsInvoke) this.setRecord(live, { needsInvoke: true })
    this.wakes.add(live.record.arn)
  }
  /** An operation changed outside any invocation of `live` (timer, callback, child execution). */
  changed(live: Live, operationId: string): void {
    this.external.push({ live, operationId })
    if (!live.invocation) this.wake(live)
  }
  /** A new execution created in this transaction. */
  create(live: Live): void {
    this.newLives.push(live)
    this.part(live)
  }

  commit(effects: TxEffects): void {
    const changes: ExecutionChange[] = []
    const numbered = new Map<string, ReturnType<typeof History.number>>()
    for (const [arn, p] of this.parts) {
      const events = History.number(p.drafts, p.live.events.length)
      numbered.set(arn, events)
      changes.push({
        record: p.record,
        ...(p.record === p.live.record && !this.newLives.includes(p.live) ? { recordUnchanged: true as const } : {}),
        operations: [...p.ops.values()],
        events,
        ...(p.callbacks.length ? { callbacks: p.callbacks } : {}),
        ...(p.removed.length ? { removedCallbacks: p.removed } : {}),
      })
    }
    effects.commitStore(changes)
    for (const [arn, p] of this.parts) {
      p.live.record = p.record
      for (const op of p.ops.values()) putOperation(p.live, op)
      p.live.events.push(...(numbered.get(arn) ?? []))
    }
    effects.afterCommit(this)
  }
}
