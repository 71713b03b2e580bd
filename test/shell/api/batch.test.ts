import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { durable, map, parallel, step } from '../../../shell/index.js'
import { runLocal } from '../../../adapters/local/testing.js'
import type { Handler } from '../../../adapters/local/index.js'

const eventTypes = (history: readonly Record<string, unknown>[]) => history.map((e) => e['EventType'])

test('parallel should accept branches without a leading name, as the official SDK does', async () => {
  const handler = durable(function* () {
    const result = yield* parallel([function* () { return 'alpha' }, function* () { return yield* step(async () => 'beta') }], { maxConcurrency: 1 })
    return result.getResults()
  }) as Handler
  const run = await runLocal(handler, null, { skipTime: true })
  assert.is(run.status, 'SUCCEEDED')
  assert.equal(run.result, ['alpha', 'beta'])
  const parent = run.operations.find((o) => o.SubType === 'Parallel')
  assert.ok(parent !== undefined && parent.Name === undefined)
})

test('map should accept items without a leading name, as the official SDK does', async () => {
  const handler = durable(function* () {
    const result = yield* map([1, 2, 3], function* (n) { return n * 2 })
    return result.getResults()
  }) as Handler
  const run = await runLocal(handler, null, { skipTime: true })
  assert.is(run.status, 'SUCCEEDED')
  assert.equal(run.result, [2, 4, 6])
})

test('should end the execution on maxConcurrency 0 before the parallel context starts, even inside try/catch', async () => {
  const handler = durable(function* () {
    try {
      yield* parallel('bad', [function* () { return 'a' }], { maxConcurrency: 0 })
    } catch {
      return 'caught'
    }
    return 'ran'
  }) as Handler
  const run = await runLocal(handler, null, { skipTime: true })
  assert.is(run.status, 'FAILED')
  assert.is(run.error?.ErrorType, 'ConfigValidationError')
  assert.match(run.error?.ErrorMessage ?? '', /Invalid maxConcurrency: 0/)
  assert.equal(eventTypes(run.history), ['ExecutionStarted', 'InvocationCompleted', 'ExecutionFailed'])
})

test('should end the execution on a map with shouldComplete and minSuccessful before its context starts', async () => {
  const handler = durable(function* () {
    return yield* map('bad', [1], function* (n) { return n }, { completionConfig: { minSuccessful: 1, shouldComplete: () => ({ complete: false }) } })
  }) as Handler
  const run = await runLocal(handler, null, { skipTime: true })
  assert.is(run.status, 'FAILED')
  assert.match(run.error?.ErrorMessage ?? '', /mutually exclusive/)
  assert.not.ok(eventTypes(run.history).includes('ContextStarted'))
})

test.run()
