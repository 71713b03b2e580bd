/**
 * Our API's versions of the oracle scenarios that wait on the outside world (official-scenarios-external.ts):
 * callbacks answered, failed and timed out, waitForCallback, and a chained invoke whose target is also
 * written with our API. Names, callbacks scripts and invoke targets match the official scenarios.
 */
import { createCallback, durable, invoke, step, waitForCallback } from '../../shell/index.js'
import { fakeClient } from '../support/fake-client.js'
import { INVOKE_TARGET } from '../support/official-scenarios-external.js'
import type { Scenario } from '../support/scenario-types.js'

const client = fakeClient

export const callbackSuccess: Scenario = {
  name: 'callback-success',
  handler: durable(function* () {
    const [answer, id] = yield* createCallback('approval', { timeout: { hours: 1 }, heartbeatTimeout: { minutes: 5 } })
    yield* step('notify', async () => id)
    const raw = yield* answer
    return { raw }
  }, { client }),
  callbacks: [{ outcome: 'succeed', result: '{"approved":true}', afterSeconds: 30 }],
  expected: { status: 'SUCCEEDED', result: { raw: '{"approved":true}' } },
}

export const callbackFailure: Scenario = {
  name: 'callback-failure',
  handler: durable(function* () {
    const [answer] = yield* createCallback('approval')
    return yield* answer
  }, { client }),
  callbacks: [{ outcome: 'fail', error: { ErrorType: 'Rejected', ErrorMessage: 'no way', ErrorData: '{"why":1}' } }],
  expected: { status: 'FAILED' },
}

export const callbackTimeout: Scenario = {
  name: 'callback-timeout',
  handler: durable(function* () {
    const [answer] = yield* createCallback('approval', { timeout: { minutes: 2 } })
    try {
      return { answer: yield* answer }
    } catch (e) {
      const err = e as Error & { errorType?: string }
      return { caught: err.errorType ?? err.name, message: err.message }
    }
  }, { client }),
  callbacks: [{ outcome: 'timeout' }],
  expected: { status: 'SUCCEEDED', result: { caught: 'CallbackTimeoutError', message: 'Callback timed out' } },
}

export const waitForCallbackScenario: Scenario = {
  name: 'wait-for-callback',
  handler: durable(function* () {
    const raw = yield* waitForCallback('approve', async () => undefined, { timeout: { minutes: 10 } })
    return { raw }
  }, { client }),
  callbacks: [{ outcome: 'succeed', result: '{"ok":1}' }],
  expected: { status: 'SUCCEEDED', result: { raw: '{"ok":1}' } },
}

/** The target of `chained-invoke`, written with our API. */
export const invokeTarget = durable(function* (event: { n: number }) {
  const sum = yield* step('add', async () => event.n + 1)
  return { sum }
}, { client })

export const chainedInvoke: Scenario = {
  name: 'chained-invoke',
  handler: durable(function* () {
    const out = yield* invoke<{ sum: number }, { n: number }>('call-b', INVOKE_TARGET, { n: 1 }, { tenantId: 't-9' })
    return { got: out.sum }
  }, { client }),
  invokeTargets: { [INVOKE_TARGET]: invokeTarget },
  expected: { status: 'SUCCEEDED', result: { got: 2 } },
}

/** The name-less form: a second argument that is not a string is the input (the official rule). */
export const chainedInvokeUnnamed: Scenario = {
  name: 'chained-invoke-unnamed',
  handler: durable(function* () {
    const out = yield* invoke<{ sum: number }, { n: number }>(INVOKE_TARGET, { n: 2 })
    return { got: out.sum }
  }, { client }),
  invokeTargets: { [INVOKE_TARGET]: invokeTarget },
  expected: { status: 'SUCCEEDED', result: { got: 3 } },
}

export const externalScenarios: readonly Scenario[] = [
  callbackSuccess,
  callbackFailure,
  callbackTimeout,
  waitForCallbackScenario,
  chainedInvoke,
  chainedInvokeUnnamed,
]
