/**
 * The state of one execution in the fake service: operations in start order (EXECUTION first), the
 * action/status matrix of PROTOCOL.md §3.5 applied one update at a time, the service-side transitions
 * (timer, retry due, callback outcome, invoke outcome), pruning and paging. It is deliberately a plain
 * map of wire-shaped records with epoch-ms timestamps and no cleverness, so that it can serve as the
 * model the engine is compared against. It trusts its caller to have validated the batch first.
 */
import type { ErrorObject, Operation, OperationStatus, OperationUpdate } from '../../core/types.js'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** What the service remembers about an operation beyond what `Operation` shows. */
export interface Extra {
  readonly callbackIndex?: number
  readonly timeoutSeconds?: number
  readonly heartbeatTimeoutSeconds?: number
  readonly functionName?: string
  readonly invokePayload?: string
}

export class FakeStore {
  readonly ops = new Map<string, Operation>()
  readonly extra = new Map<string, Extra>()
  /** Ids changed since the last `drainChanged()`: the checkpoint response and UpdatedOperationIds. */
  private changed = new Set<string>()
  private callbackCount = 0
  executionResult: string | undefined

  constructor(readonly executionId: string, inputPayload: string | undefined, now: number) {
    this.put({
      Id: executionId,
      Type: 'EXECUTION',
      Status: 'STARTED',
      StartTimestamp: now,
      ExecutionDetails: inputPayload === undefined ? {} : { InputPayload: inputPayload },
    })
  }

  get execution(): Operation {
    return this.ops.get(this.executionId) as Operation
  }

  /** Puts a recorded operation as is (tests that start from a given history). */
  seed(op: Operation): void {
    this.put(op)
  }

  /** Applies one validated update; `newCallbackId` is consulted for CALLBACK START only. */
  apply(u: OperationUpdate, now: number, newCallbackId: () => string): void {
    if (u.Type === 'EXECUTION') return this.finishExecution(u, now)
    const old = this.ops.get(u.Id)
    const op: Mutable<Operation> = old
      ? { ...old }
      : { Id: u.Id, Type: u.Type, Status: 'STARTED', StartTimestamp: now }
    if (!old) {
      if (u.ParentId !== undefined) op.ParentId = u.ParentId
      if (u.Name !== undefined) op.Name = u.Name
      if (u.SubType !== undefined) op.SubType = u.SubType
    }
    if (u.Action === 'START') this.start(op, u, now, newCallbackId)
    else if (u.Type === 'STEP') this.stepOutcome(op, u, now)
    else if (u.Type === 'CONTEXT') this.contextOutcome(op, u, now)
    else if (u.Action === 'CANCEL') this.complete(op, 'CANCELLED', now)
    this.put(op)
  }

  private start(op: Mutable<Operation>, u: OperationUpdate, now: number, newCallbackId: () => string): void {
    op.Status = 'STARTED'
    if (u.Type === 'WAIT') {
      op.WaitDetails = { ScheduledEndTimestamp: now + (u.WaitOptions?.WaitSeconds ?? 0) * 1000 }
    } else if (u.Type === 'CALLBACK') {
      op.CallbackDetails = { CallbackId: newCallbackId() }
      this.extra.set(u.Id, {
        callbackIndex: this.callbackCount++,
        timeoutSeconds: u.CallbackOptions?.TimeoutSeconds,
        heartbeatTimeoutSeconds: u.CallbackOptions?.HeartbeatTimeoutSeconds,
      })
    } else if (u.Type === 'CHAINED_INVOKE') {
      this.extra.set(u.Id, { functionName: u.ChainedInvokeOptions?.FunctionName, invokePayload: u.Payload })
    } else if (u.Type === 'CONTEXT' && u.ContextOptions?.ReplayChildren !== undefined) {
      op.ContextDetails = { ReplayChildren: u.ContextOptions.ReplayChildren }
    }
  }

  /** SUCCEED / FAIL / RETRY of a STEP: Attempt counts finished attempts (the emulator's bookkeeping). */
  private stepOutcome(op: Mutable<Operation>, u: OperationUpdate, now: number): void {
    const attempt = (op.StepDetails?.Attempt ?? 0) + 1
    const details: Mutable<NonNullable<Operation['StepDetails']>> = { ...op.StepDetails, Attempt: attempt }
    setOrDelete(details, 'Result', u.Payload)
    setOrDelete(details, 'Error', u.Error)
    if (u.Action === 'RETRY') {
      op.Status = 'PENDING'
      details.NextAttemptTimestamp = now + (u.StepOptions?.NextAttemptDelaySeconds ?? 0) * 1000
    } else {
      this.complete(op, u.Action === 'SUCCEED' ? 'SUCCEEDED' : 'FAILED', now)
    }
    op.StepDetails = details
  }

  private contextOutcome(op: Mutable<Operation>, u: OperationUpdate, now: number): void {
    const details: Mutable<NonNullable<Operation['ContextDetails']>> = { ...op.ContextDetails }
    setOrDelete(details, 'Result', u.Payload)
    setOrDelete(details, 'Error', u.Error)
    if (u.ContextOptions?.ReplayChildren !== undefined) details.ReplayChildren = u.ContextOptions.ReplayChildren
    op.ContextDetails = details
    this.complete(op, u.Action === 'SUCCEED' ? 'SUCCEEDED' : 'FAILED', now)
  }

  private finishExecution(u: OperationUpdate, now: number): void {
    const op: Mutable<Operation> = { ...this.execution }
    this.complete(op, u.Action === 'SUCCEED' ? 'SUCCEEDED' : 'FAILED', now)
    if (u.Action === 'SUCCEED') this.executionResult = u.Payload ?? ''
    this.put(op)
  }

  /** The invocation response of a still-running execution decides its outcome. */
  finishFromResponse(status: 'SUCCEEDED' | 'FAILED', result: string | undefined, now: number): void {
    const op: Mutable<Operation> = { ...this.execution }
    this.complete(op, status, now)
    this.executionResult = result
    this.put(op)
  }

  /** Service-side completion of a WAIT, CALLBACK or CHAINED_INVOKE, or a retry becoming READY. */
  resolve(id: string, status: OperationStatus, now: number, outcome: { Result?: string; Error?: ErrorObject } = {}): void {
    const op: Mutable<Operation> = { ...(this.ops.get(id) as Operation) }
    if (status === 'READY') op.Status = 'READY'
    else this.complete(op, status, now)
    if (op.Type === 'CALLBACK') op.CallbackDetails = { CallbackId: op.CallbackDetails?.CallbackId, ...outcome }
    if (op.Type === 'CHAINED_INVOKE') op.ChainedInvokeDetails = { ...outcome }
    this.put(op)
  }

  private complete(op: Mutable<Operation>, status: OperationStatus, now: number): void {
    op.Status = status
    op.EndTimestamp = now
  }

  private put(op: Operation): void {
    this.ops.set(op.Id, op)
    this.changed.add(op.Id)
  }

  drainChanged(): Operation[] {
    const out = [...this.changed].map((id) => this.ops.get(id) as Operation)
    this.changed = new Set()
    return out
  }

  /** The state handed to an invocation: descendants of a finished CONTEXT without ReplayChildren are left out. */
  visible(): Operation[] {
    const hidden = new Set<string>()
    const out: Operation[] = []
    for (const op of this.ops.values()) {
      const parent = op.ParentId === undefined ? undefined : this.ops.get(op.ParentId)
      const prunedByParent =
        parent !== undefined &&
        (hidden.has(parent.Id) ||
          ((parent.Status === 'SUCCEEDED' || parent.Status === 'FAILED') && parent.ContextDetails?.ReplayChildren !== true))
      if (prunedByParent) hidden.add(op.Id)
      else out.push(op)
    }
    return out
  }
}

const setOrDelete = <T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void => {
  if (value === undefined) delete target[key]
  else target[key] = value
}
