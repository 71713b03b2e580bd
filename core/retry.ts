/**
 * Back-off arithmetic for retry and wait strategies (PROTOCOL.md §11). Pure: the jitter draw in
 * [0, 1) is passed in, so the same inputs always give the same delay and tests need no randomness.
 * base = min(initial × rate^(n−1), max) (linear: initial + increment × (n−1)); jitter NONE = base,
 * FULL = U(0, base), HALF = U(base/2, base); final = max(1, round(x)) seconds; give up at n ≥ maxAttempts.
 */

export type Jitter = 'NONE' | 'FULL' | 'HALF'

export interface Backoff {
  readonly maxAttempts: number
  readonly initialDelaySeconds: number
  readonly maxDelaySeconds: number
  readonly backoffRate: number
  /** When set, the delay grows linearly by this many seconds per attempt instead of geometrically. */
  readonly incrementSeconds?: number
  readonly jitter: Jitter
}

export function baseDelay(backoff: Backoff, attempt: number): number {
  const raw =
    backoff.incrementSeconds !== undefined
      ? backoff.initialDelaySeconds + backoff.incrementSeconds * (attempt - 1)
      : backoff.initialDelaySeconds * Math.pow(backoff.backoffRate, attempt - 1)
  return Math.min(raw, backoff.maxDelaySeconds)
}

/** Seconds to wait before attempt `attempt + 1`, or undefined when attempts are exhausted. */
export function nextDelay(backoff: Backoff, attempt: number, jitterDraw: number): number | undefined {
  if (attempt >= backoff.maxAttempts) return undefined
  const base = baseDelay(backoff, attempt)
  const jittered = backoff.jitter === 'NONE' ? base : backoff.jitter === 'FULL' ? jitterDraw * base : base / 2 + (jitterDraw * base) / 2
  return Math.max(1, Math.round(jittered))
}

/** Seconds in a duration; the service requires whole seconds, so callers validate the result. */
export function durationSeconds(d: { days?: number; hours?: number; minutes?: number; seconds?: number }): number {
  return (d.days ?? 0) * 86_400 + (d.hours ?? 0) * 3_600 + (d.minutes ?? 0) * 60 + (d.seconds ?? 0)
}
