/**
 * In-memory store with the same semantics as the SQLite one: values are deep-copied in and out so
 * the engine can never alias stored state, and a commit applies fully or (on a thrown copy) not at
 * all. Sharing one instance between two engines models a restart in tests.
 */
import type { Operation } from '../../core/types.js'
import type { CallbackRecord, ExecutionChange, HistoryEvent, StoredExecution } from './model.js'
import type { Store } from './store.js'

interface Entry {
  record: StoredExecution['record']
  operations: Map<string, Operation>
  events: HistoryEvent[]
  callbacks: Map<string, CallbackRecord>
}

export function createMemoryStore(): Store {
  const entries = new Map<string, Entry>()
  return {
    loadAll: () =>
      [...entries.values()].map((e) =>
        structuredClone({
          record: e.record,
          operations: [...e.operations.values()],
          events: e.events,
          callbacks: [...e.callbacks.values()],
        }),
      ),
    commit(changes: readonly ExecutionChange[]) {
      const copy = structuredClone(changes) // throws before anything is applied
      for (const c of copy) {
        const e: Entry = entries.get(c.record.arn) ?? { record: c.record, operations: new Map(), events: [], callbacks: new Map() }
        e.record = c.record
        for (const op of c.operations) e.operations.set(op.Id, op)
        e.events.push(...c.events)
        for (const cb of c.callbacks ?? []) e.callbacks.set(cb.callbackId, cb)
        for (const id of c.removedCallbacks ?? []) e.callbacks.delete(id)
        entries.set(c.record.arn, e)
      }
    },
    close() {},
  }
}
