/**
 * Decides, for one poll of an async requirement, which callback actions to send now. Pure: it gets
 * the history so far, the actions and what earlier polls used and handled, and returns the sends in
 * order plus the new state. CallbackStarted events are scanned in history order; a callback without
 * a Name under a WaitForCallback context takes the context's Name; the first unused action whose
 * S(CallbackName) is `'*'`, the name, or a `${/re/}` matching it is used. A heartbeat does not handle
 * the callback, so its next action goes out on a later poll. Success Results are Python
 * `json.dumps` text, because that is what the official runner sends and payload assertions compare.
 */
import { isRecord, type JsonRecord } from './json-values.js'
import { searchPythonRegex } from './python-regex.js'
import { pythonJsonDumps } from './python-text.js'
import type { CallbackAction, CallbackFailurePayload } from './requirement.js'
import { substituteText, substituteValue, type Bindings } from './substitute.js'

export interface CallbackActionsState {
  readonly usedActions: ReadonlySet<number>
  readonly handledCallbacks: ReadonlySet<string>
}

interface SendCommon {
  readonly callbackId: string
  readonly callbackName: string
  readonly actionIndex: number
  readonly delaySeconds: number
}

export type CallbackSend =
  | (SendCommon & { readonly _tag: 'SendSuccess'; readonly result?: string | undefined })
  | (SendCommon & { readonly _tag: 'SendFailure'; readonly error: CallbackFailurePayload })
  | (SendCommon & { readonly _tag: 'SendHeartbeat' })

export interface CallbackActionsDecision {
  readonly sends: readonly CallbackSend[]
  readonly errors: readonly string[]
  readonly state: CallbackActionsState
}

export const initialCallbackActionsState: CallbackActionsState = { usedActions: new Set(), handledCallbacks: new Set() }

const NAMED_BY_PARENT = new Set(['CallbackStarted', 'StepStarted', 'StepSucceeded'])
const REGEX_MATCHER = /^\$\{\/(.+)\/\}$/s

/** The event's Name, or for a nameless callback/step under a WaitForCallback context, the context's. */
export function effectiveEventName(event: JsonRecord, events: readonly unknown[]): string | undefined {
  if (typeof event.Name === 'string') return event.Name
  if (typeof event.EventType !== 'string' || !NAMED_BY_PARENT.has(event.EventType) || typeof event.ParentId !== 'string') return undefined
  const parent = events.find(
    (candidate) => isRecord(candidate) && candidate.EventType === 'ContextStarted' && candidate.SubType === 'WaitForCallback' && candidate.Id === event.ParentId,
  )
  return isRecord(parent) && typeof parent.Name === 'string' ? parent.Name : undefined
}

export function callbackNameMatches(pattern: string, eventName: string): boolean {
  if (pattern === '*' || pattern === eventName) return true
  const regex = REGEX_MATCHER.exec(pattern)?.[1]
  return regex !== undefined && searchPythonRegex(regex, eventName).matched
}

function callbackIdOf(event: JsonRecord): string | undefined {
  const details = event.CallbackStartedDetails
  return isRecord(details) && typeof details.CallbackId === 'string' && details.CallbackId !== '' ? details.CallbackId : undefined
}

function substituteFailure(payload: CallbackFailurePayload, bindings: Bindings): CallbackFailurePayload {
  const text = (value: string | undefined) => (value === undefined ? undefined : substituteText(value, bindings))
  return {
    ...(payload.ErrorType !== undefined && { ErrorType: text(payload.ErrorType) }),
    ...(payload.ErrorMessage !== undefined && { ErrorMessage: text(payload.ErrorMessage) }),
    ...(payload.ErrorData !== undefined && { ErrorData: text(payload.ErrorData) }),
    ...(payload.StackTrace !== undefined && { StackTrace: payload.StackTrace.map((line) => substituteText(line, bindings)) }),
  }
}

function toSend(action: CallbackAction, common: SendCommon, bindings: Bindings): CallbackSend {
  switch (action.Operation) {
    case 'success': {
      const payload = action.Payload === undefined || action.Payload === null ? undefined : substituteValue(action.Payload, bindings)
      return { _tag: 'SendSuccess', ...common, result: payload === undefined ? undefined : pythonJsonDumps(payload) }
    }
    case 'failure':
      return { _tag: 'SendFailure', ...common, error: substituteFailure(action.Payload ?? {}, bindings) }
    case 'heartbeat':
      return { _tag: 'SendHeartbeat', ...common }
  }
}

export function decideCallbackActions(
  events: readonly unknown[],
  actions: readonly CallbackAction[],
  state: CallbackActionsState,
  bindings: Bindings,
): CallbackActionsDecision {
  const usedActions = new Set(state.usedActions)
  const handledCallbacks = new Set(state.handledCallbacks)
  const sends: CallbackSend[] = []
  const errors: string[] = []
  for (const event of events) {
    if (!isRecord(event) || event.EventType !== 'CallbackStarted') continue
    const callbackId = callbackIdOf(event)
    if (callbackId === undefined || handledCallbacks.has(callbackId)) continue
    const callbackName = effectiveEventName(event, events) ?? ''
    const actionIndex = actions.findIndex(
      (action, index) => !usedActions.has(index) && callbackNameMatches(substituteText(action.CallbackName, bindings), callbackName),
    )
    const action = actions[actionIndex]
    if (action === undefined) {
      // Handled either way: an open callback with no actions is a timeout test; a missing action is reported once.
      if (actions.length > 0) errors.push(`No CallbackAction matches callback '${callbackName}' (CallbackId ${callbackId}); add one whose CallbackName is '*', the name or a \${/regex/} for it`)
      handledCallbacks.add(callbackId)
      continue
    }
    usedActions.add(actionIndex)
    if (action.Operation !== 'heartbeat') handledCallbacks.add(callbackId)
    sends.push(toSend(action, { callbackId, callbackName, actionIndex, delaySeconds: action.Delay ?? 0 }, bindings))
  }
  return { sends, errors, state: { usedActions, handledCallbacks } }
}
