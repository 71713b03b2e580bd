/**
 * The plugins of one invocation, as the operation handlers call them. Each method returns
 * `undefined` when no plugin implements the hook, so a handler stays synchronous (replay never
 * awaits) unless someone listens; otherwise it returns the promise of every plugin having run,
 * counted as running user code so the invocation cannot suspend under a hook still working.
 * Which info a hook gets, and its replay flag, follow the official SDK 2.4 (see each handler).
 */
import type { Operation } from '../../core/types.js'
import { describe, fromRecord, lazyMap, type Identity } from './info.js'
import type { Runner } from './runner.js'
import type { AttemptEndInfoOutcome, AttemptInfo, ChildContextInfo, LifecycleHook, OperationInfo, PluginOperationStatus } from './types.js'

export interface InfoOptions {
  /** Take the fields the service recorded (status, timestamps, result, error, attempt). */
  readonly recorded?: boolean
  readonly status?: PluginOperationStatus
  readonly error?: Error
}

export class PluginSession {
  /** Callbacks reported open, whose end is reported when their result arrives. */
  private readonly openCallbacks = new Map<string, Identity>()

  constructor(
    readonly runner: Runner,
    readonly arn: string,
    private readonly history: ReadonlyMap<string, Operation>,
    private readonly updatedIds: ReadonlySet<string>,
    private readonly track: (work: () => Promise<void>) => Promise<void>,
  ) {}

  /** True when the service changed the operation between the previous invocation and this one. */
  updatedBetween(wireId: string): boolean {
    return this.updatedIds.has(wireId)
  }

  awaitCallback(wireId: string, base: Identity): void {
    this.openCallbacks.set(wireId, base)
  }

  /** The end of a callback reported open, once, when its result (or failure) is read. */
  callbackSettled(wireId: string): Promise<void> | undefined {
    const base = this.openCallbacks.get(wireId)
    if (base === undefined) return undefined
    this.openCallbacks.delete(wireId)
    return this.end(base, false, { recorded: true })
  }

  record(wireId: string): Operation | undefined {
    return this.history.get(wireId)
  }

  info(base: Identity, isReplay: boolean, options: InfoOptions = {}): OperationInfo {
    const info = describe(base, options.recorded === true ? this.history.get(base.id) : undefined, isReplay)
    if (options.status !== undefined) info.status = options.status
    if (options.error !== undefined) info.error = options.error
    return info
  }

  fire(hook: LifecycleHook, info: () => unknown): Promise<void> | undefined {
    if (!this.runner.has(hook)) return undefined
    const built = info()
    return this.track(() => this.runner.run(hook, built))
  }

  start(base: Identity, isReplay: boolean, options?: InfoOptions): Promise<void> | undefined {
    return this.fire('onOperationStart', () => this.info(base, isReplay, options))
  }

  end(base: Identity, isReplay: boolean, options?: InfoOptions): Promise<void> | undefined {
    return this.fire('onOperationEnd', () => this.info(base, isReplay, options))
  }

  /** The attempt's info (start time now); kept by the caller for the wrap and end hooks. */
  attemptInfo(base: Identity, attempt: number): AttemptInfo {
    return { ...this.info(base, false, { recorded: true }), attempt, startTimestamp: new Date() }
  }

  /** Attempt-end info from the record after the attempt's checkpoint; the end time is the record's, or now. */
  attemptEnd(base: Identity, attempt: number, outcome: AttemptEndInfoOutcome, error?: Error): AttemptInfo & { outcome: AttemptEndInfoOutcome } {
    const info = { ...this.info(base, false, { recorded: true, ...(error !== undefined ? { error } : {}) }), attempt, outcome }
    if (info.endTimestamp === undefined) info.endTimestamp = new Date()
    return info
  }

  /** Runs `fn` through every plugin's wrapOperationAttemptFn. */
  wrapAttempt<T>(info: AttemptInfo, fn: () => T): T | Promise<T> {
    return this.runner.has('wrapOperationAttemptFn') ? this.runner.wrap('wrapOperationAttemptFn', info, fn) : fn()
  }

  get wrapsChildren(): boolean {
    return this.runner.has('wrapChildContextFn')
  }

  wrapChild<T>(info: ChildContextInfo, fn: () => Promise<T>): Promise<T> {
    return Promise.resolve(this.runner.wrap('wrapChildContextFn', info, fn))
  }

  /**
   * Called before a checkpoint response is merged: picks the operations whose status changes and
   * returns the onOperationChange call to make once they are merged (full map included).
   */
  prepareChange(operations: readonly Operation[]): (() => Promise<void>) | undefined {
    if (!this.runner.has('onOperationChange')) return undefined
    const updated: Record<string, OperationInfo> = {}
    let any = false
    for (const op of operations) {
      if (this.history.get(op.Id)?.Status === op.Status) continue
      updated[op.Id] = fromRecord(op)
      any = true
    }
    if (!any) return undefined
    const history = this.history
    return () => this.track(() => this.runner.run('onOperationChange', { executionArn: this.arn, updatedOperations: updated, operations: lazyMap(() => history.values()) }))
  }
}
