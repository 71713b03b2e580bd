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
  const putExecution = db.prepare('INSERT OR REPLACE INTO executions (arn, seq, json) VALUES (?, ?, ?)')
  const nextOpSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM operations WHERE arn = ?')
  const updateOp = db.prepare('UPDATE operations SET json = ? WHERE arn = ? AND id = ?')
  const insertOp = db.prepare('INSERT INTO operations (arn, id, seq, json) VALUES (?, ?, ?, ?)')
  const insertEvent = db.prepare('INSERT INTO events (arn, event_id, json) VALUES (?, ?, ?)')
  const putCallback = db.prepare('INSERT OR REPLACE INTO callbacks (callback_id, arn, json) VALUES (?, ?, ?)')
  const deleteCallback = db.prepare('DELETE FROM callbacks WHERE callback_id = ?')

  const commit = db.transaction((changes: readonly ExecutionChange[]) => {
    for (const c of changes) {
      const arn = c.record.arn
      putExecution.run(arn, c.record.seq, JSON.stringify(c.record))
      for (const op of c.operations) {
        if (updateOp.run(JSON.stringify(op), arn, op.Id).changes === 0) {
          const { n } = nextOpSeq.get(arn) as { n: number }
          insertOp.run(arn, op.Id, n, JSON.stringify(op))
        }
      }
      for (const e of c.events) insertEvent.run(arn, e.EventId, JSON.stringify(e))
      for (const cb of c.callbacks ?? []) putCallback.run(cb.callbackId, arn, JSON.stringify(cb))
      for (const id of c.removedCallbacks ?? []) deleteCallback.run(id)
    }
  })

  // Rows are only ever written by this module from typed values, so parsing them back is trusted.
  const rows = <T>(sql: string, arn: string): T[] =>
    (db.prepare(sql).all(arn) as { json: string }[]).map((r) => JSON.parse(r.json) as T)

  return {
    loadAll(): StoredExecution[] {
      const execs = db.prepare('SELECT json FROM executions ORDER BY seq').all() as { json: string }[]
      return execs.map((row) => {
        const record = JSON.parse(row.json) as ExecutionRecord
        return {
          record,
          operations: rows<Operation>('SELECT json FROM operations WHERE arn = ? ORDER BY seq', record.arn),
          events: rows<HistoryEvent>('SELECT json FROM events WHERE arn = ? ORDER BY event_id', record.arn),
          callbacks: rows<CallbackRecord>('SELECT json FROM callbacks WHERE arn = ?', record.arn),
        }
      })
    },
    commit: (changes) => commit(changes),
    close: () => db.close(),
  }
}
