/**
 * The fake service's virtual clock. Time stands still while an invocation runs and jumps forward when
 * the driver fires the next due thing, so due times (and hence the order of re-invocations) depend only
 * on the workflow, never on how long the machine took. It starts at the real time and is never behind
 * it at the start of an invocation: the official SDK arms real timers from `end − Date.now()`, and a
 * timestamp in its past would make it poll with empty checkpoints instead of suspending.
 * A live clock (`VirtualClock.live()`) also follows the wall clock while an invocation runs, so that
 * a wait or retry can fall due mid-invocation and be answered to an SDK's in-process poll (TV19).
 */
export class VirtualClock {
  private t: number

  constructor(
    start: number = Math.ceil(Date.now() / 1000) * 1000,
    readonly isLive = false,
  ) {
    this.t = start
  }

  /** Starts at the wall-clock time exactly, so that SDK timers armed from Date.now() fire when things fall due. */
  static live(): VirtualClock {
    return new VirtualClock(Date.now(), true)
  }

  now(): number {
    return this.isLive ? Math.max(this.t, Date.now()) : this.t
  }

  /** Moves to `ms` if that is later; time never goes back. */
  advanceTo(ms: number): void {
    this.t = Math.max(this.t, ms)
  }

  /** Called when an invocation begins: never start one with the service behind the wall clock. */
  catchUp(): void {
    this.advanceTo(Date.now())
  }
}
