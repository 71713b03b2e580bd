// Interop: the differential scenarios written with our API run under the official testing library's
// LocalDurableTestRunner (skipTime; callbacks answered through its callback API; chained-invoke
// targets registered with registerDurableFunction), and what the runner reports — status, result or
// error, and the operation list (ids, parents, names, types, subtypes, statuses, details) — must equal
// what it reports for the official SDK's version of the same scenario, run the same way just before.
// The runner runs in a child process (runner-child.ts): it fakes timers process-wide, and its worker
// thread cannot start inside `npm test`'s `node --input-type=module -e` shards.
//
// Not included, for reasons on the runner's side:
// - callback-timeout: the runner's checkpoint server arms callback timeouts with a real setTimeout in
//   its worker thread, which skipTime does not fake, so the 2-minute timeout takes 2 real minutes.
//   The interop-only `callback-timeout-short` (interop-scenarios.ts, written with both SDKs) covers it:
//   the same workflow with a 1-second timeout, nobody answers, the handler catches the timeout.
// Invocation counts are not compared: with skipTime the runner completes a WAIT (or readies a retry)
// as soon as it sees the START and then jumps the fake clock, racing the SDK's own timers, so the
// official SDK itself finishes `waits` in 2 or 3 invocations from one run to the next.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { ourScenario } from '../differential/scenarios.js'
import { officialScenarios } from '../support/official-scenarios.js'
import { parseLine, type Attempt, type InteropLine, type PlanEntry } from './child-lines.js'
import { interopPair, interopScenarios } from './interop-scenarios.js'
import type { CallbackLocator, RunnerOutcome } from './official-runner.js'

const EXCLUDED = new Set(['callback-timeout'])
const CHILD_TIMEOUT_MS = 90_000

/** Where the runner exposes each scenario's callbacks, in creation order. */
const LOCATORS: Readonly<Record<string, readonly CallbackLocator[]>> = {
  'callback-success': [{ operationName: 'approval', waitFor: 'STARTED' }],
  'callback-failure': [{ operationName: 'approval', waitFor: 'STARTED' }],
  'wait-for-callback': [{ operationName: 'approve', waitFor: 'SUBMITTED' }],
}

const plan: readonly PlanEntry[] = [...officialScenarios.filter((s) => !EXCLUDED.has(s.name)), ...interopScenarios.map((p) => p.official)]
  .map((s) => ({ name: s.name, locators: LOCATORS[s.name] ?? [] }))

/** Our version of a planned scenario: the interop-only one of that name, else the differential one. */
const oursFor = (name: string) => interopPair(name)?.ours ?? ourScenario(name)

interface Deferred<T> {
  readonly promise: Promise<T>
  resolve(value: T): void
  reject(error: Error): void
}

const deferred = <T>(): Deferred<T> => {
  let resolve!: (value: T) => void
  let reject!: (error: Error) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  promise.catch(() => undefined)
  return { promise, resolve, reject }
}

/** Starts the child once; each scenario's line is awaited by its own test as it arrives. */
const runChild = (): Map<string, Promise<InteropLine>> => {
  const waiting = new Map(plan.map((p) => [p.name, deferred<InteropLine>()] as const))
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./runner-child.ts', import.meta.url))], {
    env: { ...process.env, INTEROP_PLAN: JSON.stringify(plan) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let buffered = ''
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8')
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const text of lines) {
      const line = parseLine(text)
      if (line) waiting.get(line.name)?.resolve(line)
    }
  })
  // A hung runner must fail the tests, not hang the suite (the whole plan takes about 12 s).
  const guard = setTimeout(() => child.kill(), CHILD_TIMEOUT_MS)
  guard.unref()
  child.on('close', (code) => {
    clearTimeout(guard)
    for (const [name, w] of waiting) w.reject(new Error(`runner child exited (${code}) before reporting ${name}`))
  })
  return new Map([...waiting].map(([name, w]) => [name, w.promise]))
}

let lines: Map<string, Promise<InteropLine>> | undefined
const lineOf = (name: string): Promise<InteropLine> => {
  lines ??= runChild()
  return lines.get(name)!
}

const outcomeOf = (attempt: Attempt, who: string): RunnerOutcome => {
  if (!attempt.ok) assert.unreachable(`${who}: ${attempt.error}`)
  return (attempt as Extract<Attempt, { ok: true }>).outcome
}

const comparable = ({ invocations: _ignored, ...rest }: RunnerOutcome) => rest

test('should plan every differential scenario but the excluded ones, then the interop-only ones', () => {
  assert.is(plan.length, officialScenarios.length - EXCLUDED.size + interopScenarios.length)
  for (const name of EXCLUDED) assert.ok(officialScenarios.some((s) => s.name === name), name)
  for (const { name } of plan) assert.ok(oursFor(name), name)
})

test('should give each interop-only scenario a name of its own, the same for both SDKs', () => {
  assert.ok(interopScenarios.some((p) => p.official.name === 'callback-timeout-short'))
  for (const { official, ours } of interopScenarios) {
    assert.is(ours.name, official.name)
    assert.not.ok(officialScenarios.some((s) => s.name === official.name), official.name)
    assert.not.ok(ourScenario(official.name), official.name)
  }
})

for (const { name } of plan) {
  test(`should run ${name} under the official runner as the official SDK does`, async () => {
    const line = await lineOf(name)
    const expected = outcomeOf(line.official, 'official SDK')
    const actual = outcomeOf(line.ours, 'durable-yield')
    const scenario = oursFor(name)!
    assert.is(actual.status, scenario.expected.status)
    if (scenario.expected.result !== undefined) assert.equal(actual.result, scenario.expected.result)
    assert.ok(actual.operations.length > 0)
    assert.ok(actual.invocations > 0)
    assert.equal(comparable(actual), comparable(expected))
  })
}

test.run()
