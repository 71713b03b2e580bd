/**
 * CheckpointDurableExecution and GetDurableExecutionState, service side. Token chaining: a
 * checkpoint must present the invocation's current token and gets a new one; state reads accept
 * any token of the running invocation and rotate nothing. Requests are decoded with the wire
 * codecs; a batch is validated whole (checkpoint-batch) before one atomic commit.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import * as W from '../wire/codecs.js'
import { applyBatch } from './checkpoint-batch.js'
import { createExecution, type Core, executionArnFor } from './core.js'
import * as Err from './errors.js'
import * as History from './history.js'
import * as Ids from './ids.js'
import { type Live, operationsInStartOrder } from './live.js'
import * as View from './state-view.js'
import { Tx } from './tx.js'

const ArnParam = t.type({ DurableExecutionArn: t.string })
const StateParams = t.intersection([
  t.type({ DurableExecutionArn: t.string, CheckpointToken: t.string }),
  t.partial({ Marker: t.string, MaxItems: t.number }),
])

function decodeOrThrow<A>(codec: t.Type<A, unknown, unknown>, value: unknown, what: string): A {
  const r = W.decode(codec, value, what)
  if (E.isLeft(r)) throw Err.invalidRequest(r.left.message)
  return r.right
}

function liveOf(core: Core, arn: string): Live {
  const live = core.live.get(arn)
  if (!live) throw Err.executionNotFound(arn)
  return live
}

export interface CheckpointOutput {
  readonly CheckpointToken: string
  readonly NewExecutionState: { readonly Operations: ReturnType<typeof W.encodeOperationForSdk>[] }
}

export function checkpoint(core: Core, params: unknown): CheckpointOutput {
  const { DurableExecutionArn: arn } = decodeOrThrow(ArnParam, params, 'CheckpointDurableExecution request')
  const req = decodeOrThrow(W.CheckpointRequestC, params, 'CheckpointDurableExecution request')
  const live = liveOf(core, arn)
  const inv = live.invocation
  if (live.record.status !== 'RUNNING' || live.record.pendingFinish) throw Err.executionFinished(arn)
  if (inv?.last && req.ClientToken === inv.last.clientToken && req.CheckpointToken === inv.last.token) {
    return inv.last.response as CheckpointOutput // an AWS SDK retry of the request we already applied
  }
  if (!inv || req.CheckpointToken !== inv.current) {
    throw Err.invalidToken(inv?.tokens.has(req.CheckpointToken) ? 'token already used' : 'unknown or expired token')
  }
  const outcome = applyBatch({
    updates: req.Updates,
    get: (id) => live.ops.get(id),
    operationCount: live.ops.size,
    now: core.clock.now(),
    newCallbackId: Ids.newCallbackId,
    newChildArn: (fn) => executionArnFor(core, fn),
  })
  if (E.isLeft(outcome)) throw outcome.left
  const { operations, events, callbacks, invokes, finish } = outcome.right
  const now = core.clock.now()
  const tx = new Tx()
  for (const op of operations) tx.putOp(live, op)
  for (const e of events) tx.event(live, e)
  for (const cb of callbacks) {
    tx.putCallback(live, {
      callbackId: cb.callbackId,
      arn,
      operationId: cb.operationId,
      ...(cb.timeoutSeconds ? { timeoutAt: now + cb.timeoutSeconds * 1000 } : {}),
      ...(cb.heartbeatSeconds
        ? { heartbeatSeconds: cb.heartbeatSeconds, heartbeatDeadline: now + cb.heartbeatSeconds * 1000 }
        : {}),
    })
  }
  for (const inv of invokes) {
    if (core.invoker.has(inv.functionName)) {
      createExecution(core, tx, {
        functionName: inv.functionName,
        arn: inv.childArn,
        parent: { arn, operationId: inv.operationId },
        ...(inv.payload !== undefined ? { inputPayload: inv.payload } : {}),
      })
      continue
    }
    const op = tx.op(live, inv.operationId)
    if (!op) continue
    const error = Err.functionNotFound(inv.functionName)
    const eo = { ErrorType: error.name, ErrorMessage: error.message }
    const failed = { ...op, Status: 'FAILED' as const, EndTimestamp: now, ChainedInvokeDetails: { Error: eo } }
    tx.putOp(live, failed)
    tx.event(live, History.opEvent('ChainedInvokeFailed', failed, now, { Error: History.error(eo) }))
    tx.changed(live, op.Id)
  }
  if (finish) tx.setRecord(live, { pendingFinish: finish })
  core.commit(tx)
  const token = Ids.newToken()
  const previous = inv.current
  inv.current = token
  inv.tokens.add(token)
  const touched = new Set([...operations.map((o) => o.Id), ...inv.changed])
  inv.changed.clear()
  const response: CheckpointOutput = {
    CheckpointToken: token,
    NewExecutionState: {
      Operations: operationsInStartOrder(live, touched).map(W.encodeOperationForSdk),
    },
  }
  if (req.ClientToken !== undefined) inv.last = { clientToken: req.ClientToken, token: previous, response }
  return response
}

export interface StateOutput {
  readonly Operations: ReturnType<typeof W.encodeOperationForSdk>[]
  readonly NextMarker?: string
}

export function getExecutionState(core: Core, params: unknown): StateOutput {
  const p = decodeOrThrow(StateParams, params, 'GetDurableExecutionState request')
  const live = liveOf(core, p.DurableExecutionArn)
  if (!live.invocation?.tokens.has(p.CheckpointToken)) throw Err.invalidToken('not a token of the running invocation')
  const result = View.page(View.visible(live.ops), p.Marker, p.MaxItems)
  if (result instanceof Err.EngineError) throw result
  return {
    Operations: result.items.map(W.encodeOperationForSdk),
    ...(result.nextMarker ? { NextMarker: result.nextMarker } : {}),
  }
}
