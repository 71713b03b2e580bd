/**
 * `npm run bench [-- --n 1000,10000 --scenario replay,fresh --timeout 120 --runs 3 --json --ours-only]`: runs each
 * scenario at each N with durable-yield and the official SDK 2.4, every measurement in a fresh
 * process, and prints one table row per (scenario, N) followed by the issue-7 target checks. Official
 * runs that exceed the timeout are reported as such, never dropped. `engine` runs bench/engine.ts.
 */
import { measure, type Outcome } from './measure.js'
import { scenarios } from './scenarios.js'
import { checkTargets, type Row } from './targets.js'
import { runEngineBench } from './engine.js'

interface Args {
  readonly ns: readonly number[]
  readonly scenarios: readonly string[]
  readonly timeoutMs: number
  readonly runs: number
  readonly json: boolean
  /** Skip the official SDK (quick profiling loops). */
  readonly oursOnly: boolean
}

const ALL = [...scenarios.map((s) => s.name), 'engine']

const parseArgs = (argv: readonly string[]): Args => {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const ns = (value('--n') ?? '1000,10000,50000').split(',').map(Number)
  if (ns.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error('--n takes positive integers, e.g. --n 1000,10000')
  const chosen = (value('--scenario') ?? ALL.join(',')).split(',')
  const unknown = chosen.filter((s) => !ALL.includes(s))
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${ALL.join(', ')}`)
  return { ns, scenarios: chosen, timeoutMs: Number(value('--timeout') ?? '120') * 1000, runs: Number(value('--runs') ?? '3'), json: argv.includes('--json'), oursOnly: argv.includes('--ours-only') }
}

const fmt = (x: number, digits = 0): string => x.toFixed(digits)
/** Milliseconds: a decimal below 100, where a whole number would hide the differences that matter. */
const fmtMs = (x: number): string => x.toFixed(x < 100 ? 1 : 0)
const calls = (m: Extract<Outcome, { ok: true }>['m']): string => (m.callsMin === m.callsMax ? String(m.callsMin) : `${m.callsMin}-${m.callsMax}`)
const cell = (o: Outcome, f: (m: Extract<Outcome, { ok: true }>['m']) => string): string => (o.ok ? f(o.m) : '-')

const COLUMNS = ['scenario', 'N', 'ours ms', 'official ms', 'ratio', 'calls ours/off', 'updates ours/off', 'peak heap MB ours/off', 'notes']

const render = (r: Row): string[] => {
  const official = r.official.ok ? fmtMs(r.official.m.ms) : `>${r.official.reason}`
  const ratio = r.ours.ok && r.official.ok ? `${fmt(r.official.m.ms / r.ours.m.ms, 1)}x` : '-'
  const notes: string[] = []
  if (r.floor?.ok && r.ours.ok) notes.push(`JSON.parse ${fmt(r.floor.m.ms, 1)} ms, ours/floor ${fmt(r.ours.m.ms / r.floor.m.ms, 1)}x`)
  if (r.ours.ok) notes.push(`fake ${fmt(r.ours.m.fakeMs, 1)} ms`)
  if (r.ours.ok && r.ours.m.status !== 'SUCCEEDED') notes.push(`ours ${r.ours.m.status}`)
  if (!r.ours.ok) notes.push(`ours failed: ${r.ours.reason}`)
  if (r.official.ok && r.official.m.status !== 'SUCCEEDED') notes.push(`official ${r.official.m.status}`)
  return [
    r.scenario, String(r.n), cell(r.ours, (m) => fmtMs(m.ms)), official, ratio,
    `${cell(r.ours, calls)}/${cell(r.official, calls)}`,
    `${cell(r.ours, (m) => String(m.updates))}/${cell(r.official, (m) => String(m.updates))}`,
    `${cell(r.ours, (m) => fmt(m.peakHeapMb))}/${cell(r.official, (m) => fmt(m.peakHeapMb))}`,
    notes.join('; '),
  ]
}

const printRow = (cells: readonly string[]): void => {
  const widths = [10, 6, 8, 14, 7, 14, 16, 21, 0]
  process.stdout.write(`${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')}\n`)
}

const main = async (): Promise<void> => {
  const args = parseArgs(process.argv.slice(2))
  const rows: Row[] = []
  if (!args.json) printRow(COLUMNS)
  for (const scenario of args.scenarios.filter((s) => s !== 'engine')) {
    for (const n of args.ns) {
      const key = [scenario, String(n)]
      const ours = await measure([...key, 'ours'], args.timeoutMs, args.runs)
      const official: Outcome = args.oursOnly ? { ok: false, reason: 'skipped' } : await measure([...key, 'official'], args.timeoutMs, args.runs)
      const floor = scenario === 'replay' ? await measure([...key, 'floor'], args.timeoutMs, args.runs) : undefined
      const row: Row = { scenario, n, ours, official, ...(floor === undefined ? {} : { floor }) }
      rows.push(row)
      if (!args.json) printRow(render(row))
    }
  }
  const engine = args.scenarios.includes("engine") ? await runEngineBench(args.json) : undefined
  const targets = checkTargets(rows)
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ rows, engine, targets }, null, 2)}\n`)
    return
  }
  process.stdout.write('\nTargets (issue 7):\n')
  for (const t of targets) process.stdout.write(`  ${t.status.padEnd(4)} ${t.target}: ${t.measured}\n`)
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
