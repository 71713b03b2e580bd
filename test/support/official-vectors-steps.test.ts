// PROTOCOL.md §12 TV1, TV3, TV4, TV6, TV7: the official SDK 2.4 driven through the fake service must
// send exactly the vector's updates, request by request, and answer exactly the vector's outputs.
import { StepSemantics, withDurableExecution } from '@aws/durable-execution-sdk-js'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { requestsOf, stepFail, stepRetry, stepStart, stepSucceed, ctxStart, ctxSucceed, waitStart } from './expect-updates.js'
import { fakeClient } from './fake-client.js'
import { atMostOnceStep, retryThenSuccess, stepWaitStep, undefinedResults } from './official-scenarios-basic.js'
import { runScenario } from './run-scenario.js'
import { H } from './wire-id.js'

const client = fakeClient
const INTERRUPTED = 'The step execution process was initiated but failed to reach completion due to an interruption.'

test('TV1: step, wait, step suspends once and replays the first two', async () => {
  const r = await runScenario(stepWaitStep)
  assert.equal(requestsOf(r), [
    [
      [stepStart('1', { Name: 'add' }), stepSucceed('1', { Name: 'add', Payload: '2' })],
      [waitStart('2', 10, { Name: 'pause' })],
    ],
    [[stepStart('3'), stepSucceed('3', { Payload: '20' })]],
  ])
  assert.equal(r.invocations.map((i) => i.output), [{ Status: 'PENDING' }, { Status: 'SUCCEEDED', Result: '{"a":2,"b":20}' }])
})

test('TV3: a retried at-least-once step sends START+RETRY, then START+SUCCEED with attempt 2', async () => {
  const r = await runScenario(retryThenSuccess)
  const retry = stepRetry('1', {
    Name: 'flaky',
    Error: { ErrorMessage: 'boom', ErrorType: 'TypeError' },
    StepOptions: { NextAttemptDelaySeconds: 3 },
  })
  assert.equal(requestsOf(r), [
    [[stepStart('1', { Name: 'flaky' }), retry]],
    [[stepStart('1', { Name: 'flaky' }), stepSucceed('1', { Name: 'flaky', Payload: '"ok@2"' })]],
  ])
  assert.equal(r.invocations[1]?.output, { Status: 'SUCCEEDED', Result: '"ok@2"' })
  const op = r.operations.find((o) => o.Id === H('1'))
  assert.is(op?.StepDetails?.Attempt, 2, 'service counts finished attempts')
})

test('TV3: replaying a PENDING retry whose time has not come sends nothing and answers PENDING', async () => {
  const first = await runScenario({ ...retryThenSuccess, maxInvocations: 1 })
  const pending = first.operations.find((o) => o.Id === H('1'))
  assert.is(pending?.Status, 'PENDING')
  assert.equal(pending?.StepDetails?.Attempt, 1)
  const again = await runScenario({
    handler: retryThenSuccess.handler,
    maxInvocations: 1,
    onService: (s) => s.store.seed({ ...pending!, StepDetails: { ...pending!.StepDetails, NextAttemptTimestamp: s.clock.now() + 3000 } }),
  })
  assert.equal(again.invocations[0]?.requests, [])
  assert.equal(again.invocations[0]?.output, { Status: 'PENDING' })
})

test('TV4: an at-most-once step confirms START alone, then SUCCEED alone; the next step batches', async () => {
  const r = await runScenario(atMostOnceStep)
  assert.equal(requestsOf(r), [
    [
      [stepStart('1', { Name: 'charge' })],
      [stepSucceed('1', { Name: 'charge', Payload: '"charged"' })],
      [stepStart('2', { Name: 'receipt' }), stepSucceed('2', { Name: 'receipt', Payload: '"charged:receipt"' })],
    ],
  ])
})

test('TV4: an interrupted at-most-once step without retry is FAILED with StepInterruptedError', async () => {
  const handler = withDurableExecution(async (_e, ctx) =>
    ctx.step('charge', async () => 'charged', {
      semantics: StepSemantics.AtMostOncePerRetry,
      retryStrategy: () => ({ shouldRetry: false }),
    }), { client })
  const r = await runScenario({
    handler,
    onService: (s) => s.store.seed({ Id: H('1'), Type: 'STEP', SubType: 'Step', Name: 'charge', Status: 'STARTED', StartTimestamp: s.clock.now() }),
  })
  assert.equal(requestsOf(r), [[[stepFail('1', { Name: 'charge', Error: { ErrorMessage: INTERRUPTED, ErrorType: 'StepInterruptedError' } })]]])
  assert.equal(r.invocations[0]?.output, { Status: 'FAILED', Error: { ErrorType: 'StepError', ErrorMessage: INTERRUPTED } })
})

test('TV6: undefined results carry no Payload and replay as undefined', async () => {
  const r = await runScenario(undefinedResults)
  assert.equal(requestsOf(r), [
    [
      [stepStart('1', { Name: 'fetch-user' }), stepSucceed('1', { Name: 'fetch-user' })],
      [
        ctxStart('2', 'RunInChildContext', { Name: 'parent' }),
        ctxSucceed('2', 'RunInChildContext', { Name: 'parent' }),
        waitStart('3', 1),
      ],
    ],
    [],
  ])
  assert.equal(r.invocations[1]?.output, { Status: 'SUCCEEDED', Result: '"result"' })
})

const failWith = async (thrown: unknown) => {
  const handler = withDurableExecution(async () => {
    throw thrown
  }, { client })
  return runScenario({ handler })
}

test('TV7: a thrown Error, RangeError or string FAILS the execution with no checkpoint', async () => {
  const plain = await failWith(new Error('Intentional handler failure'))
  assert.equal(plain.invocations, [{
    requests: [],
    output: { Status: 'FAILED', Error: { ErrorMessage: 'Intentional handler failure', ErrorType: 'Error' } },
    rejections: [],
  }])
  const range = await failWith(new RangeError('bad input'))
  assert.equal(range.error, { ErrorMessage: 'bad input', ErrorType: 'RangeError' })
  const text = await failWith('just a string')
  assert.equal(text.error, { ErrorMessage: 'Unknown error' })
  assert.is(text.status, 'FAILED')
})

test('TV7: a handler returning undefined SUCCEEDS without Result', async () => {
  const r = await runScenario({ handler: withDurableExecution(async () => undefined, { client }) })
  assert.equal(r.invocations[0]?.output, { Status: 'SUCCEEDED' })
  assert.is(r.status, 'SUCCEEDED')
})

test.run()
