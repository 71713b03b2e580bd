// Differential tests: every oracle scenario written with the official SDK 2.4 is run beside the same
// workflow written with our API, through the same fake service, and the normalised recordings must be
// deep-equal: per invocation, every checkpoint request with its Updates (ids, parents, types, actions,
// names, payloads, options) in order, the invocation output, the final status/result/error, the
// operations the service holds, and the recordings of chained-invoke targets.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { comparable, normalise } from '../support/normalise.js'
import { officialScenarios } from '../support/official-scenarios.js'
import { runScenario } from '../support/run-scenario.js'
import type { Recording, Scenario } from '../support/scenario-types.js'
import { ourScenario, ourScenarios } from './scenarios.js'

const record = async (scenario: Scenario): Promise<unknown> => comparable(normalise(await runScenario(scenario)))

test('should pair every official scenario with one of ours, with the same input and outside world', () => {
  assert.equal(ourScenarios.map((s) => s.name), officialScenarios.map((s) => s.name))
  for (const official of officialScenarios) {
    const ours = ourScenario(official.name)!
    assert.equal(ours.input, official.input, official.name)
    assert.equal(ours.callbacks, official.callbacks, official.name)
    assert.equal(Object.keys(ours.invokeTargets ?? {}), Object.keys(official.invokeTargets ?? {}), official.name)
    assert.equal(ours.expected, official.expected, official.name)
  }
})

for (const official of officialScenarios) {
  test(`should record ${official.name} exactly as the official SDK does`, async () => {
    const ours = ourScenario(official.name)!
    const [expected, actual] = [await record(official), await record(ours)]
    const r = actual as { status: string; invocations: unknown[] }
    assert.is(r.status, official.expected.status)
    assert.ok(r.invocations.length > 0)
    assert.equal(actual, expected)
  })
}

test.run()
