/**
 * The hooks of an operation that starts something in the service and waits for it (wait, chained
 * invoke), as the official SDK 2.4 reports them: a new operation's start after its START is
 * confirmed; a record left open by an earlier invocation starts again as a replay; the end comes
 * when it finishes during this invocation (live), or, found finished, as a replay unless the
 * service finished it since the previous invocation.
 */
import type { Transition } from '../../core/transition.js'
import type { Identity } from './info.js'
import type { PluginSession } from './session.js'

interface ParkingRuntime {
  checkpoint(id: { readonly raw: string; readonly wire: string }, transition: Transition): Promise<void> | undefined
  waitForChange(id: { readonly raw: string; readonly wire: string }): Promise<void>
}

export class Watch {
  private announced = false
  private live = false

  constructor(
    private readonly plugins: PluginSession,
    private readonly id: { readonly raw: string; readonly wire: string },
    private readonly base: Identity,
  ) {}

  /** The end hook, when the record is found finished; undefined when nobody listens. */
  ended(): Promise<void> | undefined {
    const isReplay = this.live ? false : !this.plugins.updatedBetween(this.base.id)
    return this.plugins.end(this.base, isReplay, { recorded: true })
  }

  /** parkThen with the start hook: after our START is confirmed, or before waiting on an old record. */
  async park(runtime: ParkingRuntime, transition: Transition, again: () => unknown): Promise<unknown> {
    if (transition.updates.length > 0) {
      await runtime.checkpoint(this.id, transition)
      await this.announce(false)
      return again()
    }
    await this.announce(true)
    this.live = true
    await runtime.waitForChange(this.id)
    return again()
  }

  private async announce(isReplay: boolean): Promise<void> {
    if (this.announced) return
    this.announced = true
    await this.plugins.start(this.base, isReplay, { recorded: true })
  }
}
