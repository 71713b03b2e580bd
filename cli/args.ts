/**
 * Argument parsing for `durable-yield run`. Pure: argv in, a parsed command or a one-line error out,
 * so main.ts can print it and exit 2. `--input` takes JSON text or `@file` (read relative to the
 * cwd); the JSON is parsed here so a bad input fails before any module is loaded.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

export interface RunArgs {
  readonly module: string
  readonly handler: string
  readonly input: unknown
  readonly dataDir?: string
  readonly skipTime: boolean
  readonly json: boolean
}

export type Parsed<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly error: string }

const fail = (error: string): Parsed<never> => ({ ok: false, error })

export const RUN_USAGE = 'Usage: durable-yield run <module> [--handler name] [--input json|@file] [--data-dir dir] [--skip-time] [--json]'

const VALUE_FLAGS = new Set(['--handler', '--input', '--data-dir'])
const BOOLEAN_FLAGS = new Set(['--skip-time', '--json'])

function parseInput(raw: string, cwd: string): Parsed<unknown> {
  let text = raw
  if (raw.startsWith('@')) {
    const file = resolve(cwd, raw.slice(1))
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      return fail(`cannot read input file ${raw.slice(1)}`)
    }
  }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (e) {
    return fail(`--input is not valid JSON: ${(e as Error).message.split('\n')[0]}`)
  }
}

export function parseRunArgs(argv: readonly string[], cwd: string): Parsed<RunArgs> {
  const values = new Map<string, string>()
  const flags = new Set<string>()
  const positional: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const eq = arg.indexOf('=')
    const [flag, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined]
    if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? argv[++i]
      if (value === undefined) return fail(`${flag} needs a value`)
      values.set(flag, value)
    } else if (BOOLEAN_FLAGS.has(flag) && inline === undefined) {
      flags.add(flag)
    } else if (arg.startsWith('-') && arg !== '-') {
      return fail(`unknown option ${arg}`)
    } else {
      positional.push(arg)
    }
  }
  if (positional.length !== 1) return fail(positional.length === 0 ? 'run needs a module path' : `unexpected argument ${positional[1]}`)
  const rawInput = values.get('--input')
  const input = rawInput === undefined ? { ok: true as const, value: undefined } : parseInput(rawInput, cwd)
  if (!input.ok) return input
  const dataDir = values.get('--data-dir')
  return {
    ok: true,
    value: {
      module: positional[0] as string,
      handler: values.get('--handler') ?? 'handler',
      input: input.value,
      ...(dataDir !== undefined ? { dataDir: resolve(cwd, dataDir) } : {}),
      skipTime: flags.has('--skip-time'),
      json: flags.has('--json'),
    },
  }
}
