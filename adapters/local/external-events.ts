/**
 * Everything that changes an execution from outside its handler: timers (wait end, retry due,
 * callback timeout and heartbeat timeout), callback completions, a chained child finishing, and
 * the execution itself finishing or being stopped. Each change is recorded in history when it
 * happens and tells the execution (wake, or the running invocation's change set).
 */
import type { ErrorObject, Operation } from '../../core/types.js'
import type { Core } from './core.js'
import * as History from './history.js'
import type { Live } from './live.js'
import type { CallbackRecord, ExecutionOutcome } from './model.js'
import type { Tx } from './tx.js'

const TERMINAL_EVENT = {
  SUCCEEDED: 'ExecutionSucceeded',
  FAILED: 'ExecutionFailed',
  TIMED_OUT: 'ExecutionTimedOut',
  STOPPED: 'ExecutionStopped',
} as const

const CHILD_EVENT = {
  SUCCEEDED: 'ChainedInvokeSucceeded',
  FAILED: 'ChainedInvokeFailed',
  TIMED_OUT: 'ChainedInvokeTimedOut',
  STOPPED: 'ChainedInvokeStopped',
} as const

/** Finishes `live` with `outcome`; completes the parent's CHAINED_INVOKE when there is one. */
export function finishExecution(core: Core, tx: Tx, live: Live, outcome: ExecutionOutcome): void {
  const now = core.clock.now()
  const { pendingFinish: _done, ...record } = tx.record(live)
  tx.setRecord(live, {
    ...record,
    pendingFinish: undefined,
    status: outcome.status,
    endTimestamp: now,
    needsInvoke: false,
    ...(outcome.status === 'SUCCEEDED' ? { result: outcome.result } : { error: outcome.error }),
  })
  const execOp = tx.op(live, live.record.executionOperationId)
  if (execOp) tx.putOp(live, { ...execOp, Status: outcome.status, EndTimestamp: now })
  const details =
    outcome.status === 'SUCCEEDED' ? { Result: History.result(outcome.result) } : { Error: History.error(outcome.error) }
  tx.event(live, History.executionEvent(TERMINAL_EVENT[outcome.status], now, details))
  for (const cb of core.callbacks.values()) if (cb.arn === live.record.arn) tx.removeCallback(live, cb.callbackId)
  const link = live.record.parent
  const parent = link ? core.live.get(link.arn) : undefined
  const op = link && parent ? tx.op(parent, link.operationId) : undefined
  if (!parent || !op || op.Status !== 'STARTED' || tx.record(parent).status !== 'RUNNING') return
  const done: Operation = {
    ...op,
    Status: outcome.status,
    EndTimestamp: now,
    ChainedInvokeDetails: outcome.status === 'SUCCEEDED' ? { Result: outcome.result } : { Error: outcome.error },
  }
  tx.putOp(parent, compactOp(done))
  tx.event(parent, History.opEvent(CHILD_EVENT[outcome.status], done, now, details))
  tx.changed(parent, op.Id)
}

const compactOp = (op: Operation): Operation => JSON.parse(JSON.stringify(op)) as Operation

/** WAIT reached its scheduled end. */
export function waitDue(core: Core, tx: Tx, live: Live, id: string): void {
  const op = tx.op(live, id)
  if (!op || op.Type !== 'WAIT' || op.Status !== 'STARTED' || live.record.status !== 'RUNNING') return
  const now = core.clock.now()
  const done: Operation = { ...op, Status: 'SUCCEEDED', EndTimestamp: now }
  const end = op.WaitDetails?.ScheduledEndTimestamp ?? now
  const duration = Math.round((end - (op.StartTimestamp ?? end)) / 1000)
  tx.putOp(live, done)
  tx.event(live, History.opEvent('WaitSucceeded', done, now, { Duration: duration }))
  tx.changed(live, id)
}

/** A step's retry became due: PENDING → READY (no history event, as the service). */
export function retryDue(tx: Tx, live: Live, id: string): void {
  const op = tx.op(live, id)
  if (!op || op.Type !== 'STEP' || op.Status !== 'PENDING' || live.record.status !== 'RUNNING') return
  tx.putOp(live, { ...op, Status: 'READY' })
  tx.changed(live, id)
}

export type CallbackOutcome =
  | { readonly kind: 'succeed'; readonly result?: string }
  | { readonly kind: 'fail'; readonly error?: ErrorObject }
  | { readonly kind: 'timeout'; readonly error: ErrorObject }

/** Settles a STARTED callback; false when the callback's operation is no longer open. */
export function settleCallback(core: Core, tx: Tx, live: Live, cb: CallbackRecord, outcome: CallbackOutcome): boolean {
  const op = tx.op(live, cb.operationId)
  if (!op || op.Status !== 'STARTED' || live.record.status !== 'RUNNING') return false
  const now = core.clock.now()
  const base = { CallbackId: cb.callbackId }
  const done: Operation =
    outcome.kind === 'succeed'
      ? { ...op, Status: 'SUCCEEDED', EndTimestamp: now, CallbackDetails: { ...base, ...(outcome.result !== undefined ? { Result: outcome.result } : {}) } }
      : { ...op, Status: outcome.kind === 'fail' ? 'FAILED' : 'TIMED_OUT', EndTimestamp: now, CallbackDetails: { ...base, ...(outcome.error ? { Error: outcome.error } : {}) } }
  tx.putOp(live, done)
  const event =
    outcome.kind === 'succeed'
      ? History.opEvent('CallbackSucceeded', done, now, { Result: History.result(outcome.result) })
      : History.opEvent(outcome.kind === 'fail' ? 'CallbackFailed' : 'CallbackTimedOut', done, now, { Error: History.error(outcome.error) })
  tx.event(live, event)
  tx.removeCallback(live, cb.callbackId)
  tx.changed(live, op.Id)
  return true
}

export const TIMEOUT_ERROR: ErrorObject = { ErrorType: 'Callback.Timeout', ErrorMessage: 'Callback timed out' }
// The service types a heartbeat expiry apart from the overall timeout (conformance callback/4-4 vs 4-11).
export const HEARTBEAT_ERROR: ErrorObject = { ErrorType: 'Callback.Heartbeat', ErrorMessage: 'Callback timed out on heartbeat' }
