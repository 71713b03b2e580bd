/**
 * A small argv parser shared by the serve, list, history and callback commands: declared value
 * flags (`--port 9000` or `--port=9000`), repeatable flags and boolean switches, everything else
 * positional. Pure: argv in, parsed flags or a one-line error out, so each command prints the error
 * with its usage and exits 2 before doing anything.
 */
import type { Parsed } from './args.js'

export interface FlagSpec {
  readonly values?: readonly string[]
  readonly repeated?: readonly string[]
  readonly booleans?: readonly string[]
}

export interface Flags {
  readonly values: ReadonlyMap<string, string>
  readonly repeated: ReadonlyMap<string, readonly string[]>
  readonly booleans: ReadonlySet<string>
  readonly positional: readonly string[]
}

export function parseFlags(argv: readonly string[], spec: FlagSpec): Parsed<Flags> {
  const valueFlags = new Set([...(spec.values ?? []), ...(spec.repeated ?? [])])
  const repeatedFlags = new Set(spec.repeated ?? [])
  const booleanFlags = new Set(spec.booleans ?? [])
  const values = new Map<string, string>()
  const repeated = new Map<string, string[]>()
  const booleans = new Set<string>()
  const positional: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const eq = arg.indexOf('=')
    const [flag, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined]
    if (valueFlags.has(flag)) {
      const value = inline ?? argv[++i]
      if (value === undefined) return { ok: false, error: `${flag} needs a value` }
      if (repeatedFlags.has(flag)) repeated.set(flag, [...(repeated.get(flag) ?? []), value])
      else values.set(flag, value)
    } else if (booleanFlags.has(flag) && inline === undefined) {
      booleans.add(flag)
    } else if (arg.startsWith('-') && arg !== '-') {
      return { ok: false, error: `unknown option ${arg}` }
    } else {
      positional.push(arg)
    }
  }
  return { ok: true, value: { values, repeated, booleans, positional } }
}

/** A TCP port from a flag value, or an error naming the flag. */
export function parsePort(raw: string | undefined, fallback: number): Parsed<number> {
  if (raw === undefined) return { ok: true, value: fallback }
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN
  return port >= 0 && port <= 65535 ? { ok: true, value: port } : { ok: false, error: `--port must be a number from 0 to 65535, got ${raw}` }
}
