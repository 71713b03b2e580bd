/**
 * The action/status matrix (PROTOCOL.md §3.5): given the recorded operation (or none) and one
 * update, either the operation's next state plus the history events it produces, or the reason the
 * service refuses it. Pure: time and new callback ids come in as values. Batch-level rules (ids
 * repeated in a batch, parents, EXECUTION placement, sizes) live in checkpoint-batch.ts.
 */
import type { Operation, OperationUpdate } from '../../core/types.js'
import * as History from './history.js'
import type { EventDraft } from './model.js'

export interface TransitionInput {
  readonly existing: Operation | undefined
  readonly update: OperationUpdate
  readonly now: number
  /** Fresh ids, only consumed when a CALLBACK or CHAINED_INVOKE starts. */
  readonly callbackId: string
  readonly childArn: string
}

export type Transition =
  | { readonly ok: true; readonly op: Operation; readonly events: readonly EventDraft[] }
  | { readonly ok: false; readonly reason: string }

const refuse = (reason: string): Transition => ({ ok: false, reason })

function fresh(u: OperationUpdate, now: number): Operation {
  return {
    Id: u.Id,
    Type: u.Type,
    Status: 'STARTED',
    StartTimestamp: now,
    ...(u.ParentId !== undefined ? { ParentId: u.ParentId } : {}),
    ...(u.Name !== undefined ? { Name: u.Name } : {}),
    ...(u.SubType !== undefined ? { SubType: u.SubType } : {}),
  }
}

function step({ existing, update: u, now }: TransitionInput): Transition {
  const status = existing?.Status
  const base = existing ?? fresh(u, now)
  const prev = base.StepDetails ?? {}
  const attempt = (prev.Attempt ?? 0) + 1
  if (u.Action === 'START') {
    if (existing && status !== 'READY') return refuse(`STEP START needs a new or READY step, found ${status}`)
    const op: Operation = { ...base, Status: 'STARTED', StepDetails: { ...prev, Attempt: prev.Attempt ?? 0 } }
    return { ok: true, op, events: [History.opEvent('StepStarted', op, now)] }
  }
  if (existing && status !== 'STARTED' && status !== 'READY') {
    return refuse(`STEP ${u.Action} needs a new, STARTED or READY step, found ${status}`)
  }
  // StepDetails holds Attempt, NextAttemptTimestamp, Result and Error: an attempt's outcome replaces
  // all four, so nothing of `prev` is carried over (written out: object rest showed in profiles).
  if (u.Action === 'SUCCEED' || u.Action === 'FAIL') {
    const details = { Attempt: attempt, ...(u.Action === 'SUCCEED' ? { Result: u.Payload } : { Error: u.Error }) }
    const op: Operation = { ...base, Status: u.Action === 'SUCCEED' ? 'SUCCEEDED' : 'FAILED', EndTimestamp: now, StepDetails: details }
    const retry = { CurrentAttempt: attempt }
    const event =
      u.Action === 'SUCCEED'
        ? History.opEvent('StepSucceeded', op, now, { Result: History.result(u.Payload), RetryDetails: retry })
        : History.opEvent('StepFailed', op, now, { Error: History.error(u.Error), RetryDetails: retry })
    return { ok: true, op, events: [event] }
  }
  if (u.Action === 'RETRY') {
    const delay = u.StepOptions?.NextAttemptDelaySeconds
    if (delay === undefined) return refuse('STEP RETRY needs StepOptions.NextAttemptDelaySeconds')
    if (u.Payload !== undefined && u.Error !== undefined) return refuse('STEP RETRY takes a Payload or an Error, not both')
    const details = { Attempt: attempt, NextAttemptTimestamp: now + delay * 1000, Result: u.Payload, Error: u.Error }
    const op: Operation = { ...base, Status: 'PENDING', StepDetails: details }
    const retry = { CurrentAttempt: attempt, NextAttemptDelaySeconds: delay }
    // A retry carrying state (waitForCondition) is a successful check; one carrying an error is a failed attempt.
    const event =
      u.Error !== undefined
        ? History.opEvent('StepFailed', op, now, { Error: History.error(u.Error), RetryDetails: retry })
        : History.opEvent('StepSucceeded', op, now, { Result: History.result(u.Payload), RetryDetails: retry })
    return { ok: true, op, events: [event] }
  }
  return refuse(`STEP does not accept ${u.Action}`)
}

function context({ existing, update: u, now }: TransitionInput): Transition {
  if (u.Action === 'START') {
    if (existing) return refuse(`CONTEXT START for an existing operation (${existing.Status})`)
    const op = fresh(u, now)
    return { ok: true, op, events: [History.opEvent('ContextStarted', op, now)] }
  }
  if (u.Action !== 'SUCCEED' && u.Action !== 'FAIL') return refuse(`CONTEXT does not accept ${u.Action}`)
  if (existing && existing.Status !== 'STARTED') return refuse(`CONTEXT ${u.Action} needs a new or STARTED context`)
  if (u.Action === 'FAIL' && u.Payload !== undefined) return refuse('CONTEXT FAIL takes no Payload')
  if (u.Action === 'SUCCEED' && u.Error !== undefined) return refuse('CONTEXT SUCCEED takes no Error')
  const replay = u.ContextOptions?.ReplayChildren === true ? { ReplayChildren: true } : {}
  const details = u.Action === 'SUCCEED' ? { ...replay, Result: u.Payload } : { ...replay, Error: u.Error }
  const op: Operation = {
    ...(existing ?? fresh(u, now)),
    Status: u.Action === 'SUCCEED' ? 'SUCCEEDED' : 'FAILED',
    EndTimestamp: now,
    ContextDetails: details,
  }
  const event =
    u.Action === 'SUCCEED'
      ? History.opEvent('ContextSucceeded', op, now, { Result: History.result(u.Payload) })
      : History.opEvent('ContextFailed', op, now, { Error: History.error(u.Error) })
  return { ok: true, op, events: [event] }
}

function wait({ existing, update: u, now }: TransitionInput): Transition {
  if (u.Action === 'CANCEL') {
    if (!existing || existing.Status !== 'STARTED') return refuse('WAIT CANCEL needs a STARTED wait')
    const op: Operation = { ...existing, Status: 'CANCELLED', EndTimestamp: now }
    return { ok: true, op, events: [History.opEvent('WaitCancelled', op, now)] }
  }
  if (u.Action !== 'START') return refuse(`WAIT does not accept ${u.Action}`)
  if (existing) return refuse(`WAIT START for an existing operation (${existing.Status})`)
  const seconds = u.WaitOptions?.WaitSeconds
  if (seconds === undefined) return refuse('WAIT START needs WaitOptions.WaitSeconds')
  const end = now + seconds * 1000
  const op: Operation = { ...fresh(u, now), WaitDetails: { ScheduledEndTimestamp: end } }
  return { ok: true, op, events: [History.opEvent('WaitStarted', op, now, { Duration: seconds, ScheduledEndTimestamp: end })] }
}

function callback({ existing, update: u, now, callbackId }: TransitionInput): Transition {
  if (u.Action === 'CANCEL') {
    if (!existing || existing.Status !== 'STARTED') return refuse('CALLBACK CANCEL needs a STARTED callback')
    return { ok: true, op: { ...existing, Status: 'CANCELLED', EndTimestamp: now }, events: [] }
  }
  if (u.Action !== 'START') return refuse(`CALLBACK does not accept ${u.Action}`)
  if (existing) return refuse(`CALLBACK START for an existing operation (${existing.Status})`)
  const op: Operation = { ...fresh(u, now), CallbackDetails: { CallbackId: callbackId } }
  const timeout = u.CallbackOptions?.TimeoutSeconds
  const heartbeat = u.CallbackOptions?.HeartbeatTimeoutSeconds
  const details = {
    CallbackId: callbackId,
    ...(timeout ? { Timeout: timeout } : {}),
    ...(heartbeat ? { HeartbeatTimeout: heartbeat } : {}),
  }
  return { ok: true, op, events: [History.opEvent('CallbackStarted', op, now, details)] }
}

function chainedInvoke({ existing, update: u, now, childArn }: TransitionInput): Transition {
  if (u.Action !== 'START') return refuse(`CHAINED_INVOKE does not accept ${u.Action}`)
  if (existing) return refuse(`CHAINED_INVOKE START for an existing operation (${existing.Status})`)
  const options = u.ChainedInvokeOptions
  if (!options) return refuse('CHAINED_INVOKE START needs ChainedInvokeOptions.FunctionName')
  const op: Operation = { ...fresh(u, now), ChainedInvokeDetails: {} }
  const details = {
    FunctionName: options.FunctionName,
    ...(options.TenantId !== undefined ? { TenantId: options.TenantId } : {}),
    Input: History.result(u.Payload),
    ExecutedVersion: '$LATEST',
    DurableExecutionArn: childArn,
  }
  return { ok: true, op, events: [History.opEvent('ChainedInvokeStarted', op, now, details)] }
}

/** Applies one non-EXECUTION update to its operation. */
export function transition(input: TransitionInput): Transition {
  switch (input.update.Type) {
    case 'STEP': return step(input)
    case 'CONTEXT': return context(input)
    case 'WAIT': return wait(input)
    case 'CALLBACK': return callback(input)
    case 'CHAINED_INVOKE': return chainedInvoke(input)
    case 'EXECUTION': return refuse('EXECUTION updates are applied to the execution itself')
  }
}
