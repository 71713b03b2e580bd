/**
 * Time for the engine, behind one interface so no global timer is ever patched. The real clock uses
 * `Date.now` and `setTimeout` (re-armed in chunks below 2^31-1 ms). The virtual clock only moves
 * when told: `advanceTo`, or — when `skipTime` is on — the engine calls `skipToNext` whenever
 * nothing else is runnable, so a 30-day wait finishes instantly and in due order.
 */

export interface Clock {
  now(): number
  /** Calls `fire` once `now() >= due`; returns a cancel function. */
  schedule(due: number, fire: () => void): () => void
  /** Virtual clocks only: true when the engine may jump time forward while idle. */
  readonly skipTime: boolean
  /** Virtual clocks only: jump to the earliest due timer and fire it; false when none is pending. */
  skipToNext(): boolean
}

const MAX_TIMEOUT = 2 ** 31 - 1

export function createRealClock(): Clock {
  return {
    now: () => Date.now(),
    skipTime: false,
    skipToNext: () => false,
    schedule(due, fire) {
      let handle: NodeJS.Timeout | undefined
      let cancelled = false
      const arm = (): void => {
        const delay = due - Date.now()
        if (delay <= 0) return void (handle = setTimeout(() => !cancelled && fire(), 0))
        handle = setTimeout(arm, Math.min(delay, MAX_TIMEOUT))
      }
      arm()
      return () => {
        cancelled = true
        if (handle) clearTimeout(handle)
      }
    },
  }
}

export interface VirtualClock extends Clock {
  /** Moves time to `t` (never backwards) and fires every timer due by then, in due order. */
  advanceTo(t: number): void
  advanceBy(ms: number): void
  /** Due time of the earliest pending timer. */
  nextDue(): number | undefined
}

interface Timer {
  readonly due: number
  readonly seq: number
  readonly fire: () => void
}

export function createVirtualClock(options: { start?: number; skipTime?: boolean } = {}): VirtualClock {
  let now = options.start ?? Date.now()
  let seq = 0
  const timers = new Set<Timer>()
  const earliest = (): Timer | undefined => {
    let best: Timer | undefined
    for (const t of timers) if (!best || t.due < best.due || (t.due === best.due && t.seq < best.seq)) best = t
    return best
  }
  const clock: VirtualClock = {
    now: () => now,
    skipTime: options.skipTime ?? true,
    schedule(due, fire) {
      const timer = { due, seq: seq++, fire }
      timers.add(timer)
      return () => void timers.delete(timer)
    },
    nextDue: () => earliest()?.due,
    advanceTo(t) {
      for (let next = earliest(); next && next.due <= t; next = earliest()) {
        timers.delete(next)
        now = Math.max(now, next.due)
        next.fire()
      }
      now = Math.max(now, t)
    },
    advanceBy: (ms) => clock.advanceTo(now + ms),
    skipToNext() {
      const next = earliest()
      if (!next) return false
      clock.advanceTo(next.due)
      return true
    },
  }
  return clock
}
