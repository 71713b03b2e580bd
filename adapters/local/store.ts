/**
 * The store interface the engine persists through. `commit` is atomic across every execution it
 * names (a checkpoint that also creates a chained child writes both or neither); once it returns,
 * the data survives a crash. `loadAll` gives a restarted engine everything it needs to resume.
 */
import type { ExecutionChange, StoredExecution } from './model.js'

export interface Store {
  loadAll(): StoredExecution[]
  commit(changes: readonly ExecutionChange[]): void
  close(): void
}
