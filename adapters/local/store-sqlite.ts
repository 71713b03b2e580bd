/**
 * SQLite store (better-sqlite3, WAL) under a data directory. Each commit is one transaction, so a
 * checkpoint batch is all or nothing and an acknowledged batch survives a crash. Rows hold JSON;
 * `seq` columns keep operations in start order and events in EventId order.
 */
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Operation } from '../../core/types.js'
import type { CallbackRecord, ExecutionChange, ExecutionRecord, HistoryEvent, StoredExecution } from './model.js'
import type { Store } from './store.js'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS executions (arn TEXT PRIMARY KEY, seq INTEGER NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS operations (arn TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, json TEXT NOT NULL,
  PRIMARY KEY (arn, id));
CREATE TABLE IF NOT EXISTS events (arn TEXT NOT NULL, event_id INTEGER NOT NULL, json TEXT NOT NULL,
  PRIMARY KEY (arn, event_id));
CREATE TABLE IF NOT EXISTS callbacks (callback_id TEXT PRIMARY KEY, arn TEXT NOT NULL, json TEXT NOT NULL);
`

export function createSqliteStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(join(dataDir, 'durable-yield.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec(SCHEMA)
  const putExecution = db.prepare(
    'INSERT INTO executions (arn, seq, json) VALUES (?, ?, ?) ON CONFLICT (arn) DO UPDATE SET json = excluded.json',
  )
  // One statement per operation: a new Id takes the next seq, an existing one keeps its seq.
  const upsertOp = db.prepare(
    'INSERT INTO operations (arn, id, seq, json) VALUES (?, ?, ?, ?) ON CONFLICT (arn, id) DO UPDATE SET json = excluded.json',
  )
  const insertEvent = db.prepare('INSERT INTO events (arn, event_id, json) VALUES (?, ?, ?)')
  const putCallback = db.prepare('INSERT OR REPLACE INTO callbacks (callback_id, arn, json) VALUES (?, ?, ?)')
  const deleteCallback = db.prepare('DELETE FROM callbacks WHERE callback_id = ?')
  // seq only orders operations within an execution, so one counter for the whole file will do (gaps
  // are harmless); it starts above every seq already stored, including per-execution ones.
  let opSeq = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM operations').get() as { n: number }).n

  const commit = db.transaction((changes: readonly ExecutionChange[]) => {
    for (const c of changes) {
      const arn = c.record.arn
      if (!c.recordUnchanged) putExecution.run(arn, c.record.seq, JSON.stringify(c.record))
      for (const op of c.operations) upsertOp.run(arn, op.Id, ++opSeq, JSON.stringify(op))
      for (const e of c.events) insertEvent.run(arn, e.EventId, JSON.stringify(e))
      for (const cb of c.callbacks ?? []) putCallback.run(cb.callbackId, arn, JSON.stringify(cb))
      for (const id of c.removedCallbacks ?? []) deleteCallback.run(id)
    }
  })

  // Rows are only ever written by this module from typed values, so parsing them back is trusted.
  // One pass per table, grouped by execution: a restart costs O(rows), not a query per execution.
  const grouped = <T>(sql: string): Map<string, T[]> => {
    const out = new Map<string, T[]>()
    for (const row of db.prepare(sql).iterate() as Iterable<{ arn: string; json: string }>) {
      const list = out.get(row.arn) ?? []
      if (list.length === 0) out.set(row.arn, list)
      list.push(JSON.parse(row.json) as T)
    }
    return out
  }

  return {
    loadAll(): StoredExecution[] {
      const execs = db.prepare('SELECT json FROM executions ORDER BY seq').all() as { json: string }[]
      const operations = grouped<Operation>('SELECT arn, json FROM operations ORDER BY seq')
      const events = grouped<HistoryEvent>('SELECT arn, json FROM events ORDER BY arn, event_id')
      const callbacks = grouped<CallbackRecord>('SELECT arn, json FROM callbacks')
      return execs.map((row) => {
        const record = JSON.parse(row.json) as ExecutionRecord
        return {
          record,
          operations: operations.get(record.arn) ?? [],
          events: events.get(record.arn) ?? [],
          callbacks: callbacks.get(record.arn) ?? [],
        }
      })
    },
    commit: (changes) => commit(changes),
    close: () => db.close(),
  }
}
