/**
 * One CheckpointDurableExecution batch, applied all or nothing: every update is checked against the
 * batch rules (PROTOCOL.md §3.5), the payload limits (§11) and the action/status matrix on a private
 * overlay of the execution's operations; the first refusal rejects the whole batch and the caller's
 * state is untouched. Pure: the engine supplies time and fresh ids and persists the outcome.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ErrorObject, Operation, OperationUpdate } from '../../core/types.js'
import { compact } from '../wire/codecs.js'
import * as Err from './errors.js'
import * as Limits from './limits.js'
import type { EventDraft } from './model.js'
import { transition } from './transitions.js'

export interface BatchInput {
  readonly updates: readonly OperationUpdate[]
  readonly get: (id: string) => Operation | undefined
  readonly operationCount: number
  readonly now: number
  readonly newCallbackId: () => string
  readonly newChildArn: (functionName: string) => string
}

export interface ChainedInvokeStart {
  readonly operationId: string
  readonly functionName: string
  readonly payload?: string
  readonly childArn: string
}

export interface CallbackStart {
  readonly callbackId: string
  readonly operationId: string
  readonly timeoutSeconds?: number
  readonly heartbeatSeconds?: number
}

export type ExecutionFinish =
  | { readonly status: 'SUCCEEDED'; readonly result?: string }
  | { readonly status: 'FAILED'; readonly error?: ErrorObject }

export interface BatchOutcome {
  /** Final state of every operation the batch touched, in first-touch order. */
  readonly operations: readonly Operation[]
  readonly events: readonly EventDraft[]
  readonly callbacks: readonly CallbackStart[]
  readonly invokes: readonly ChainedInvokeStart[]
  readonly finish?: ExecutionFinish
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8')

function checkSizes(u: OperationUpdate, i: number): Err.EngineError | undefined {
  const limit = u.Type === 'EXECUTION' ? Limits.MAX_EXECUTION_PAYLOAD_BYTES : Limits.MAX_PAYLOAD_BYTES
  if (u.Payload !== undefined && bytes(u.Payload) > limit) {
    return Err.payloadTooLarge(`Updates[${i}].Payload`, bytes(u.Payload), limit)
  }
  if (u.Error !== undefined && bytes(JSON.stringify(u.Error)) > Limits.MAX_ERROR_BYTES) {
    return Err.payloadTooLarge(`Updates[${i}].Error`, bytes(JSON.stringify(u.Error)), Limits.MAX_ERROR_BYTES)
  }
  return undefined
}

function executionUpdate(u: OperationUpdate, i: number, last: number): E.Either<Err.EngineError, ExecutionFinish> {
  if (i !== last) return E.left(Err.batchRule(i, 'an EXECUTION update must be the last update of its batch'))
  if (u.Action === 'SUCCEED') {
    if (u.Error !== undefined) return E.left(Err.invalidUpdate(i, 'EXECUTION SUCCEED takes no Error'))
    return E.right({ status: 'SUCCEEDED', ...(u.Payload !== undefined ? { result: u.Payload } : {}) })
  }
  if (u.Action === 'FAIL') {
    if (u.Payload !== undefined) return E.left(Err.invalidUpdate(i, 'EXECUTION FAIL takes no Payload'))
    return E.right({ status: 'FAILED', ...(u.Error !== undefined ? { error: u.Error } : {}) })
  }
  return E.left(Err.invalidUpdate(i, `EXECUTION accepts SUCCEED or FAIL, not ${u.Action}`))
}

function checkRepeat(u: OperationUpdate, i: number, seen: ReadonlyMap<string, OperationUpdate[]>): Err.EngineError | undefined {
  const before = seen.get(u.Id)
  if (!before) return undefined
  const first = before[0]
  const ok = before.length === 1 && first?.Action === 'START' && u.Action !== 'START' && (u.Type === 'STEP' || u.Type === 'CONTEXT')
  return ok ? undefined : Err.batchRule(i, `Id ${u.Id} appears again; only a STEP/CONTEXT START may be followed by one non-START`)
}

/** Validates and applies `updates`; Left on the first refusal, with nothing applied. */
export function applyBatch(input: BatchInput): E.Either<Err.EngineError, BatchOutcome> {
  const { updates, now } = input
  if (updates.length > Limits.MAX_UPDATES_PER_BATCH) {
    return E.left(Err.invalidRequest(`A checkpoint takes at most ${Limits.MAX_UPDATES_PER_BATCH} updates, got ${updates.length}; split the batch.`))
  }
  const overlay = new Map<string, Operation>()
  const seen = new Map<string, OperationUpdate[]>()
  const events: EventDraft[] = []
  const callbacks: CallbackStart[] = []
  const invokes: ChainedInvokeStart[] = []
  const lookup = (id: string): Operation | undefined => overlay.get(id) ?? input.get(id)
  let finish: ExecutionFinish | undefined
  let created = 0
  for (const [i, u] of updates.entries()) {
    const sizeError = checkSizes(u, i)
    if (sizeError) return E.left(sizeError)
    if (u.Type === 'EXECUTION') {
      const r = executionUpdate(u, i, updates.length - 1)
      if (E.isLeft(r)) return r
      finish = r.right
      continue
    }
    const repeat = checkRepeat(u, i, seen)
    if (repeat) return E.left(repeat)
    seen.set(u.Id, [...(seen.get(u.Id) ?? []), u])
    const existing = lookup(u.Id)
    if (existing && existing.Type !== u.Type) {
      return E.left(Err.invalidUpdate(i, `Type ${u.Type} does not match the recorded ${existing.Type} of ${u.Id}`))
    }
    if (u.ParentId !== undefined && u.ParentId !== existing?.ParentId) {
      const parent = lookup(u.ParentId)
      if (!parent || parent.Type !== 'CONTEXT') {
        return E.left(Err.batchRule(i, `ParentId ${u.ParentId} names no CONTEXT started before this update`))
      }
    }
    const callbackId = u.Type === 'CALLBACK' && u.Action === 'START' ? input.newCallbackId() : ''
    const fn = u.Type === 'CHAINED_INVOKE' ? u.ChainedInvokeOptions?.FunctionName : undefined
    const childArn = fn !== undefined && u.Action === 'START' ? input.newChildArn(fn) : ''
    const t = transition({ existing, update: u, now, callbackId, childArn })
    if (!t.ok) return E.left(Err.invalidUpdate(i, t.reason))
    if (!existing) created++
    overlay.set(u.Id, compact(t.op))
    events.push(...t.events)
    if (callbackId !== '') {
      const o = u.CallbackOptions
      callbacks.push({
        callbackId,
        operationId: u.Id,
        ...(o?.TimeoutSeconds ? { timeoutSeconds: o.TimeoutSeconds } : {}),
        ...(o?.HeartbeatTimeoutSeconds ? { heartbeatSeconds: o.HeartbeatTimeoutSeconds } : {}),
      })
    }
    if (fn !== undefined && childArn !== '') {
      invokes.push({ operationId: u.Id, functionName: fn, childArn, ...(u.Payload !== undefined ? { payload: u.Payload } : {}) })
    }
  }
  if (input.operationCount + created > Limits.MAX_OPERATIONS_PER_EXECUTION) {
    return E.left(Err.invalidRequest(`An execution holds at most ${Limits.MAX_OPERATIONS_PER_EXECUTION} operations.`))
  }
  return E.right({ operations: [...overlay.values()], events, callbacks, invokes, ...(finish ? { finish } : {}) })
}
