/**
 * What the service has to do next for a suspended execution, and when (PROTOCOL.md §6.4): a WAIT ends
 * at its ScheduledEndTimestamp, a retry becomes READY at its NextAttemptTimestamp, the n-th callback is
 * completed as scripted (or TIMED_OUT when its timeout comes first), a chained invoke is due at once.
 * Pure: it reads the store and the scripts and returns due items sorted by time then start order; the
 * driver advances the virtual clock and fires them.
 */
import type { ErrorObject, Operation } from '../../core/types.js'
import type { Extra, FakeStore } from './fake-store.js'
import type { CallbackScript } from './scenario-types.js'

export type DueItem =
  | { readonly kind: 'wait-end' | 'retry-ready' | 'invoke'; readonly at: number; readonly id: string }
  | {
      readonly kind: 'callback'
      readonly at: number
      readonly id: string
      readonly status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT'
      readonly outcome: { readonly Result?: string; readonly Error?: ErrorObject }
    }

export const TIMED_OUT = { ErrorMessage: 'Callback timed out' } as const
export const HEARTBEAT_TIMED_OUT = { ErrorMessage: 'Callback timed out on heartbeat' } as const

export const dueItems = (store: FakeStore, scripts: readonly CallbackScript[]): DueItem[] => {
  const out: DueItem[] = []
  for (const op of store.ops.values()) {
    const item = dueFor(op, store.extra.get(op.Id) ?? {}, scripts)
    if (item) out.push(item)
  }
  return out.map((item, order) => ({ item, order })).sort((a, b) => a.item.at - b.item.at || a.order - b.order).map((x) => x.item)
}

const dueFor = (op: Operation, extra: Extra, scripts: readonly CallbackScript[]): DueItem | undefined => {
  if (op.Type === 'WAIT' && op.Status === 'STARTED') {
    return { kind: 'wait-end', at: op.WaitDetails?.ScheduledEndTimestamp ?? 0, id: op.Id }
  }
  if (op.Type === 'STEP' && op.Status === 'PENDING') {
    return { kind: 'retry-ready', at: op.StepDetails?.NextAttemptTimestamp ?? 0, id: op.Id }
  }
  if (op.Type === 'CHAINED_INVOKE' && op.Status === 'STARTED') {
    return { kind: 'invoke', at: op.StartTimestamp ?? 0, id: op.Id }
  }
  if (op.Type === 'CALLBACK' && op.Status === 'STARTED') return callbackDue(op, extra, scripts)
  return undefined
}

const callbackDue = (op: Operation, extra: Extra, scripts: readonly CallbackScript[]): DueItem | undefined => {
  const start = op.StartTimestamp ?? 0
  const timeout = positive(extra.timeoutSeconds)
  const heartbeat = positive(extra.heartbeatTimeoutSeconds)
  const timedOut = earliestTimeout(start, timeout, heartbeat, op.Id)
  const script = extra.callbackIndex === undefined ? undefined : scripts[extra.callbackIndex]
  if (!script || script.outcome === 'timeout') return timedOut
  const at = start + (script.afterSeconds ?? 0) * 1000
  if (timedOut && timedOut.at <= at) return timedOut
  return script.outcome === 'succeed'
    ? { kind: 'callback', at, id: op.Id, status: 'SUCCEEDED', outcome: script.result === undefined ? {} : { Result: script.result } }
    : { kind: 'callback', at, id: op.Id, status: 'FAILED', outcome: { Error: script.error } }
}

const earliestTimeout = (start: number, timeout: number | undefined, heartbeat: number | undefined, id: string): DueItem | undefined => {
  if (timeout === undefined && heartbeat === undefined) return undefined
  const byHeartbeat = heartbeat !== undefined && (timeout === undefined || heartbeat < timeout)
  const seconds = (byHeartbeat ? heartbeat : timeout) as number
  const error = byHeartbeat ? HEARTBEAT_TIMED_OUT : TIMED_OUT
  return { kind: 'callback', at: start + seconds * 1000, id, status: 'TIMED_OUT', outcome: { Error: { ...error } } }
}

const positive = (n: number | undefined): number | undefined => (n !== undefined && n > 0 ? n : undefined)
