/**
 * Arms the timers an execution's state implies. Due times are read from the operations and callback
 * records themselves (never kept elsewhere), so re-arming after a restart is the same call as arming
 * after a checkpoint. Handlers re-check state when they fire, so a stale timer is harmless.
 */
import type { Operation } from '../../core/types.js'
import type { Core } from './core.js'
import * as External from './external-events.js'
import type { Live } from './live.js'
import type { CallbackRecord } from './model.js'
import { Tx } from './tx.js'

function run(core: Core, fn: (tx: Tx) => void): void {
  const tx = new Tx()
  fn(tx)
  core.commit(tx)
}

export function armOperation(core: Core, live: Live, op: Operation): void {
  const arn = live.record.arn
  if (op.Type === 'WAIT' && op.Status === 'STARTED' && op.WaitDetails?.ScheduledEndTimestamp !== undefined) {
    core.schedule(`${arn}|wait|${op.Id}`, op.WaitDetails.ScheduledEndTimestamp, () =>
      run(core, (tx) => External.waitDue(core, tx, live, op.Id)),
    )
  }
  if (op.Type === 'STEP' && op.Status === 'PENDING' && op.StepDetails?.NextAttemptTimestamp !== undefined) {
    core.schedule(`${arn}|retry|${op.Id}`, op.StepDetails.NextAttemptTimestamp, () =>
      run(core, (tx) => External.retryDue(tx, live, op.Id)),
    )
  }
}

export function armCallback(core: Core, cb: CallbackRecord): void {
  const expire = (error: typeof External.TIMEOUT_ERROR, check: (c: CallbackRecord) => boolean) => () => {
    const current = core.callbacks.get(cb.callbackId)
    const live = core.live.get(cb.arn)
    if (!current || !live || !check(current)) return
    run(core, (tx) => External.settleCallback(core, tx, live, current, { kind: 'timeout', error }))
  }
  if (cb.timeoutAt !== undefined) {
    core.schedule(`cb|timeout|${cb.callbackId}`, cb.timeoutAt, expire(External.TIMEOUT_ERROR, () => true))
  }
  if (cb.heartbeatDeadline !== undefined) {
    const deadline = cb.heartbeatDeadline
    core.schedule(
      `cb|heartbeat|${cb.callbackId}`,
      deadline,
      expire(External.HEARTBEAT_ERROR, (c) => c.heartbeatDeadline === deadline),
    )
  }
}

/** Arms everything `live` waits on; `callbacks` are its own (grouped by the caller, so a restart stays linear). */
export function armAll(core: Core, live: Live, callbacks: Iterable<CallbackRecord>): void {
  if (live.record.status !== 'RUNNING') return
  for (const op of live.ops.values()) armOperation(core, live, op)
  for (const cb of callbacks) if (cb.arn === live.record.arn) armCallback(core, cb)
}
