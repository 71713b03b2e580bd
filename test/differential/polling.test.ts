// Differential tests of in-process polling (PROTOCOL.md §6.3, TV19): a wait, a step's retry delay
// and a callback are parked while a sibling branch's slow step runs. The official SDK 2.4 sends an
// empty checkpoint at the wait's end / the retry time and finishes in the same invocation (the fake
// service's live clock has ended the wait or readied the retry); a callback is polled after 1 s, is
// still open, and the invocation suspends once the step ends. Ours must send exactly the same
// requests, grouping included. These run on real time (about 1.6 s per run).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { normalise } from '../support/normalise.js'
import { pollingScenarios as officialPolling } from '../support/official-scenarios-polling.js'
import { runScenario } from '../support/run-scenario.js'
import type { Recording } from '../support/scenario-types.js'
import { pollingScenarios } from './scenarios-polling.js'

const comparable = (r: Recording): unknown => ({
  status: r.status,
  result: r.result,
  error: r.error,
  invocations: r.invocations,
  operations: r.operations,
})

/** How many invocations each scenario takes; in each, the first invocation's second request is its one poll. */
const INVOCATIONS: Readonly<Record<string, number>> = {
  'wait-polled-while-sibling-runs': 1,
  'retry-polled-while-sibling-runs': 1,
  'callback-polled-while-sibling-runs': 2,
}

const assertPolledInProcess = (r: Recording, name: string, who: string): void => {
  assert.is(r.invocations.length, INVOCATIONS[name], `${who}: invocations`)
  const requests = r.invocations[0]!.requests
  assert.equal(requests[1], [], `${who}: the second request is the poll`)
  assert.is(r.invocations.flatMap((i) => i.requests).filter((u) => u.length === 0).length, 1, `${who}: one poll`)
}

test('should pair every official polling scenario with one of ours', () => {
  assert.equal(pollingScenarios.map((s) => s.name), officialPolling.map((s) => s.name))
  for (const [i, s] of pollingScenarios.entries()) {
    assert.equal(s.expected, officialPolling[i]!.expected)
    assert.equal(s.callbacks, officialPolling[i]!.callbacks)
    assert.ok(INVOCATIONS[s.name])
    assert.ok(s.liveClock && officialPolling[i]!.liveClock)
  }
})

for (const [i, official] of officialPolling.entries()) {
  test(`should poll ${official.name} in-process exactly as the official SDK does`, async () => {
    const ours = pollingScenarios[i]!
    const expected = normalise(await runScenario(official))
    const actual = normalise(await runScenario(ours))
    assertPolledInProcess(expected, official.name, 'official SDK')
    assert.is(actual.status, ours.expected.status)
    assert.is(actual.result, JSON.stringify(ours.expected.result))
    assertPolledInProcess(actual, official.name, 'durable-yield')
    assert.equal(comparable(actual), comparable(expected))
  })
}

test.run()
