import { test } from 'uvu'
import * as fc from 'fast-check'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Local from '../../../adapters/local/index.js'
import { commandArbitraries, type Real } from './model/commands.js'
import { T0 } from './model/harness.js'
import { newSeen } from './model/invariants.js'
import { newModel } from './model/model.js'
import { createSystem } from './model/system.js'

interface StoreKind {
  /** Called at start and on every restart. */
  readonly open: () => Local.Store
  readonly dispose: () => void
}

async function runModel(kind: () => StoreKind, numRuns: number, maxCommands: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.commands(commandArbitraries, { maxCommands, size: 'medium' }), async (cmds) => {
      const k = kind()
      const sys = createSystem(k.open)
      try {
        const real: Real = { sys, seen: newSeen() }
        await fc.asyncModelRun(() => ({ model: newModel(T0), real }), cmds)
      } finally {
        sys.close()
        k.dispose()
      }
    }),
    { numRuns },
  )
}

test('should behave like the model under any sequence of commands (memory store object reused across restarts)', async () => {
  await runModel(() => {
    const store = Local.createMemoryStore()
    return { open: () => store, dispose: () => {} }
  }, 60, 30)
})

test('should behave like the model under any sequence of commands (SQLite store reopened from its directory)', async () => {
  await runModel(() => {
    const dir = mkdtempSync(join(tmpdir(), 'dy-model-'))
    return { open: () => Local.createSqliteStore(dir), dispose: () => rmSync(dir, { recursive: true, force: true }) }
  }, 12, 20)
})

test.run()
