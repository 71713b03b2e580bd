// Every oracle scenario runs to its expected final status (and result, where fixed), and running it
// twice gives the same recording after `normalise`: the property the differential tests rely on.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { normalise } from './normalise.js'
import { officialScenario, officialScenarios } from './official-scenarios.js'
import { runScenario } from './run-scenario.js'

test('should have at least 17 uniquely named kebab-case scenarios', () => {
  const names = officialScenarios.map((s) => s.name)
  assert.ok(names.length >= 17, `${names.length} scenarios`)
  assert.is(new Set(names).size, names.length)
  for (const n of names) assert.match(n, /^[a-z0-9]+(-[a-z0-9]+)*$/)
  assert.is(officialScenario('map-flat').name, 'map-flat')
  assert.throws(() => officialScenario('no-such-scenario'))
})

for (const scenario of officialScenarios) {
  test(`should run ${scenario.name} to ${scenario.expected.status}`, async () => {
    const r = await runScenario(scenario)
    assert.is(r.stopReason, 'completed')
    assert.is(r.status, scenario.expected.status)
    if ('result' in scenario.expected) assert.equal(JSON.parse(r.result ?? 'null'), scenario.expected.result)
    if (scenario.expected.status === 'FAILED') assert.type(r.error?.ErrorType, 'string')
    assert.equal(r.invocations.flatMap((i) => i.rejections), [], 'the service accepted every checkpoint')
  })
}

const small = officialScenarios.filter((s) => !/above/.test(s.name))

test('should record the same thing twice once normalised (and callback ids differ before)', async () => {
  for (const scenario of small) {
    const [a, b] = [await runScenario(scenario), await runScenario(scenario)]
    assert.equal(normalise(a), normalise(b), scenario.name)
  }
  const [a, b] = [await runScenario(officialScenario('callback-success')), await runScenario(officialScenario('callback-success'))]
  assert.not.equal(a.invocations, b.invocations, 'the raw recordings carry different callback ids')
  assert.match(JSON.stringify(normalise(a).invocations), /<callback-1>/)
})

test('should replace timestamps, execution ids and stacks', async () => {
  const r = normalise(await runScenario(officialScenario('promise-all-settled')))
  const exec = r.operations[0]
  assert.equal([exec?.Id, exec?.StartTimestamp], ['<execution>', '<ts>'])
  const payload = r.invocations[0]?.requests[1]?.[0]?.Payload ?? ''
  assert.match(payload, /"stack":"<stack>"/)
  assert.not.match(payload, /index\.mjs/)
})

test.run()
