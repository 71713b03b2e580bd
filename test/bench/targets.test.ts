import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { Measurement, Outcome } from '../../bench/measure.js'
import { checkTargets, type Row } from '../../bench/targets.js'

const m = (ms: number, calls = 0, heap = 10, callsMax = calls): Outcome => {
  const measurement: Measurement = {
    ms, cpuMs: ms, status: 'SUCCEEDED', invocations: 1, checkpointCalls: calls, updates: 0, fakeMs: 0,
    heapUsedEnd: 0, peakHeapMb: heap, runs: 3, callsMin: calls, callsMax,
  }
  return { ok: true, m: measurement }
}
const timedOut: Outcome = { ok: false, reason: 'timeout 120 s' }
const statusOf = (rows: Row[], prefix: string) => checkTargets(rows).find((t) => t.target.startsWith(prefix))?.status

test('should pass replay linearity at 5x and fail it at 7x', () => {
  const rows = (ms50: number): Row[] => [
    { scenario: 'replay', n: 10_000, ours: m(100), official: m(2000), floor: m(30) },
    { scenario: 'replay', n: 50_000, ours: m(ms50), official: m(60_000), floor: m(150) },
  ]
  assert.is(statusOf(rows(500), 'replay: ours 50k'), 'PASS')
  assert.is(statusOf(rows(700), 'replay: ours 50k'), 'FAIL')
})

test('should judge the lead over the official SDK and the JSON.parse floor per N', () => {
  const rows: Row[] = [{ scenario: 'replay', n: 10_000, ours: m(100), official: m(900), floor: m(10) }]
  assert.is(statusOf(rows, 'replay 10k: >= 10x'), 'FAIL')
  assert.is(statusOf(rows, 'replay 10000: within 5x'), 'FAIL')
  rows[0] = { scenario: 'replay', n: 10_000, ours: m(100), official: m(1000), floor: m(20) }
  assert.is(statusOf(rows, 'replay 10k: >= 10x'), 'PASS')
  assert.is(statusOf(rows, 'replay 10000: within 5x'), 'PASS')
})

test('should skip a target whose official run timed out rather than pass it', () => {
  const rows: Row[] = [{ scenario: 'fresh', n: 10_000, ours: m(100, 10), official: timedOut }]
  assert.is(statusOf(rows, 'fresh 10k: >= 2x'), 'SKIP')
  assert.is(statusOf(rows, 'fresh 10000: checkpoint calls'), 'SKIP')
})

test('should compare the fewest checkpoint calls of each side over its runs', () => {
  const rows = (oursMin: number, oursMax: number): Row[] => [
    { scenario: 'parallel', n: 10_000, ours: m(100, oursMin, 10, oursMax), official: m(300, 123, 10, 124) },
  ]
  assert.is(statusOf(rows(123, 124), 'parallel 10000: checkpoint calls'), 'PASS')
  assert.is(statusOf(rows(124, 124), 'parallel 10000: checkpoint calls'), 'FAIL')
})

test('should require the peak heap at 50k replay to be at most half the official', () => {
  const rows = (heap: number): Row[] => [{ scenario: 'replay', n: 50_000, ours: m(100, 0, heap), official: m(9000, 0, 100) }]
  assert.is(statusOf(rows(50), 'replay 50k: peak heap'), 'PASS')
  assert.is(statusOf(rows(51), 'replay 50k: peak heap'), 'FAIL')
})

test.run()
