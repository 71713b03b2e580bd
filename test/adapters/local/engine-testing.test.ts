import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createLocalRunner, runLocal } from '../../../adapters/local/testing.js'
import { handlers } from './model/harness.js'

const handler = (name: string) => {
  const h = handlers[name]
  if (!h) throw new Error(`no handler ${name}`)
  return h
}

const secondsOf = (events: readonly Record<string, unknown>[], type: string, start: number) =>
  events.filter((e) => e['EventType'] === type).map((e) => ((e['EventTimestamp'] as Date).getTime() - start) / 1000)

test('should let each retry fire at its own due time within one advance()', async () => {
  const runner = createLocalRunner(handler('retrier'))
  runner.start(7)
  const start = runner.clock.now()
  await runner.runUntilIdle()
  const state = await runner.advance(30)
  assert.is(state.status, 'SUCCEEDED')
  assert.is(state.result, 7)
  assert.equal(secondsOf(state.history, 'StepStarted', start), [0, 10, 20])
  assert.is(runner.clock.now() - start, 30_000)
  runner.close()
})

test('should run chained invokes against invokeTargets', async () => {
  const run = await runLocal(handler('parent'), 4, { skipTime: true, invokeTargets: { child: handler('child') } })
  assert.is(run.status, 'SUCCEEDED')
  assert.is(run.result, 40)
  assert.is(run.operations.find((o) => o.Type === 'CHAINED_INVOKE')?.Status, 'SUCCEEDED')
  assert.ok(run.history.some((e) => e['EventType'] === 'ChainedInvokeSucceeded'))
})

test('should keep a callback alive with heartbeatCallback and time it out without', async () => {
  const runner = createLocalRunner(handler('approval'))
  runner.start()
  await runner.runUntilIdle()
  await runner.advance(8)
  await runner.heartbeatCallback('approval')
  await runner.advance(8)
  assert.is(runner.operation('approval')?.Status, 'STARTED')
  const state = await runner.advance(3)
  assert.is(runner.operation('approval')?.Status, 'TIMED_OUT')
  assert.is(state.status, 'FAILED')
  assert.throws(() => runner.heartbeatCallback('approval'), /No started callback named "approval"/)
  runner.close()
})

test('should fail a callback by name with failCallback and report the error', async () => {
  const runner = createLocalRunner(handler('approval'))
  runner.start()
  await runner.runUntilIdle()
  const id = runner.callbackId('approval')
  assert.type(id, 'string')
  assert.is(runner.callbackId('nobody'), undefined)
  const state = await runner.failCallback('approval', { ErrorType: 'Rejected', ErrorMessage: 'over budget' })
  assert.is(state.status, 'FAILED')
  assert.is(state.error?.ErrorMessage, 'over budget')
  assert.is(runner.operation('approval')?.CallbackDetails?.CallbackId, id)
  runner.close()
})

test('should stop run() on a virtual clock that does not skip, naming the timer, and go on with advance()', async () => {
  const runner = createLocalRunner(handler('waiter'))
  const err = await runner.run(1).then(() => undefined, (e: unknown) => e)
  assert.instance(err, Error)
  assert.match((err as Error).message, /timer is due in 60 s \(call advance\(\), or use skipTime\)/)
  const state = await runner.advance(60)
  assert.is(state.status, 'SUCCEEDED')
  assert.is(state.result, 4)
  runner.close()
})

test.run()
