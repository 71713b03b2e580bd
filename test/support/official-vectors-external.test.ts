// PROTOCOL.md §12 TV8 (createCallback), TV9 (waitForCallback), TV10 (chained invoke): the official SDK
// 2.4 through the fake service sends exactly these updates and maps each outcome to these errors.
import { withDurableExecution } from '@aws/durable-execution-sdk-js'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { ctxFail, ctxStart, ctxSucceed, requestsOf, stepFail, stepStart, stepSucceed, upd } from './expect-updates.js'
import { fakeClient } from './fake-client.js'
import { callbackFailure, callbackSuccess, callbackTimeout, chainedInvoke, INVOKE_TARGET, waitForCallback } from './official-scenarios-external.js'
import { runScenario } from './run-scenario.js'
import type { CallbackScript } from './scenario-types.js'
import { H } from './wire-id.js'

const client = fakeClient
type DurableErr = Error & { errorType?: string; errorData?: string; cause?: Error }
const describe = (e: unknown) => {
  const err = e as DurableErr
  return { type: err.errorType, message: err.message, data: err.errorData, cause: err.cause?.name }
}

test('TV8: createCallback START is confirmed alone, the step then checkpoints the service-chosen id', async () => {
  const r = await runScenario(callbackSuccess)
  const id = r.operations.find((o) => o.Id === H('1'))?.CallbackDetails?.CallbackId
  assert.type(id, 'string')
  assert.equal(requestsOf(r), [
    [
      [upd('CALLBACK', 'START', 'Callback', '1', { Name: 'approval', CallbackOptions: { TimeoutSeconds: 3600, HeartbeatTimeoutSeconds: 300 } })],
      [stepStart('2', { Name: 'notify' }), stepSucceed('2', { Name: 'notify', Payload: JSON.stringify(id) })],
    ],
    [],
  ])
  assert.equal(r.invocations.map((i) => i.output), [
    { Status: 'PENDING' },
    { Status: 'SUCCEEDED', Result: JSON.stringify({ raw: '{"approved":true}' }) },
  ])
})

test('TV8: CallbackOptions is {} without options and {TimeoutSeconds} with a timeout only', async () => {
  const none = await runScenario(callbackFailure)
  assert.equal(none.invocations[0]?.requests, [[upd('CALLBACK', 'START', 'Callback', '1', { Name: 'approval', CallbackOptions: {} })]])
  const timeoutOnly = await runScenario(callbackTimeout)
  assert.equal(timeoutOnly.invocations[0]?.requests, [
    [upd('CALLBACK', 'START', 'Callback', '1', { Name: 'approval', CallbackOptions: { TimeoutSeconds: 120 } })],
  ])
})

const catchCallback = withDurableExecution(async (_e, ctx) => {
  const [answer] = await ctx.createCallback('approval')
  try {
    return { value: await answer }
  } catch (e) {
    return describe(e)
  }
}, { client })

const outcomeOf = async (script: CallbackScript, timeoutSeconds?: number) => {
  const r = await runScenario({
    handler: timeoutSeconds === undefined ? catchCallback : callbackTimeout.handler,
    callbacks: [script],
  })
  assert.equal(r.invocations[1]?.requests, [], 'the outcome is replayed, nothing is checkpointed')
  return JSON.parse(r.result ?? 'null')
}

test('TV8: FAILED → CallbackExternalError with ErrorData and a cause named after ErrorType', async () => {
  const error = { ErrorType: 'Rejected', ErrorMessage: 'no way', ErrorData: '{"why":1}' }
  assert.equal(await outcomeOf({ outcome: 'fail', error }), {
    type: 'CallbackExternalError',
    message: 'no way',
    data: '{"why":1}',
    cause: 'Rejected',
  })
  const failed = await runScenario(callbackFailure)
  assert.equal(failed.error, { ErrorType: 'CallbackExternalError', ErrorMessage: 'no way', ErrorData: '{"why":1}' })
})

test('TV8: TIMED_OUT → CallbackTimeoutError("Callback timed out")', async () => {
  assert.equal(await outcomeOf({ outcome: 'timeout' }, 120), { caught: 'CallbackTimeoutError', message: 'Callback timed out' })
})

test('TV9: waitForCallback = CONTEXT+CALLBACK, then the submitter step, then CONTEXT SUCCEED double-encoded', async () => {
  const r = await runScenario(waitForCallback)
  assert.equal(requestsOf(r), [
    [
      [
        ctxStart('1', 'WaitForCallback', { Name: 'approve' }),
        upd('CALLBACK', 'START', 'Callback', '1-1', { parent: '1', CallbackOptions: { TimeoutSeconds: 600 } }),
      ],
      [stepStart('1-2', { parent: '1' }), stepSucceed('1-2', { parent: '1' })],
    ],
    [[ctxSucceed('1', 'WaitForCallback', { Name: 'approve', Payload: JSON.stringify('{"ok":1}') })]],
  ])
  assert.equal(r.invocations[1]?.output, { Status: 'SUCCEEDED', Result: JSON.stringify({ raw: '{"ok":1}' }) })
})

const catchWaitForCallback = (submitter: () => Promise<void>) =>
  withDurableExecution(async (_e, ctx) => {
    try {
      return { value: await ctx.waitForCallback('approve', submitter, { timeout: { minutes: 10 }, retryStrategy: () => ({ shouldRetry: false }) }) }
    } catch (e) {
      return describe(e)
    }
  }, { client })

test('TV9: a failing submitter FAILs the step, then the context with StepError; user sees CallbackSubmitterError', async () => {
  const r = await runScenario({
    handler: catchWaitForCallback(async () => {
      throw new Error('cannot submit')
    }),
  })
  const [first] = requestsOf(r)
  assert.equal(first?.slice(1), [
    [stepStart('1-2', { parent: '1' }), stepFail('1-2', { parent: '1', Error: { ErrorMessage: 'cannot submit', ErrorType: 'Error' } })],
    [ctxFail('1', 'WaitForCallback', { Name: 'approve', Error: { ErrorType: 'StepError', ErrorMessage: 'cannot submit' } })],
  ])
  assert.is(JSON.parse(r.result ?? '{}').type, 'CallbackSubmitterError')
})

test('TV9: a timed-out callback FAILs the context with CallbackTimeoutError in the next invocation', async () => {
  const r = await runScenario({ handler: catchWaitForCallback(async () => undefined), callbacks: [{ outcome: 'timeout' }] })
  assert.equal(r.invocations[1]?.requests, [
    [ctxFail('1', 'WaitForCallback', { Name: 'approve', Error: { ErrorType: 'CallbackTimeoutError', ErrorMessage: 'Callback timed out' } })],
  ])
  assert.equal(JSON.parse(r.result ?? '{}'), {
    type: 'CallbackTimeoutError',
    message: 'Callback timed out',
    cause: 'CallbackTimeoutError',
  })
})

test('TV10: invoke START carries the input and ChainedInvokeOptions; SUCCEEDED replays the decoded result', async () => {
  const r = await runScenario(chainedInvoke)
  assert.equal(requestsOf(r), [
    [[upd('CHAINED_INVOKE', 'START', 'ChainedInvoke', '1', {
      Name: 'call-b',
      Payload: '{"n":1}',
      ChainedInvokeOptions: { FunctionName: INVOKE_TARGET, TenantId: 't-9' },
    })]],
    [],
  ])
  assert.equal(r.invocations.map((i) => i.output), [{ Status: 'PENDING' }, { Status: 'SUCCEEDED', Result: '{"got":2}' }])
  assert.is(r.children[0]?.status, 'SUCCEEDED')
  assert.is(r.operations.find((o) => o.Id === H('1'))?.ChainedInvokeDetails?.Result, '{"sum":2}')
})

test('TV10: TIMED_OUT → InvokeError with the recorded message and ErrorData', async () => {
  const handler = withDurableExecution(async (_e, ctx) => {
    try {
      return { value: await ctx.invoke('call-b', INVOKE_TARGET, { n: 1 }) }
    } catch (e) {
      return describe(e)
    }
  }, { client })
  const r = await runScenario({
    handler,
    onService: (s) => s.store.seed({
      Id: H('1'), Type: 'CHAINED_INVOKE', SubType: 'ChainedInvoke', Name: 'call-b', Status: 'TIMED_OUT',
      ChainedInvokeDetails: { Error: { ErrorType: 'Sandbox.Timedout', ErrorMessage: 'timed out', ErrorData: 'x' } },
    }),
  })
  assert.equal(r.invocations[0]?.requests, [])
  assert.equal(JSON.parse(r.result ?? '{}'), { type: 'InvokeError', message: 'timed out', data: 'x', cause: 'Error' }, 'invoke causes are plain Errors (§5.5), unlike callbacks')
})

test.run()
