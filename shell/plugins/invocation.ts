/**
 * The invocation hooks around one handler call, in the official SDK 2.4 order: onInvocationStart
 * (awaited) before any workflow code, then wrapInvocation around the run, inside which
 * onInvocationEnd fires once with the status the invocation answers: SUCCEEDED / FAILED / PENDING,
 * or RETRYING when the invocation throws so that Lambda retries it.
 */
import type { Operation } from '../../core/types.js'
import { fromRecord, lazyMap, subset } from './info.js'
import type { Runner } from './runner.js'
import type { InvocationEndInfo, InvocationInfo, InvocationOutputLike, PluginInvocationStatus } from './types.js'

export interface InvocationFacts {
  readonly requestId: string
  readonly executionArn: string
  readonly executionInput: unknown
  readonly history: ReadonlyMap<string, Operation>
  readonly execution: Operation | undefined
  readonly updatedIds: readonly string[]
  readonly isFirstInvocation: boolean
}

/** How the run ended, as the end hook reports it. */
export type RunEnd =
  | { readonly status: Exclude<PluginInvocationStatus, 'RETRYING'>; readonly output: InvocationOutputLike; readonly result?: unknown; readonly error?: Error }
  | { readonly status: 'RETRYING'; readonly thrown: unknown }

export function startInfo(facts: InvocationFacts): InvocationInfo {
  const start = facts.execution?.StartTimestamp
  return {
    requestId: facts.requestId,
    executionArn: facts.executionArn,
    executionInput: facts.executionInput,
    operations: snapshot(facts.history),
    ...(start !== undefined ? { executionStartTimestamp: new Date(start) } : {}),
    isFirstInvocation: facts.isFirstInvocation,
    updatedOperations: subset(facts.history, facts.updatedIds),
  }
}

/** The start map is taken now: the history changes in place as the invocation goes on. */
function snapshot(history: ReadonlyMap<string, Operation>): Record<string, ReturnType<typeof fromRecord>> {
  const ops = [...history.values()]
  return lazyMap(() => ops)
}

function endInfo(facts: InvocationFacts, start: InvocationInfo, end: RunEnd): InvocationEndInfo {
  const base = {
    requestId: start.requestId,
    executionArn: start.executionArn,
    executionInput: start.executionInput,
    operations: lazyMap(() => facts.history.values()),
    ...(start.executionStartTimestamp !== undefined ? { executionStartTimestamp: start.executionStartTimestamp } : {}),
    isFirstInvocation: start.isFirstInvocation,
  }
  if (end.status === 'RETRYING') return { ...base, status: 'RETRYING', executionError: asError(end.thrown) }
  return {
    ...base,
    status: end.status,
    ...(end.result !== undefined ? { executionResult: end.result } : {}),
    ...(end.error !== undefined ? { executionError: end.error } : {}),
  }
}

const asError = (value: unknown): Error => (value instanceof Error ? value : new Error(String(value)))

/** Runs `execute` between the invocation hooks; its answer (or its throw) is the invocation's. */
export async function instrumented(runner: Runner, facts: InvocationFacts, execute: () => Promise<RunEnd>): Promise<InvocationOutputLike> {
  const start = startInfo(facts)
  await runner.run('onInvocationStart', start)
  const body = async (): Promise<InvocationOutputLike> => {
    let end: RunEnd
    try {
      end = await execute()
    } catch (thrown) {
      end = { status: 'RETRYING', thrown }
    }
    await runner.run('onInvocationEnd', endInfo(facts, start, end))
    if (end.status === 'RETRYING') throw end.thrown
    return end.output
  }
  return runner.has('wrapInvocation') ? await runner.wrap('wrapInvocation', start, body) : body()
}
