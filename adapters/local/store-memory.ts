/**
 * In-memory store with the same semantics as the SQLite one: every value is kept as the JSON text
 * the SQLite store would write (serialised on commit, parsed on load), so the engine can never alias
 * stored state, a commit applies fully or (when a value cannot be serialised) not at all, and a
 * commit costs one JSON.stringify per value. Sharing one instance between two engines models a
 * restart in tests.
 */
import type { Operation } from '../../core/types.js'
import type { CallbackRecord, ExecutionChange, ExecutionRecord, HistoryEvent } from './model.js'
import type { Store } from './store.js'

interface Entry {
  record: string
  readonly operations: Map<string, string>
  readonly events: string[]
  readonly callbacks: Map<string, string>
}

interface Serialised {
  readonly arn: string
  /** Absent when the record is unchanged since the last commit. */
  readonly record: string | undefined
  readonly operations: ReadonlyArray<readonly [string, string]>
  readonly events: readonly string[]
  readonly callbacks: ReadonlyArray<readonly [string, string]>
  readonly removed: readonly string[]
}

// Rows are only ever written here from typed values, so parsing them back is trusted.
const parse = <T>(text: string): T => JSON.parse(text) as T

function serialise(c: ExecutionChange, stored: boolean): Serialised {
  return {
    arn: c.record.arn,
    record: c.recordUnchanged && stored ? undefined : JSON.stringify(c.record),
    operations: c.operations.map((op) => [op.Id, JSON.stringify(op)] as const),
    events: c.events.map((e) => JSON.stringify(e)),
    callbacks: (c.callbacks ?? []).map((cb) => [cb.callbackId, JSON.stringify(cb)] as const),
    removed: c.removedCallbacks ?? [],
  }
}

export function createMemoryStore(): Store {
  const entries = new Map<string, Entry>()
  return {
    loadAll: () =>
      [...entries.values()].map((e) => ({
        record: parse<ExecutionRecord>(e.record),
        operations: [...e.operations.values()].map((o) => parse<Operation>(o)),
        events: e.events.map((ev) => parse<HistoryEvent>(ev)),
        callbacks: [...e.callbacks.values()].map((cb) => parse<CallbackRecord>(cb)),
      })),
    commit(changes: readonly ExecutionChange[]) {
      const all = changes.map((c) => serialise(c, entries.has(c.record.arn))) // throws before anything is applied
      for (const c of all) {
        let e = entries.get(c.arn)
        if (!e) entries.set(c.arn, (e = { record: '', operations: new Map(), events: [], callbacks: new Map() }))
        if (c.record !== undefined) e.record = c.record
        for (const [id, op] of c.operations) e.operations.set(id, op)
        for (const ev of c.events) e.events.push(ev)
        for (const [id, cb] of c.callbacks) e.callbacks.set(id, cb)
        for (const id of c.removed) e.callbacks.delete(id)
      }
    },
    close() {},
  }
}
