/**
 * The hooks around one round of `waitForCondition`, as the official SDK 2.4 reports them: the
 * operation starts (a later round, or a record left STARTED, counts as a replay), each check runs
 * as an attempt (attempt start, the check through the wrap hooks, attempt end with SUCCEEDED once
 * its state is recorded), and the operation ends when the condition is met or the check throws.
 */
import type { Operation, OperationId } from '../../core/types.js'
import { identity, type Identity } from './info.js'
import type { PluginSession } from './session.js'
import type { AttemptInfo } from './types.js'

export class CheckHooks {
  private readonly base: Identity
  private info: AttemptInfo | undefined

  constructor(
    private readonly plugins: PluginSession,
    id: OperationId,
    name: string | undefined,
    private readonly attempt: number,
    private readonly before: Operation | undefined,
  ) {
    this.base = identity(id, 'STEP', 'WaitForCondition', name)
  }

  /** Operation start, then attempt start; resolves when every plugin has run. */
  async begin(): Promise<void> {
    if (this.before?.Status === 'STARTED') await this.plugins.start(this.base, true, { recorded: true })
    else await this.plugins.start(this.base, (this.before?.StepDetails?.Attempt ?? 0) >= 1, { status: 'STARTED' })
    const info = this.plugins.attemptInfo(this.base, this.attempt)
    this.info = info
    await this.plugins.fire('onOperationAttemptStart', () => info)
  }

  wrap<T>(fn: () => T): T | Promise<T> {
    return this.info === undefined ? fn() : this.plugins.wrapAttempt(this.info, fn)
  }

  /** After the round's checkpoint: attempt end, and the operation's end when `final`. */
  async end(final: boolean, error?: Error): Promise<void> {
    const end = this.plugins.attemptEnd(this.base, this.attempt, error === undefined ? 'SUCCEEDED' : 'FAILED', error)
    await this.plugins.fire('onOperationAttemptEnd', () => end)
    if (final) await this.plugins.fire('onOperationEnd', () => ({ ...end, isReplay: false, ...(error !== undefined ? { error } : {}) }))
  }
}
