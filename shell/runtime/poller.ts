/**
 * When a parked operation polls the service in-process (PROTOCOL.md §6.3, as the official SDK 2.4
 * does): a timer is armed when a fiber parks on a record, for the record's end time (a WAIT's
 * ScheduledEndTimestamp, a retry's NextAttemptTimestamp) or 1 s when none is known (callbacks,
 * invokes), unless that is beyond the invocation's remaining time less 1 s. When it fires it sends an
 * empty checkpoint, whose response wakes the waiter if the record changed; otherwise it polls again
 * after n × 1 s (capped at 10 s, 60 s after 95 polls). The timers only matter while other work keeps
 * the invocation alive; when nothing else runs the invocation suspends and `dispose` clears them.
 */
import type { Operation, OperationId } from '../../core/types.js'

/** Polling stops (and no timer is armed) when less than this is left of the invocation. */
export const MIN_REMAINING_MS = 1_000
export const FIRST_POLL_MS = 1_000
const MAX_TIMER_MS = 2 ** 31 - 1
const CEILING_MS = 10_000
const EXTENDED_CEILING_MS = 60_000
const POLLS_BEFORE_EXTENDED = 95

export interface PollerDeps {
  readonly now: () => number
  readonly remainingMs: () => number
  /** Sends an empty checkpoint; resolves once its response has been merged. */
  readonly poll: (id: OperationId) => Promise<void>
  /** Whether a fiber still waits on `id` for the status it parked with. */
  readonly waiting: (id: OperationId) => boolean
  /** Lets the runtime re-check for suspension after a timer fired. */
  readonly fired: () => void
}

interface Armed {
  readonly id: OperationId
  dueAt: number
  timer: ReturnType<typeof setTimeout> | undefined
}

/** When the record says the wait is over: undefined when only the service knows (callback, invoke). */
export const endTimeOf = (record: Operation | undefined): number | undefined => {
  if (record?.Type === 'WAIT') return record.WaitDetails?.ScheduledEndTimestamp
  if (record?.Type === 'STEP') return record.StepDetails?.NextAttemptTimestamp
  return undefined
}

export class Poller {
  private readonly armed = new Map<string, Armed>()
  /** Fruitless polls per operation, kept across parks (a step retried again), as 2.4 keeps them. */
  private readonly polls = new Map<string, number>()
  private disposed = false

  constructor(private readonly deps: PollerDeps) {}

  /** A fiber parked on `record`: arm its first poll, unless one is armed or it could not usefully fire. */
  watch(id: OperationId, record: Operation | undefined): void {
    if (this.disposed || this.armed.has(id.wire)) return
    const end = endTimeOf(record)
    const delay = end === undefined ? FIRST_POLL_MS : Math.max(0, end - this.deps.now())
    if (delay > Math.min(this.deps.remainingMs() - MIN_REMAINING_MS, MAX_TIMER_MS)) return
    const entry: Armed = { id, dueAt: 0, timer: undefined }
    this.armed.set(id.wire, entry)
    this.schedule(entry, delay)
  }

  /** Nobody waits on `wireId` any more (its record changed): its timer goes. */
  forget(wireId: string): void {
    const entry = this.armed.get(wireId)
    if (entry === undefined) return
    clearTimeout(entry.timer)
    this.armed.delete(wireId)
  }

  /** Whether a poll fires within `ms`: the official SDK's 20 ms suspension cooldown lets such a poll win. */
  dueWithin(ms: number): boolean {
    const limit = this.deps.now() + ms
    for (const entry of this.armed.values()) if (entry.timer !== undefined && entry.dueAt <= limit) return true
    return false
  }

  /** The invocation is over: no timer may fire into the next one (its token would be stale). */
  dispose(): void {
    this.disposed = true
    for (const entry of this.armed.values()) clearTimeout(entry.timer)
    this.armed.clear()
  }

  private schedule(entry: Armed, delay: number): void {
    entry.dueAt = this.deps.now() + delay
    entry.timer = setTimeout(() => void this.fire(entry), delay)
  }

  private async fire(entry: Armed): Promise<void> {
    entry.timer = undefined
    if (this.disposed || this.armed.get(entry.id.wire) !== entry) return
    if (!this.deps.waiting(entry.id) || this.deps.remainingMs() < MIN_REMAINING_MS) {
      this.armed.delete(entry.id.wire)
      return this.deps.fired()
    }
    await this.deps.poll(entry.id)
    if (this.disposed || this.armed.get(entry.id.wire) !== entry) return
    if (!this.deps.waiting(entry.id)) {
      this.armed.delete(entry.id.wire)
      return
    }
    const polls = (this.polls.get(entry.id.wire) ?? 0) + 1
    this.polls.set(entry.id.wire, polls)
    this.schedule(entry, Math.min(polls * 1_000, polls > POLLS_BEFORE_EXTENDED ? EXTENDED_CEILING_MS : CEILING_MS))
  }
}
