/**
 * One invocation of a handler, service side: mint a token, hand the handler its event (pruned state,
 * at most 1000 operations inline, the rest behind NextMarker), await its answer, then record exactly
 * one InvocationCompleted and decide: finish, wait (PENDING with something pending), or retry a
 * failed invocation up to MAX_INVOCATION_ATTEMPTS times. The terminal event always follows it.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ErrorObject } from '../../core/types.js'
import * as W from '../wire/codecs.js'
import { type Core, errorObjectOf } from './core.js'
import * as External from './external-events.js'
import * as History from './history.js'
import * as Ids from './ids.js'
import {
  type DurableExecutionClient,
  DurableExecutionInvocationInputWithClient,
  lambdaContext,
} from './invocation-event.js'
import { MAX_EVENT_OPERATIONS, MAX_INVOCATION_ATTEMPTS } from './limits.js'
import { runCrashable } from './process-exit.js'
import { hasPending, hasReady, type Live } from './live.js'
import * as View from './state-view.js'
import { Tx } from './tx.js'

const NOTHING_PENDING = 'Cannot return PENDING status with no pending operations'

type Answer = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown }

export async function invoke(core: Core, live: Live, client: DurableExecutionClient): Promise<void> {
  const requestId = Ids.newRequestId()
  const token = Ids.newToken()
  live.invocation = { requestId, startedAt: core.clock.now(), tokens: new Set([token]), current: token, changed: new Set() }
  const updated = [...live.updatedIds]
  live.updatedIds.clear()
  const ops = View.visible(live.ops)
  const event = new DurableExecutionInvocationInputWithClient(
    {
      DurableExecutionArn: live.record.arn,
      CheckpointToken: token,
      InitialExecutionState: {
        Operations: ops.slice(0, MAX_EVENT_OPERATIONS).map(W.encodeOperationForEvent),
        NextMarker: ops.length > MAX_EVENT_OPERATIONS ? View.encodeMarker(MAX_EVENT_OPERATIONS) : '',
      },
      ...(updated.length ? { UpdatedOperationIds: updated } : {}),
    },
    client,
  )
  const context = lambdaContext(live.record.functionName, live.record.functionArn, requestId)
  let answer: Answer
  try {
    answer = { ok: true, value: await runCrashable(requestId, () => core.invoker.invoke(live.record.functionName, event, context)) }
  } catch (error) {
    answer = { ok: false, error }
  }
  complete(core, live, answer)
}

/** The invocation error, if the answer is not an acceptable invocation output. */
function invocationError(live: Live, answer: Answer): ErrorObject | W.InvocationOutput {
  if (!answer.ok) return errorObjectOf(answer.error)
  const out = W.decode(W.InvocationOutputC, answer.value, 'invocation output')
  if (E.isLeft(out)) return { ErrorType: 'InvalidInvocationOutput', ErrorMessage: out.left.message }
  if (out.right.Status === 'PENDING' && !live.record.pendingFinish && !hasPending(live)) {
    return { ErrorType: 'InvalidInvocationOutput', ErrorMessage: NOTHING_PENDING }
  }
  return out.right
}

const isOutput = (v: ErrorObject | W.InvocationOutput): v is W.InvocationOutput => 'Status' in v

function complete(core: Core, live: Live, answer: Answer): void {
  const inv = live.invocation
  if (!inv) return
  const verdict = invocationError(live, answer)
  const now = core.clock.now()
  const tx = new Tx()
  const details = {
    StartTimestamp: inv.startedAt,
    EndTimestamp: now,
    RequestId: inv.requestId,
    ...(isOutput(verdict) ? {} : { Error: History.error(verdict) }),
  }
  tx.event(live, History.executionEvent('InvocationCompleted', now, details))
  const record = live.record
  if (record.status !== 'RUNNING') {
    // Stopped while running: the invocation still gets its InvocationCompleted, nothing else changes.
  } else if (record.pendingFinish) {
    External.finishExecution(core, tx, live, record.pendingFinish)
  } else if (!isOutput(verdict)) {
    const failed = record.failedInvocations + 1
    if (failed >= MAX_INVOCATION_ATTEMPTS) External.finishExecution(core, tx, live, { status: 'FAILED', error: verdict })
    else {
      tx.setRecord(live, { failedInvocations: failed })
      tx.wake(live)
    }
  } else if (verdict.Status === 'SUCCEEDED') {
    External.finishExecution(core, tx, live, { status: 'SUCCEEDED', ...(verdict.Result !== undefined ? { result: verdict.Result } : {}) })
  } else if (verdict.Status === 'FAILED') {
    External.finishExecution(core, tx, live, { status: 'FAILED', ...(verdict.Error ? { error: verdict.Error } : {}) })
  } else {
    tx.setRecord(live, { failedInvocations: 0 })
    if (hasReady(live)) tx.wake(live)
    else tx.setRecord(live, { needsInvoke: false })
  }
  // Changes the handler never saw are announced in the next invocation's UpdatedOperationIds.
  for (const id of inv.changed) live.updatedIds.add(id)
  live.invocation = undefined
  core.commit(tx)
}
