/**
 * The tooling APIs (not used by handlers): GetDurableExecution, GetDurableExecutionHistory,
 * ListDurableExecutionsByFunction, StopDurableExecution and the three SendDurableExecutionCallback*
 * calls. Outputs have the AWS SDK command output shapes (Date timestamps). Callback ids resolve only
 * through the engine's callback table, which binds each id to one execution and operation.
 */
import type { Event, ExecutionStatus as SdkExecutionStatus } from '@aws-sdk/client-lambda'
import * as E from 'fp-ts/lib/Either.js'
import type { ErrorObject } from '../../core/types.js'
import * as W from '../wire/codecs.js'
import type { Core } from './core.js'
import * as Err from './errors.js'
import * as External from './external-events.js'
import * as History from './history.js'
import { MAX_CALLBACK_RESULT_BYTES } from './limits.js'
import type { Live } from './live.js'
import type { ExecutionRecord, ExecutionStatus } from './model.js'
import * as View from './state-view.js'
import { Tx } from './tx.js'

function liveOf(core: Core, arn: string): Live {
  const live = core.live.get(arn)
  if (!live) throw Err.executionNotFound(arn)
  return live
}

export interface ExecutionView {
  readonly DurableExecutionArn: string
  readonly DurableExecutionName: string
  readonly FunctionArn: string
  readonly Status: ExecutionStatus
  readonly StartTimestamp: Date
  readonly EndTimestamp?: Date
  readonly InputPayload?: string
  readonly Result?: string
  readonly Error?: ErrorObject
  readonly Version: string
}

export function view(r: ExecutionRecord): ExecutionView {
  return {
    DurableExecutionArn: r.arn,
    DurableExecutionName: r.name,
    FunctionArn: r.functionArn,
    Status: r.status,
    StartTimestamp: new Date(r.startTimestamp),
    ...(r.endTimestamp !== undefined ? { EndTimestamp: new Date(r.endTimestamp) } : {}),
    ...(r.input !== undefined ? { InputPayload: r.input } : {}),
    ...(r.result !== undefined ? { Result: r.result } : {}),
    ...(r.error !== undefined ? { Error: r.error } : {}),
    Version: r.version,
  }
}

export const getExecution = (core: Core, arn: string): ExecutionView => view(liveOf(core, arn).record)

export interface HistoryParams {
  readonly DurableExecutionArn: string
  readonly MaxItems?: number
  readonly Marker?: string
  readonly ReverseOrder?: boolean
  /** Default true; false leaves results, inputs and errors out of the events. */
  readonly IncludeExecutionData?: boolean
}

export function getExecutionHistory(core: Core, p: HistoryParams): { Events: Event[]; NextMarker?: string } {
  const events = liveOf(core, p.DurableExecutionArn).events
  const ordered = p.ReverseOrder ? [...events].reverse() : events
  const result = View.pageAfter(ordered, (e) => e.EventId, p.Marker, p.MaxItems)
  if (result instanceof Err.EngineError) throw result
  const render = p.IncludeExecutionData === false ? History.renderWithoutData : History.render
  return { Events: result.items.map(render), ...(result.nextMarker ? { NextMarker: result.nextMarker } : {}) }
}

export interface ListParams {
  readonly FunctionName: string
  readonly Statuses?: readonly (ExecutionStatus | SdkExecutionStatus)[]
  readonly DurableExecutionName?: string
  /** Inclusive bounds on the start time. */
  readonly StartedAfter?: Date | number
  readonly StartedBefore?: Date | number
  readonly MaxItems?: number
  readonly Marker?: string
  /** As the service documents it: newest first by default, true for oldest first. */
  readonly ReverseOrder?: boolean
}

const ms = (t: Date | number | undefined): number | undefined => (t instanceof Date ? t.getTime() : t)

function listed(p: ListParams): (r: ExecutionRecord) => boolean {
  const statuses = p.Statuses?.length ? new Set<string>(p.Statuses) : undefined
  const after = ms(p.StartedAfter)
  const before = ms(p.StartedBefore)
  return (r) =>
    r.functionName === p.FunctionName &&
    (!statuses || statuses.has(r.status)) &&
    (p.DurableExecutionName === undefined || r.name === p.DurableExecutionName) &&
    (after === undefined || r.startTimestamp >= after) &&
    (before === undefined || r.startTimestamp <= before)
}

export function listExecutionsByFunction(core: Core, p: ListParams): { DurableExecutions: ExecutionView[]; NextMarker?: string } {
  const oldestFirst = (a: ExecutionRecord, b: ExecutionRecord): number => a.startTimestamp - b.startTimestamp || a.seq - b.seq
  const all = [...core.live.values()]
    .map((l) => l.record)
    .filter(listed(p))
    .sort((a, b) => (p.ReverseOrder === true ? oldestFirst(a, b) : oldestFirst(b, a)))
  const result = View.pageAfter(all, (r) => r.seq, p.Marker, p.MaxItems)
  if (result instanceof Err.EngineError) throw result
  return { DurableExecutions: result.items.map(view), ...(result.nextMarker ? { NextMarker: result.nextMarker } : {}) }
}

export function stopExecution(core: Core, arn: string, error?: ErrorObject): { StopTimestamp: Date } {
  const live = liveOf(core, arn)
  if (live.record.status !== 'RUNNING') throw Err.executionFinished(arn)
  const tx = new Tx()
  const stopError = error ?? { ErrorType: 'ExecutionStopped', ErrorMessage: 'Execution stopped' }
  External.finishExecution(core, tx, live, { status: 'STOPPED', error: stopError })
  core.commit(tx)
  return { StopTimestamp: new Date(core.clock.now()) }
}

function openCallback(core: Core, callbackId: string) {
  const cb = core.callbacks.get(callbackId)
  const live = cb ? core.live.get(cb.arn) : undefined
  if (!cb || !live || live.record.status !== 'RUNNING') throw Err.callbackNotFound()
  const op = live.ops.get(cb.operationId)
  if (!op || op.Status !== 'STARTED' || op.CallbackDetails?.CallbackId !== callbackId) throw Err.callbackFinished()
  return { cb, live }
}

function settle(core: Core, callbackId: string, outcome: External.CallbackOutcome): void {
  const { cb, live } = openCallback(core, callbackId)
  const tx = new Tx()
  External.settleCallback(core, tx, live, cb, outcome)
  core.commit(tx)
}

export function sendCallbackSuccess(core: Core, callbackId: string, result?: string | Uint8Array): void {
  const text = result === undefined ? undefined : typeof result === 'string' ? result : Buffer.from(result).toString('utf8')
  const size = text === undefined ? 0 : Buffer.byteLength(text, 'utf8')
  if (size > MAX_CALLBACK_RESULT_BYTES) throw Err.payloadTooLarge('Callback Result', size, MAX_CALLBACK_RESULT_BYTES)
  settle(core, callbackId, { kind: 'succeed', ...(text !== undefined ? { result: text } : {}) })
}

export function sendCallbackFailure(core: Core, callbackId: string, error?: unknown): void {
  let eo: ErrorObject | undefined
  if (error !== undefined) {
    const r = W.decode(W.CallbackFailureBodyC, error, 'SendDurableExecutionCallbackFailure body')
    if (E.isLeft(r)) throw Err.invalidRequest(r.left.message)
    eo = r.right
  }
  settle(core, callbackId, { kind: 'fail', ...(eo ? { error: eo } : {}) })
}

export function sendCallbackHeartbeat(core: Core, callbackId: string): void {
  const { cb, live } = openCallback(core, callbackId)
  if (cb.heartbeatSeconds === undefined) return
  const tx = new Tx()
  tx.putCallback(live, { ...cb, heartbeatDeadline: core.clock.now() + cb.heartbeatSeconds * 1000 })
  core.commit(tx)
}
