/**
 * Scenarios written with the official SDK 2.4 that wait on the outside world: callbacks (answered,
 * failed, timed out, through `createCallback` and `waitForCallback`) and a chained invoke. The outside
 * world is scripted in the scenario (`callbacks` in creation order, `invokeTargets` by function name)
 * so the fake service plays it identically for both SDKs. Workflows follow PROTOCOL.md TV8–TV10.
 */
import { withDurableExecution } from '@aws/durable-execution-sdk-js'
import { fakeClient } from './fake-client.js'
import type { Scenario } from './scenario-types.js'

const client = fakeClient

/** TV8: callback with both timeouts, its id handed out by a step, answered with a JSON string. */
export const callbackSuccess: Scenario = {
  name: 'callback-success',
  handler: withDurableExecution(async (_event, ctx) => {
    const [answer, id] = await ctx.createCallback('approval', { timeout: { hours: 1 }, heartbeatTimeout: { minutes: 5 } })
    await ctx.step('notify', async () => id)
    const raw = await answer
    return { raw }
  }, { client }),
  callbacks: [{ outcome: 'succeed', result: '{"approved":true}', afterSeconds: 30 }],
  expected: { status: 'SUCCEEDED', result: { raw: '{"approved":true}' } },
}

/** A callback failed from outside; the error escapes and FAILS the execution as a CallbackExternalError. */
export const callbackFailure: Scenario = {
  name: 'callback-failure',
  handler: withDurableExecution(async (_event, ctx) => {
    const [answer] = await ctx.createCallback('approval')
    return answer
  }, { client }),
  callbacks: [{ outcome: 'fail', error: { ErrorType: 'Rejected', ErrorMessage: 'no way', ErrorData: '{"why":1}' } }],
  expected: { status: 'FAILED' },
}

/** Nobody answers; after its 2-minute timeout the callback is TIMED_OUT and the handler catches it. */
export const callbackTimeout: Scenario = {
  name: 'callback-timeout',
  handler: withDurableExecution(async (_event, ctx) => {
    const [answer] = await ctx.createCallback('approval', { timeout: { minutes: 2 } })
    try {
      return { answer: await answer }
    } catch (e) {
      const err = e as Error & { errorType?: string }
      return { caught: err.errorType ?? err.name, message: err.message }
    }
  }, { client }),
  callbacks: [{ outcome: 'timeout' }],
  expected: { status: 'SUCCEEDED', result: { caught: 'CallbackTimeoutError', message: 'Callback timed out' } },
}

/** TV9: waitForCallback = CONTEXT(WaitForCallback) + unnamed CALLBACK + unnamed submitter STEP. */
export const waitForCallback: Scenario = {
  name: 'wait-for-callback',
  handler: withDurableExecution(async (_event, ctx) => {
    const raw = await ctx.waitForCallback('approve', async () => undefined, { timeout: { minutes: 10 } })
    return { raw }
  }, { client }),
  callbacks: [{ outcome: 'succeed', result: '{"ok":1}' }],
  expected: { status: 'SUCCEEDED', result: { raw: '{"ok":1}' } },
}

export const INVOKE_TARGET = 'arn:aws:lambda:us-east-1:123456789012:function:b:1'

/** The target of `chained-invoke`: a durable function of its own. */
export const invokeTarget = withDurableExecution(async (event: { n: number }, ctx) => {
  const sum = await ctx.step('add', async () => event.n + 1)
  return { sum }
}, { client })

/** TV10: invoke a durable function by ARN with a tenant id; the service runs it and completes the invoke. */
export const chainedInvoke: Scenario = {
  name: 'chained-invoke',
  handler: withDurableExecution(async (_event, ctx) => {
    const out = await ctx.invoke<{ n: number }, { sum: number }>('call-b', INVOKE_TARGET, { n: 1 }, { tenantId: 't-9' })
    return { got: out.sum }
  }, { client }),
  invokeTargets: { [INVOKE_TARGET]: invokeTarget },
  expected: { status: 'SUCCEEDED', result: { got: 2 } },
}

/** The same invoke without a name: the official SDK takes a non-string second argument as the input. */
export const chainedInvokeUnnamed: Scenario = {
  name: 'chained-invoke-unnamed',
  handler: withDurableExecution(async (_event, ctx) => {
    const out = await ctx.invoke<{ n: number }, { sum: number }>(INVOKE_TARGET, { n: 2 })
    return { got: out.sum }
  }, { client }),
  invokeTargets: { [INVOKE_TARGET]: invokeTarget },
  expected: { status: 'SUCCEEDED', result: { got: 3 } },
}

export const externalScenarios: readonly Scenario[] = [
  callbackSuccess,
  callbackFailure,
  callbackTimeout,
  waitForCallback,
  chainedInvoke,
  chainedInvokeUnnamed,
]
