import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { durable, step, wait, waitForCallback, childContext } from '../../../shell/index.js'
import { createLocalRunner, runLocal } from '../../../adapters/local/testing.js'
import type { Handler } from '../../../adapters/local/index.js'

interface Order { readonly id: string; readonly amount: number }

const orderFlow = durable(function* (input: Order) {
  const receipt = yield* step('charge', async () => ({ id: input.id, charged: input.amount }))
  yield* wait('cool-off', { days: 30 })
  const approval = yield* waitForCallback('approval', async () => {})
  const label = yield* childContext('ship', function* () {
    return yield* step('label', async () => `LBL-${input.id}`)
  })
  return { receipt, approval: JSON.parse(approval as string) as unknown, label }
}) as Handler

test('runLocal should run steps, a 30-day wait and a callback to the end in well under a second', async () => {
  const began = Date.now()
  const run = await runLocal(orderFlow, { id: 'o-1', amount: 42 }, {
    skipTime: true,
    callbacks: { approval: { succeed: { by: 'alice' } } },
  })
  assert.ok(Date.now() - began < 1000, `took ${Date.now() - began} ms`)
  assert.is(run.status, 'SUCCEEDED')
  assert.equal(run.result, { receipt: { id: 'o-1', charged: 42 }, approval: { by: 'alice' }, label: 'LBL-o-1' })
  assert.is(run.error, undefined)
  const names = run.operations.map((o) => o.Name).filter(Boolean)
  assert.equal(names, ['charge', 'cool-off', 'approval', 'ship', 'label'])
  const types = run.history.map((e) => e['EventType'])
  assert.is(types[0], 'ExecutionStarted')
  assert.is(types.at(-1), 'ExecutionSucceeded')
  assert.ok(types.includes('CallbackSucceeded'))
})

test('runLocal should report a failed callback as a failed execution', async () => {
  const run = await runLocal(orderFlow, { id: 'o-2', amount: 1 }, {
    skipTime: true,
    callbacks: { approval: { fail: { ErrorType: 'Rejected', ErrorMessage: 'no budget' } } },
  })
  assert.is(run.status, 'FAILED')
  assert.ok(run.error?.ErrorMessage?.includes('no budget'), JSON.stringify(run.error))
})

test('runLocal should fail the execution when a step throws', async () => {
  const failing = durable(function* () {
    yield* step('ok', async () => 1)
    return yield* step('boom', async () => {
      throw new Error('card declined')
    }, { retryStrategy: () => ({ shouldRetry: false }) })
  }) as Handler
  const run = await runLocal(failing, {}, { skipTime: true })
  assert.is(run.status, 'FAILED')
  assert.is(run.error?.ErrorMessage, 'card declined')
  assert.is(run.operations.find((o) => o.Name === 'boom')?.Status, 'FAILED')
})

test('runLocal should reject, not hang, when a callback is never answered', async () => {
  await runLocal(orderFlow, { id: 'o-3', amount: 1 }, { skipTime: true }).then(
    () => assert.unreachable('should have thrown'),
    (e: Error) => assert.match(e.message, /approval/),
  )
})

test('createLocalRunner should step through a wait and a callback', async () => {
  const runner = createLocalRunner(orderFlow)
  runner.start({ id: 'o-4', amount: 7 })
  let state = await runner.runUntilIdle()
  assert.is(state.status, 'RUNNING')
  assert.is(runner.operation('cool-off')?.Status, 'STARTED')
  state = await runner.advance(30 * 24 * 3600)
  assert.is(runner.operation('cool-off')?.Status, 'SUCCEEDED')
  assert.is(runner.operation('approval')?.Status, 'STARTED')
  state = await runner.completeCallback('approval', { by: 'bob' })
  assert.is(state.status, 'SUCCEEDED')
  assert.equal((state.result as { approval: unknown }).approval, { by: 'bob' })
  runner.close()
})

test.run()
