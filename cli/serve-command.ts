/**
 * `durable-yield serve`: the embedded engine plus its HTTP server (Lambda REST API), running until
 * SIGINT/SIGTERM. Which handlers it can invoke is a registry given on the command line
 * (`--function name=module[#export]`, repeatable; chained invokes resolve through it too). With
 * `--data-dir` state lives in SQLite and a restart resumes every unfinished execution; invocations
 * wait until the server listens, so handlers that checkpoint over HTTP never race its start.
 */
import { basename, extname, resolve } from 'node:path'
import { createEngine } from '../adapters/local/engine.js'
import { createRealClock, createVirtualClock } from '../adapters/local/clock.js'
import { withHttpCheckpoints } from '../adapters/local/http/http-checkpoint-invoker.js'
import { startHttpServer } from '../adapters/local/http/server.js'
import { createRegistryInvoker, type Handler, type Invoker } from '../adapters/local/invocation-event.js'
import { createMemoryStore } from '../adapters/local/store-memory.js'
import { createSqliteStore } from '../adapters/local/store-sqlite.js'
import type { Parsed } from './args.js'
import { DEFAULT_PORT } from './endpoint.js'
import { parseFlags, parsePort } from './flags.js'
import { loadHandler, ModuleError } from './load-module.js'
import type { CommandIo } from './main.js'

export const SERVE_USAGE =
  'Usage: durable-yield serve --function name=module[#export] [--function ...] [--port n] [--host h] [--data-dir dir] [--skip-time] [--http-checkpoints]'

interface FunctionSpec {
  readonly name: string
  readonly module: string
  readonly exportName: string
}

interface ServeArgs {
  readonly functions: readonly FunctionSpec[]
  readonly port: number
  readonly host: string
  readonly dataDir?: string
  readonly skipTime: boolean
  readonly httpCheckpoints: boolean
}

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/

/** `name=module#export`, `module#export` or `module`: the name defaults to the module's base name. */
export function parseFunctionSpec(raw: string): Parsed<FunctionSpec> {
  const eq = raw.indexOf('=')
  const target = eq >= 0 ? raw.slice(eq + 1) : raw
  const hash = target.lastIndexOf('#')
  const module = hash >= 0 ? target.slice(0, hash) : target
  const exportName = hash >= 0 ? target.slice(hash + 1) : 'handler'
  const name = eq >= 0 ? raw.slice(0, eq) : basename(module, extname(module))
  if (module === '' || exportName === '') return { ok: false, error: `--function ${raw}: expected name=module[#export]` }
  if (!FUNCTION_NAME.test(name)) return { ok: false, error: `--function ${raw}: function name must be 1-64 characters of [A-Za-z0-9_-]` }
  return { ok: true, value: { name, module, exportName } }
}

export function parseServeArgs(argv: readonly string[], cwd: string): Parsed<ServeArgs> {
  const parsed = parseFlags(argv, {
    values: ['--port', '--host', '--data-dir'],
    repeated: ['--function'],
    booleans: ['--skip-time', '--http-checkpoints'],
  })
  if (!parsed.ok) return parsed
  const f = parsed.value
  if (f.positional.length > 0) return { ok: false, error: `unexpected argument ${f.positional[0]}` }
  const port = parsePort(f.values.get('--port'), DEFAULT_PORT)
  if (!port.ok) return port
  const functions: FunctionSpec[] = []
  for (const raw of f.repeated.get('--function') ?? []) {
    const spec = parseFunctionSpec(raw)
    if (!spec.ok) return spec
    if (functions.some((s) => s.name === spec.value.name)) return { ok: false, error: `function ${spec.value.name} is registered twice` }
    functions.push(spec.value)
  }
  const dataDir = f.values.get('--data-dir')
  return {
    ok: true,
    value: {
      functions,
      port: port.value,
      host: f.values.get('--host') ?? '127.0.0.1',
      ...(dataDir !== undefined ? { dataDir: resolve(cwd, dataDir) } : {}),
      skipTime: f.booleans.has('--skip-time'),
      httpCheckpoints: f.booleans.has('--http-checkpoints'),
    },
  }
}

/** Holds every invocation until `open()`: the server must listen before a handler may call it. */
function gated(inner: Invoker): { invoker: Invoker; open: () => void } {
  let open: () => void = () => {}
  const ready = new Promise<void>((r) => (open = r))
  return { invoker: { has: (n) => inner.has(n), invoke: async (n, e, c) => (await ready, inner.invoke(n, e, c)) }, open }
}

const stopSignal = (): Promise<string> =>
  new Promise((done) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => done(signal))
  })

async function loadHandlers(functions: readonly FunctionSpec[], cwd: string): Promise<Record<string, Handler>> {
  const handlers: Record<string, Handler> = {}
  for (const fn of functions) handlers[fn.name] = await loadHandler(fn.module, fn.exportName, cwd)
  return handlers
}

/** Handlers in this process build their LambdaClient from the environment: point it at the server. */
function pointHandlersAt(url: string): void {
  process.env['AWS_ENDPOINT_URL_LAMBDA'] = url
  process.env['AWS_REGION'] ??= 'us-east-1'
  process.env['AWS_ACCESS_KEY_ID'] ??= 'local'
  process.env['AWS_SECRET_ACCESS_KEY'] ??= 'local'
}

export async function serveCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const parsed = parseServeArgs(argv, io.cwd)
  if (!parsed.ok) {
    io.stderr(`durable-yield serve: ${parsed.error} (${SERVE_USAGE.replace('Usage: ', '')})\n`)
    return 2
  }
  const args = parsed.value
  let handlers: Record<string, Handler>
  try {
    handlers = await loadHandlers(args.functions, io.cwd)
  } catch (e) {
    if (!(e instanceof ModuleError)) throw e
    io.stderr(`durable-yield serve: ${e.message}\n`)
    return 2
  }
  const registry = createRegistryInvoker(handlers)
  const gate = gated(args.httpCheckpoints ? withHttpCheckpoints(registry) : registry)
  const engine = createEngine({
    store: args.dataDir !== undefined ? createSqliteStore(args.dataDir) : createMemoryStore(),
    clock: args.skipTime ? createVirtualClock({ skipTime: true }) : createRealClock(),
    invoker: gate.invoker,
  })
  const names = Object.keys(handlers)
  const server = await startHttpServer(engine, { port: args.port, host: args.host, functions: names }).catch((e: unknown) => {
    io.stderr(`durable-yield serve: cannot listen on ${args.host}:${args.port}: ${e instanceof Error ? e.message : String(e)}\n`)
    return undefined
  })
  if (!server) {
    engine.close()
    return 1
  }
  if (args.httpCheckpoints) pointHandlersAt(server.url)
  gate.open()
  io.stdout(`durable-yield serve: listening on ${server.url} (functions: ${names.length ? names.join(', ') : 'none'})\n`)
  const signal = await stopSignal()
  io.stderr(`durable-yield serve: ${signal}, shutting down\n`)
  await server.close()
  engine.close()
  return 0
}
