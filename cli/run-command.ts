/**
 * `durable-yield run`: load a handler module, run one execution of it to the end on the embedded
 * engine (memory store, or SQLite under --data-dir; virtual clock skipping time with --skip-time,
 * else the wall clock) through the same runner as `durable-yield/testing`, and report it.
 * Returns the exit code: 0 SUCCEEDED, 1 any other end, 2 for usage and loading errors.
 */
import { basename, extname } from 'node:path'
import { createSqliteStore } from '../adapters/local/store-sqlite.js'
import { createLocalRunner } from '../adapters/local/testing.js'
import { parseRunArgs, RUN_USAGE } from './args.js'
import { loadHandler, ModuleError } from './load-module.js'
import { createProgress, renderJson, renderText } from './render.js'

export interface RunIo {
  readonly cwd: string
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly stderrIsTty: boolean
}

export async function runCommand(argv: readonly string[], io: RunIo): Promise<number> {
  const parsed = parseRunArgs(argv, io.cwd)
  if (!parsed.ok) {
    io.stderr(`durable-yield run: ${parsed.error} (${RUN_USAGE.replace('Usage: ', '')})\n`)
    return 2
  }
  const args = parsed.value
  let handler
  try {
    handler = await loadHandler(args.module, args.handler, io.cwd)
  } catch (e) {
    if (!(e instanceof ModuleError)) throw e
    io.stderr(`durable-yield run: ${e.message}\n`)
    return 2
  }
  const progress = createProgress()
  const functionName = basename(args.module, extname(args.module)) || 'handler'
  const runner = createLocalRunner(handler as Parameters<typeof createLocalRunner>[0], {
    functionName,
    skipTime: args.skipTime,
    realTime: !args.skipTime,
    ...(args.dataDir !== undefined ? { store: createSqliteStore(args.dataDir) } : {}),
    ...(io.stderrIsTty && !args.json ? { onOperations: (ops) => progress(ops).forEach((l) => io.stderr(`${l}\n`)) } : {}),
  })
  try {
    if (io.stderrIsTty && !args.json) io.stderr(`Running ${args.module}#${args.handler}${args.skipTime ? ' (skipping time)' : ''}\n`)
    const run = await runner.run(args.input)
    io.stdout(args.json ? renderJson(run) : renderText(run))
    return run.status === 'SUCCEEDED' ? 0 : 1
  } catch (e) {
    io.stderr(`durable-yield run: ${((e as Error)?.message ?? String(e)).split('\n')[0]}\n`)
    return 1
  } finally {
    runner.close()
  }
}
