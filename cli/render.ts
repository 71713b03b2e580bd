/**
 * Text output of `durable-yield run`: progress lines (one per operation that starts or finishes, for
 * stderr on a TTY), the result block and the indented operation tree (name, type/subtype, status,
 * duration) for stdout, and the `--json` object. Pure functions of engine data, so tests and the
 * coming `history` command and dashboard can reuse them.
 */
import type { ErrorObject, Operation } from '../core/types.js'
import type { LocalResult } from '../adapters/local/testing.js'

const label = (op: Operation): string => op.Name ?? (op.Type === 'EXECUTION' ? '(execution)' : `(${op.Id.slice(0, 8)})`)
const kind = (op: Operation): string =>
  op.SubType && op.SubType.toUpperCase() !== op.Type ? `${op.Type}/${op.SubType}` : op.Type

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`
  const s = ms / 1000
  if (s < 60) return `${s.toFixed(s < 10 ? 2 : 1)}s`
  const units: Array<[string, number]> = [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]]
  let rest = Math.round(s)
  const parts: string[] = []
  for (const [unit, size] of units) {
    if (rest >= size) parts.push(`${Math.floor(rest / size)}${unit}`)
    rest %= size
  }
  return parts.slice(0, 2).join(' ')
}

const duration = (op: Operation): string =>
  op.StartTimestamp !== undefined && op.EndTimestamp !== undefined ? formatDuration(op.EndTimestamp - op.StartTimestamp) : '-'

/** Progress tracker: feed it operation snapshots, get the lines for what changed since the last one. */
export function createProgress(): (ops: readonly Operation[]) => string[] {
  const seen = new Map<string, string>()
  return (ops) => {
    const lines: string[] = []
    for (const op of ops) {
      if (op.Type === 'EXECUTION' || seen.get(op.Id) === op.Status) continue
      const before = seen.get(op.Id)
      seen.set(op.Id, op.Status)
      const done = op.EndTimestamp !== undefined
      if (before === undefined && done) lines.push(`  ▸ ${label(op)} ${kind(op)} started`)
      lines.push(done ? `  ✓ ${label(op)} ${kind(op)} ${op.Status} (${duration(op)})` : `  ▸ ${label(op)} ${kind(op)} ${op.Status.toLowerCase()}`)
    }
    return lines
  }
}

/** The operations as an indented tree, children under their parent context, in start order. */
export function renderTree(ops: readonly Operation[]): string[] {
  const ids = new Set(ops.map((o) => o.Id))
  const children = new Map<string | undefined, Operation[]>()
  for (const op of ops) {
    const parent = op.ParentId !== undefined && ids.has(op.ParentId) ? op.ParentId : undefined
    children.set(parent, [...(children.get(parent) ?? []), op])
  }
  const rows: Array<[string, string, string, string]> = []
  const walk = (parent: string | undefined, depth: number): void => {
    for (const op of children.get(parent) ?? []) {
      rows.push([`${'  '.repeat(depth)}${label(op)}`, kind(op), op.Status, duration(op)])
      walk(op.Id, depth + 1)
    }
  }
  walk(undefined, 0)
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] as string).length), 0))
  return rows.map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] as number) : cell)).join('  ').trimEnd())
}

const errorLine = (e: ErrorObject | undefined): string => (e ? `${e.ErrorType ?? 'Error'}: ${e.ErrorMessage ?? ''}` : 'unknown error')

export function renderText(run: LocalResult): string {
  const head = run.status === 'SUCCEEDED' ? `Result: ${JSON.stringify(run.result, null, 2) ?? 'undefined'}` : `Error: ${errorLine(run.error)}`
  return [`Execution ${run.status}  ${run.arn}`, head, '', 'Operations:', ...renderTree(run.operations).map((l) => `  ${l}`), ''].join('\n')
}

export function renderJson(run: LocalResult): string {
  const { arn, status, result, error, operations, history } = run
  return `${JSON.stringify({ arn, status, result: result ?? null, error: error ?? null, operations, history })}\n`
}
