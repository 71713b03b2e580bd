/**
 * Runs one requirement against a `ConformanceTarget`, following conformance/README.md: bind the
 * Variables, substitute the Input, then either invoke synchronously and read the history once, or
 * invoke asynchronously and poll (every ~2 s on the target's clock): stop at a terminal event, or
 * after 30 s without new events (a failure); in each non-terminal poll send the due callback actions
 * (their delays block and add up); without ExpectedResult, pass as soon as the history matches.
 * Then history (H), result (R) and logs (L). Every error is collected; the requirement passes iff
 * there is none. Target failures (a throw) become errors too: one requirement never stops a run.
 */
import { decideCallbackActions, initialCallbackActionsState, type CallbackSend } from './callback-actions.js'
import { matchHistory } from './match-history.js'
import { matchLogs, selectExecutionRecords } from './match-logs.js'
import { matchResult } from './match-result.js'
import type { Requirement } from './requirement.js'
import { bindVariables, substituteValue, type Bindings, type RandomIndex } from './substitute.js'
import type { ConformanceTarget } from './target.js'
import type { FunctionMapping } from './template.js'

export interface PollingOptions {
  readonly pollIntervalSeconds: number
  readonly noProgressTimeoutSeconds: number
  /** A guard against an execution that keeps adding events forever. */
  readonly maxPolls: number
}

export const defaultPolling: PollingOptions = { pollIntervalSeconds: 2, noProgressTimeoutSeconds: 30, maxPolls: 1000 }

export interface RequirementOutcome {
  readonly passed: boolean
  readonly errors: readonly string[]
  readonly executionArn?: string | undefined
  readonly bindings: Bindings
  readonly callbacksSent: number
}

const TERMINAL_EVENTS = new Set(['ExecutionSucceeded', 'ExecutionFailed', 'ExecutionTimedOut', 'ExecutionStopped'])

function isTerminal(events: readonly unknown[]): boolean {
  return events.some((event) => typeof event === 'object' && event !== null && 'EventType' in event && TERMINAL_EVENTS.has(String(event.EventType)))
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

interface Run {
  readonly requirement: Requirement
  readonly target: ConformanceTarget
  readonly errors: string[]
  bindings: Bindings
  callbacksSent: number
}

async function send(run: Run, action: CallbackSend): Promise<void> {
  if (action.delaySeconds > 0) await run.target.clock.sleep(action.delaySeconds)
  const operation = { SendSuccess: 'success', SendFailure: 'failure', SendHeartbeat: 'heartbeat' }[action._tag]
  try {
    if (action._tag === 'SendSuccess') await run.target.sendCallbackSuccess(action.callbackId, action.result)
    else if (action._tag === 'SendFailure') await run.target.sendCallbackFailure(action.callbackId, action.error)
    else await run.target.sendCallbackHeartbeat(action.callbackId)
    run.callbacksSent += 1
  } catch (error) {
    run.errors.push(`Callback ${operation} for '${action.callbackName}' (CallbackId ${action.callbackId}) failed: ${messageOf(error)}`)
  }
}

function checkHistory(run: Run, events: readonly unknown[]): void {
  const match = matchHistory(run.requirement.expectedHistory, events, run.bindings)
  run.bindings = match.bindings
  run.errors.push(...match.errors.map((mismatch) => mismatch.message))
}

/** Polls until terminal, stalled, or (history-only requirements) matched; returns the last history and whether it matched early. */
async function poll(run: Run, executionArn: string, polling: PollingOptions): Promise<{ events: readonly unknown[]; matchedEarly: boolean }> {
  const { requirement, target } = run
  let state = initialCallbackActionsState
  let events: readonly unknown[] = []
  let lastCount = 0
  let lastProgress = target.clock.now()
  for (let round = 0; round < polling.maxPolls; round += 1) {
    await target.clock.sleep(polling.pollIntervalSeconds)
    events = await target.getHistory(executionArn)
    if (isTerminal(events)) return { events, matchedEarly: false }
    if (events.length > lastCount) {
      lastCount = events.length
      lastProgress = target.clock.now()
    } else if (target.clock.now() - lastProgress >= polling.noProgressTimeoutSeconds * 1000) {
      const seconds = ((target.clock.now() - lastProgress) / 1000).toFixed(1)
      run.errors.push(`No new history events for ${seconds}s (timeout ${polling.noProgressTimeoutSeconds}s) and the execution is not terminal; the history has ${events.length} event(s)`)
      return { events, matchedEarly: false }
    }
    const decision = decideCallbackActions(events, requirement.callbackActions, state, run.bindings)
    state = decision.state
    run.errors.push(...decision.errors)
    for (const action of decision.sends) await send(run, action)
    if (requirement.expectedResult === undefined && requirement.expectedHistory.length > 0) {
      const tentative = matchHistory(requirement.expectedHistory, events, run.bindings)
      if (tentative.errors.length === 0) {
        run.bindings = tentative.bindings
        return { events, matchedEarly: true }
      }
    }
  }
  run.errors.push(`The execution was still running after ${polling.maxPolls} polls; it never became terminal`)
  return { events, matchedEarly: false }
}

async function runSteps(run: Run, fn: FunctionMapping, polling: PollingOptions): Promise<string> {
  const { requirement, target } = run
  const input = substituteValue(requirement.input, run.bindings)
  if (!requirement.asyncInvoke) {
    if (requirement.expectedHistory.length === 0) run.errors.push(`${requirement.file}: a synchronous requirement needs a non-empty ExpectedExecutionHistory`)
    const { executionArn } = await target.invokeSync(fn, input)
    checkHistory(run, await target.getHistory(executionArn))
    return executionArn
  }
  const { executionArn } = await target.invokeAsync(fn, input)
  const { events, matchedEarly } = await poll(run, executionArn, polling)
  if (!matchedEarly && requirement.expectedHistory.length > 0) checkHistory(run, events)
  return executionArn
}

export async function runRequirement(
  requirement: Requirement,
  fn: FunctionMapping,
  target: ConformanceTarget,
  options: { readonly randomIndex: RandomIndex; readonly polling?: Partial<PollingOptions> },
): Promise<RequirementOutcome> {
  const polling: PollingOptions = {
    ...defaultPolling,
    ...(requirement.pollIntervalSeconds !== undefined && { pollIntervalSeconds: requirement.pollIntervalSeconds }),
    ...(requirement.noProgressTimeoutSeconds !== undefined && { noProgressTimeoutSeconds: requirement.noProgressTimeoutSeconds }),
    ...options.polling,
  }
  const run: Run = { requirement, target, errors: [], bindings: bindVariables(requirement.variables, options.randomIndex), callbacksSent: 0 }
  let executionArn: string | undefined
  try {
    executionArn = await runSteps(run, fn, polling)
    if (requirement.expectedResult !== undefined) run.errors.push(...matchResult(requirement.expectedResult, await target.getExecution(executionArn), run.bindings))
    if (requirement.expectedLogs !== undefined && requirement.expectedLogs.length > 0) {
      const records = selectExecutionRecords(await target.readLogLines(executionArn), executionArn)
      run.errors.push(...matchLogs(requirement.expectedLogs, records, run.bindings))
    }
  } catch (error) {
    run.errors.push(`${fn.functionLogicalId} (${fn.handler}): ${messageOf(error)}`)
  }
  return { passed: run.errors.length === 0, errors: run.errors, executionArn, bindings: run.bindings, callbacksSent: run.callbacksSent }
}
