import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { durable, invoke, step, waitForCondition } from '../../../shell/index.js'
import { runLocal } from '../../../adapters/local/testing.js'
import type { Handler } from '../../../adapters/local/index.js'

test('waitForCondition should accept a check without a leading name, as the official SDK does', async () => {
  const handler = durable(function* () {
    return yield* waitForCondition(async (n: number) => n + 1, {
      initialState: 0,
      waitStrategy: (n) => (n < 3 ? { shouldContinue: true, delay: { seconds: 5 } } : { shouldContinue: false }),
    })
  }) as Handler
  const run = await runLocal(handler, null, { skipTime: true })
  assert.is(run.status, 'SUCCEEDED')
  assert.is(run.result, 3)
  const condition = run.operations.find((o) => o.SubType === 'WaitForCondition')
  assert.ok(condition !== undefined && condition.Name === undefined)
})

const target = durable(function* (input: unknown) {
  return yield* step('echo', async () => ({ got: input }))
}) as Handler

test('invoke should take a non-string second argument as the input, without a name, as the official SDK does', async () => {
  const handler = durable(function* () {
    return yield* invoke<{ got: unknown }>('target', { n: 1 })
  }) as Handler
  const run = await runLocal(handler, null, { skipTime: true, invokeTargets: { target } })
  assert.is(run.status, 'SUCCEEDED')
  assert.equal(run.result, { got: { n: 1 } })
  const call = run.operations.find((o) => o.Type === 'CHAINED_INVOKE')
  assert.ok(call !== undefined && call.Name === undefined)
})

test('invoke should take a string second argument as the function, after a name, as the official SDK does', async () => {
  const handler = durable(function* () {
    const named = yield* invoke<{ got: unknown }>('call-it', 'target', 'text')
    const unnamed = yield* invoke<{ got: unknown }>(undefined, 'target', 'more')
    return [named, unnamed]
  }) as Handler
  const run = await runLocal(handler, null, { skipTime: true, invokeTargets: { target } })
  assert.equal(run.result, [{ got: 'text' }, { got: 'more' }])
  assert.equal(run.operations.filter((o) => o.Type === 'CHAINED_INVOKE').map((o) => o.Name), ['call-it', undefined])
})

test('invoke should fail the execution with ConfigValidationError when no function name is given', async () => {
  const handler = durable(function* () {
    const missing: unknown = undefined
    return yield* invoke(missing as string, { n: 1 })
  }) as Handler
  const run = await runLocal(handler, null, { skipTime: true })
  assert.is(run.status, 'FAILED')
  assert.is(run.error?.ErrorType, 'ConfigValidationError')
  assert.match(run.error?.ErrorMessage ?? '', /function name or ARN/)
})

test.run()
