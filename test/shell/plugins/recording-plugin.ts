/**
 * A plugin object in the official SDK 2.4 shape (every hook, wrap hooks included) that records each
 * call as plain data: the hook name and the info fields that must agree between SDKs (ids, names,
 * types, statuses, replay flags, attempts, outcomes, results, error messages). Timestamps, request
 * ids and the execution ARN differ per run and are left out; map sizes are kept as counts.
 */
import * as assert from 'uvu/assert'
import { runScenario, type RunOptions } from '../../support/run-scenario.js'
import type { LambdaHandler } from '../../support/scenario-types.js'

export type Call = Record<string, unknown>

const KEYS = ['id', 'name', 'type', 'subType', 'parentId', 'status', 'isReplay', 'attempt', 'outcome', 'result', 'isFirstInvocation']

function pick(hook: string, info: Record<string, unknown>): Call {
  const call: Call = { hook }
  for (const key of KEYS) if (info[key] !== undefined) call[key] = info[key]
  if (info.error instanceof Error) call.error = info.error.message
  if (info.executionError instanceof Error) call.executionError = info.executionError.message
  if (info.executionResult !== undefined) call.executionResult = info.executionResult
  if (typeof info.operations === 'object' && info.operations !== null) call.operations = Object.keys(info.operations).length
  if (typeof info.updatedOperations === 'object' && info.updatedOperations !== null) {
    const updated = info.updatedOperations as Record<string, { status?: string }>
    call.updated = Object.keys(updated).map((id) => `${id}:${updated[id]?.status}`)
  }
  return call
}

// biome-ignore lint: the recorder is handed to both SDKs, whose plugin types differ in name only.
export function recordingPlugin(calls: Call[]): any {
  const on = (hook: string) => async (info: Record<string, unknown>) => {
    calls.push(pick(hook, info))
  }
  return {
    onInvocationStart: on('onInvocationStart'),
    onInvocationEnd: on('onInvocationEnd'),
    onOperationStart: on('onOperationStart'),
    onOperationEnd: on('onOperationEnd'),
    onOperationAttemptStart: on('onOperationAttemptStart'),
    onOperationAttemptEnd: on('onOperationAttemptEnd'),
    onOperationChange: on('onOperationChange'),
    async wrapInvocation(info: Record<string, unknown>, fn: () => Promise<{ Status: string }>) {
      calls.push({ ...pick('wrapInvocation', info), phase: 'before' })
      const output = await fn()
      calls.push({ hook: 'wrapInvocation', phase: 'after', output: output.Status })
      return output
    },
    wrapOperationAttemptFn(info: Record<string, unknown>, fn: () => unknown) {
      calls.push(pick('wrapOperationAttemptFn', info))
      return fn()
    },
    wrapChildContextFn(info: Record<string, unknown>, fn: () => unknown) {
      calls.push(pick('wrapChildContextFn', info))
      return fn()
    },
  }
}

/** A recorded call as the official SDK 2.4 makes it: our one documented extension, isFirstInvocation on invocation-end info (10-16, 10-19), left out. */
export const official24 = (call: Call): Call => {
  if (call.hook !== 'onInvocationEnd') return call
  const { isFirstInvocation: _extension, ...rest } = call
  return rest
}

/** Runs the official SDK's handler and ours through the same scenario, each with a recording plugin. */
export async function recordBoth(official: (calls: Call[]) => LambdaHandler, ours: (calls: Call[]) => LambdaHandler, options: Omit<RunOptions, 'handler'> = { input: {} }) {
  const expected: Call[] = []
  const actual: Call[] = []
  const theirs = await runScenario({ ...options, handler: official(expected) })
  const mine = await runScenario({ ...options, handler: ours(actual) })
  return { expected, actual, theirs, mine }
}

const summary = (calls: Call[]) => calls.map((c) => `${String(c.hook)}:${String(c.name ?? '')}${c.isReplay === true ? ':replay' : ''}`)

/** Ours made the official SDK 2.4's calls: the same sequence (hook, name, replay flag), then each call's fields. */
export function assertSameCalls(actual: Call[], expected: Call[]): void {
  assert.equal(summary(actual), summary(expected))
  expected.forEach((call, i) => assert.equal(official24(actual[i]!), call, `call #${i} (${String(call.hook)})`))
}
