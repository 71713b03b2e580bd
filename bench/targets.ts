/**
 * The issue-7 targets, checked against one run's rows: replay linearity, replay lead over the
 * official SDK and distance from the JSON.parse floor, checkpoint calls and speed for fresh, map and
 * parallel at 10k, and peak heap at 50k replay. A target whose rows were not measured is SKIP.
 */
import type { Outcome } from './measure.js'

export interface Row {
  readonly scenario: string
  readonly n: number
  readonly ours: Outcome
  readonly official: Outcome
  readonly floor?: Outcome
}
export interface TargetCheck {
  readonly target: string
  readonly status: 'PASS' | 'FAIL' | 'SKIP'
  readonly measured: string
}

const ms = (o: Outcome | undefined): number | undefined => (o?.ok ? o.m.ms : undefined)
const find = (rows: readonly Row[], scenario: string, n: number): Row | undefined => rows.find((r) => r.scenario === scenario && r.n === n)
const check = (target: string, value: number | undefined, ok: (v: number) => boolean, unit: string): TargetCheck =>
  value === undefined || Number.isNaN(value)
    ? { target, status: 'SKIP', measured: 'not measured (or official timed out)' }
    : { target, status: ok(value) ? 'PASS' : 'FAIL', measured: `${value.toFixed(2)}${unit}` }

const ratio = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined || b === undefined ? undefined : a / b)

/** The official side timed out: the lead is at least timeout / ours. */
const lead = (row: Row | undefined): number | undefined => ratio(ms(row?.official), ms(row?.ours))

/** Fewest calls of each side over its runs: where batching follows timers (waits) both vary by one. */
const callsNotMore = (rows: readonly Row[], scenario: string, n: number): TargetCheck => {
  const r = find(rows, scenario, n)
  const range = (o: Outcome | undefined): string => (o?.ok ? (o.m.callsMin === o.m.callsMax ? `${o.m.callsMin}` : `${o.m.callsMin}-${o.m.callsMax}`) : '?')
  const ours = r?.ours.ok ? r.ours.m.callsMin : undefined
  const official = r?.official.ok ? r.official.m.callsMin : undefined
  return check(`${scenario} ${n}: checkpoint calls ours <= official (fewest over runs; ${range(r?.ours)} vs ${range(r?.official)})`, ratio(ours, official), (v) => v <= 1, 'x of official')
}

export const checkTargets = (rows: readonly Row[]): TargetCheck[] => {
  const r10 = find(rows, 'replay', 10_000)
  const r50 = find(rows, 'replay', 50_000)
  const out: TargetCheck[] = [
    check('replay: ours 50k <= 6x ours 10k', ratio(ms(r50?.ours), ms(r10?.ours)), (v) => v <= 6, 'x'),
    check('replay 10k: >= 10x faster than official', lead(r10), (v) => v >= 10, 'x'),
    check('replay 50k: >= 50x faster than official', lead(r50), (v) => v >= 50, 'x'),
  ]
  for (const r of rows.filter((x) => x.scenario === 'replay')) {
    out.push(check(`replay ${r.n}: within 5x of JSON.parse of the event`, ratio(ms(r.ours), ms(r.floor)), (v) => v <= 5, 'x'))
  }
  for (const s of ['fresh', 'map', 'map-c10', 'parallel']) {
    out.push(callsNotMore(rows, s, 10_000))
    out.push(check(`${s} 10k: >= 2x faster than official`, lead(find(rows, s, 10_000)), (v) => v >= 2, 'x'))
  }
  const heapOurs = r50?.ours.ok ? r50.ours.m.peakHeapMb : undefined
  const heapOfficial = r50?.official.ok ? r50.official.m.peakHeapMb : undefined
  out.push(check('replay 50k: peak heap <= half the official', ratio(heapOurs, heapOfficial), (v) => v <= 0.5, 'x of official'))
  return out
}
