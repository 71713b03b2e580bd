import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { durable, step, wait, waitForCallback } from '../../../shell/index.js'
import { createLocalRunner, runLocal } from '../../../adapters/local/testing.js'

interface Order { id: string; amount: number }
const outbox: string[] = [] // stands in for the mail or queue client that reaches the manager

const refund = durable(function* (order: Order) {
  const answer = yield* waitForCallback('manager-approval', async (callbackId) => {
    outbox.push(callbackId)
  }, { timeout: { days: 2 } })
  if (answer !== 'yes') return { refunded: false }
  yield* wait('cooling-off', { days: 14 })
  const receipt = yield* step('refund', async () => `R-${order.id}-${order.amount}`)
  return { refunded: true, receipt }
})

test('should refund once the manager says yes (runLocal, virtual time)', async () => {
  const run = await runLocal(refund, { id: 'o-1', amount: 30 }, {
    skipTime: true,
    callbacks: { 'manager-approval': { succeed: 'yes' } },
  })
  assert.is(run.status, 'SUCCEEDED')
  assert.equal(run.result, { refunded: true, receipt: 'R-o-1-30' })
  assert.is(run.history.at(-1)?.['EventType'], 'ExecutionSucceeded')
})

test('should wait for the manager, then 14 days (step by step)', async () => {
  const runner = createLocalRunner(refund)
  runner.start({ id: 'o-2', amount: 5 })
  await runner.runUntilIdle()
  assert.is(runner.operation('manager-approval')?.Status, 'STARTED')
  assert.is(outbox.at(-1), runner.callbackId('manager-approval'))
  await runner.completeCallback('manager-approval', 'yes')
  assert.is(runner.operation('cooling-off')?.Status, 'STARTED')
  const done = await runner.advance(14 * 24 * 3600)
  assert.is(done.status, 'SUCCEEDED')
  runner.close()
})

test.run()
