/**
 * Scenarios that exist only for the interop test, written with both SDKs under one name: variants of
 * differential scenarios the official runner cannot play in reasonable wall time. `callback-timeout`
 * waits 2 minutes and the runner arms callback timeouts with a real timer, so `callback-timeout-short`
 * is the same workflow with a 1-second timeout: nobody answers, the callback is TIMED_OUT and the
 * handler catches the CallbackTimeoutError.
 */
import { withDurableExecution } from '@aws/durable-execution-sdk-js'
import { createCallback, durable } from '../../shell/index.js'
import { fakeClient } from '../support/fake-client.js'
import type { Scenario } from '../support/scenario-types.js'

const client = fakeClient

export interface InteropPair {
  readonly official: Scenario
  readonly ours: Scenario
}

const CALLBACK_TIMEOUT_SHORT = 'callback-timeout-short'
const timeoutScript = [{ outcome: 'timeout' }] as const
const timeoutExpected = { status: 'SUCCEEDED', result: { caught: 'CallbackTimeoutError', message: 'Callback timed out' } } as const

const officialCallbackTimeoutShort: Scenario = {
  name: CALLBACK_TIMEOUT_SHORT,
  handler: withDurableExecution(async (_event, ctx) => {
    const [answer] = await ctx.createCallback('approval', { timeout: { seconds: 1 } })
    try {
      return { answer: await answer }
    } catch (e) {
      const err = e as Error & { errorType?: string }
      return { caught: err.errorType ?? err.name, message: err.message }
    }
  }, { client }),
  callbacks: timeoutScript,
  expected: timeoutExpected,
}

const ourCallbackTimeoutShort: Scenario = {
  name: CALLBACK_TIMEOUT_SHORT,
  handler: durable(function* () {
    const [answer] = yield* createCallback('approval', { timeout: { seconds: 1 } })
    try {
      return { answer: yield* answer }
    } catch (e) {
      const err = e as Error & { errorType?: string }
      return { caught: err.errorType ?? err.name, message: err.message }
    }
  }, { client }),
  callbacks: timeoutScript,
  expected: timeoutExpected,
}

export const interopScenarios: readonly InteropPair[] = [{ official: officialCallbackTimeoutShort, ours: ourCallbackTimeoutShort }]

export const interopPair = (name: string): InteropPair | undefined => interopScenarios.find((p) => p.official.name === name)
