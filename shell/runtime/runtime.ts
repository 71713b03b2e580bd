/**
 * The interpreter (in the style of redux-saga's proc): a loop that steps fibers until each parks,
 * never recursing per operation, so replaying 100,000 operations keeps a flat stack. A handler
 * answers an effect synchronously (replay) or with a promise (user code, checkpoints, waiting for a
 * record to change). A step asks for its answer from inside its own generator (`answerInline`), so
 * a replayed step returns without suspending the workflow. When no fiber can run, no user code is
 * executing and the checkpoint queue is idle, the invocation suspends if something is parked on the
 * service; the check runs one macrotask later so that every promise chain that can still progress
 * has done so. Parked fibers poll the service in-process meanwhile (poller.ts), which matters only
 * while other work keeps the invocation up.
 */
import type { Operation, OperationId } from '../../core/types.js'
import type { Transition } from '../../core/transition.js'
import type { CheckpointQueue } from '../checkpoint-queue.js'
import { DurableSdkError } from '../errors.js'
import type { Effect, Op } from '../effect.js'
import type { PluginSession } from '../plugins/session.js'
import { Fiber, type Outcome } from './fiber.js'
import type { Frame } from './frame.js'
import { Poller } from './poller.js'

/** The official SDK suspends 20 ms after nothing can progress; a poll due before then goes first. */
const SUSPENSION_COOLDOWN_MS = 20

export type Handler = (runtime: Runtime, fiber: Fiber, effect: never) => unknown

/** The runtime whose loop is stepping a fiber right now: set only while a generator runs synchronously. */
let stepping: Runtime | undefined
/** While above 0, ops yield their effects instead of being answered inline (an op driven by another op). */
let inlineSuppressed = 0
/** The answer of the last `answerInline` that returned undefined: read at once by the op that asked. */
export let inlineAnswer: unknown

/**
 * Answers `effect` inside the generator that yields it, for the fiber being stepped: a replayed
 * step then returns its value without suspending the workflow and its op and resuming them through
 * the loop. Returns undefined when answered (the value is in `inlineAnswer`); otherwise what the op
 * must yield instead: the effect itself outside a running fiber, or an `Answered` effect carrying
 * what the loop goes on with.
 */
export function answerInline(effect: Effect): Effect | undefined {
  const runtime = stepping
  if (runtime === undefined || inlineSuppressed > 0) return effect
  return runtime.answer(effect)
}

/** Runs `advance` with inline answers off: for a wrapper that must see the effects its op yields. */
export function withoutInline<T>(advance: () => T): T {
  inlineSuppressed++
  try {
    return advance()
  } finally {
    inlineSuppressed--
  }
}

/** Returned by a handler to continue the fiber later, behind every fiber already runnable. */
export class Deferred {
  constructor(readonly value: unknown) {}
}

export type Ending =
  | { readonly _tag: 'Settled'; readonly outcome: Outcome }
  | { readonly _tag: 'Suspended' }
  | { readonly _tag: 'Terminated'; readonly error: DurableSdkError | Error; readonly failure: 'execution' | 'invocation' }

interface Waiter {
  readonly id: OperationId
  readonly status: string | undefined
  readonly wake: () => void
}

export class Runtime {
  private readonly runnable: Fiber[] = []
  private head = 0
  private wakeLoop: (() => void) | undefined
  private executing = 0
  private progress = 0
  private readonly waiters = new Map<string, Waiter[]>()
  private ending: Ending | undefined
  current: Fiber | undefined
  /** The invocation's instrumentation plugins, when any are configured. */
  plugins: PluginSession | undefined
  /** Made on the first wait (a replay that never waits on the service needs none). */
  private poller: Poller | undefined

  constructor(
    readonly arn: string,
    readonly history: Map<string, Operation>,
    readonly queue: CheckpointQueue,
    private readonly handlers: Readonly<Record<Effect['_tag'], Handler>>,
    /** The Lambda context's `getRemainingTimeInMillis`, or unbounded. */
    private readonly remainingMs: () => number = () => Number.POSITIVE_INFINITY,
  ) {}

  private pollerNow(): Poller {
    this.poller ??= new Poller({
      now: Date.now,
      remainingMs: this.remainingMs,
      poll: (id) => this.queue.enqueue(id.raw, [], true) ?? Promise.resolve(),
      waiting: (id) => this.waiters.has(id.wire),
      fired: () => this.poke(),
    })
    // Made after the invocation ended: disposed at once, as the one made up front would have been.
    if (this.ending !== undefined) this.poller.dispose()
    return this.poller
  }

  /** Runs the workflow until it settles, suspends or is terminated. */
  async run(workflow: Op<unknown>, frame: Frame): Promise<Ending> {
    void this.spawn(workflow, frame).then((outcome) => this.end({ _tag: 'Settled', outcome }))
    for (;;) {
      this.drain()
      if (this.ending !== undefined) {
        this.poller?.dispose()
        return this.ending
      }
      // The callbacks already in the microtask queue first (the workflow's own ending among them):
      // an invocation they end or move on needs no suspension check from the timer queue.
      await undefined
      if (this.ending !== undefined || this.head < this.runnable.length) continue
      await new Promise<void>((resolve) => {
        this.wakeLoop = resolve
        setImmediate(() => this.checkSuspension())
      })
      this.wakeLoop = undefined
    }
  }

  /** Starts a fiber now (it runs until it first parks) and returns its outcome. */
  spawn(op: Op<unknown>, frame: Frame): Promise<Outcome> {
    return new Promise<Outcome>((settle) => {
      const fiber = new Fiber(op, frame, settle)
      this.step(fiber)
    })
  }

  resume(fiber: Fiber, outcome: Outcome): void {
    if (!outcome.ok && outcome.error instanceof DurableSdkError) return this.fail(outcome.error)
    fiber.next = outcome
    this.runnable.push(fiber)
    this.progress++
    this.wakeLoop?.()
  }

  /** Lets the loop re-check for suspension (user code ended, the queue went idle). */
  poke(): void {
    this.progress++
    this.wakeLoop?.()
  }

  /** An SDK failure (serdes, checkpoint, configuration) ends the invocation as its code says. */
  fail(error: DurableSdkError): void {
    this.end({ _tag: 'Terminated', failure: error.failure, error })
  }

  end(ending: Ending): void {
    if (this.ending !== undefined) return
    this.ending = ending
    this.wakeLoop?.()
  }

  /** See `answerInline`: the same handling as the loop's, with the op still on the stack. */
  answer(effect: Effect): Effect | undefined {
    if (this.ending !== undefined) return effect
    let answer: unknown
    try {
      answer = (this.handlers[effect._tag] as (r: Runtime, f: Fiber, e: Effect) => unknown)(this, this.current!, effect)
    } catch (error) {
      if (!(error instanceof DurableSdkError)) throw error
      this.fail(error)
      return { _tag: 'Answered', answer: undefined }
    }
    if (answer instanceof Promise || answer instanceof Deferred || this.ending !== undefined) return { _tag: 'Answered', answer }
    inlineAnswer = answer
    return undefined
  }

  /** Queues the transition's updates for `id`; resolves on acknowledgement when `confirm`. */
  checkpoint(id: OperationId, transition: Transition): Promise<void> | undefined {
    if (transition.updates.length === 0) return undefined
    return this.queue.enqueue(id.raw, transition.updates, transition.confirm)
  }

  /** Runs user code, counted so that the invocation does not suspend while it runs. */
  async userCode<T>(fn: () => T | Promise<T>): Promise<T> {
    this.executing++
    try {
      return await fn()
    } finally {
      this.executing--
      this.poke()
    }
  }

  /** Resolves when the record of `id` changes status; until then the fiber counts as parked. */
  waitForChange(id: OperationId): Promise<void> {
    return new Promise<void>((wake) => {
      const list = this.waiters.get(id.wire) ?? []
      list.push({ id, status: this.history.get(id.wire)?.Status, wake })
      this.waiters.set(id.wire, list)
      this.progress++
      this.pollerNow().watch(id, this.history.get(id.wire))
    })
  }

  /** Merges operations from a checkpoint response and wakes the waiters whose record changed. */
  mergeOperations(operations: readonly Operation[]): void {
    for (const op of operations) {
      this.history.set(op.Id, op)
      const list = this.waiters.get(op.Id)
      if (list === undefined) continue
      const stay = list.filter((w) => w.status === op.Status)
      for (const w of list) if (w.status !== op.Status) w.wake()
      if (stay.length === 0) {
        this.waiters.delete(op.Id)
        this.poller?.forget(op.Id)
      } else this.waiters.set(op.Id, stay)
    }
  }

  private drain(): void {
    while (this.head < this.runnable.length && this.ending === undefined) {
      const fiber = this.runnable[this.head++]!
      this.step(fiber)
    }
    this.runnable.length = 0
    this.head = 0
  }

  private step(fiber: Fiber): void {
    const previous = this.current
    const previousRuntime = stepping
    this.current = fiber
    stepping = this
    try {
      for (;;) {
        if (this.ending !== undefined) return
        const effect = fiber.advance()
        // An inline answer may have ended the invocation while the generator ran.
        if (effect === undefined || this.ending !== undefined) return
        let answer: unknown
        try {
          answer = (this.handlers[effect._tag] as (r: Runtime, f: Fiber, e: Effect) => unknown)(this, fiber, effect)
        } catch (error) {
          if (error instanceof DurableSdkError) return this.fail(error)
          fiber.next = { ok: false, error }
          continue
        }
        if (answer instanceof Promise) {
          answer.then(
            (value) => this.resume(fiber, { ok: true, value }),
            (error) => this.resume(fiber, { ok: false, error }),
          )
          return
        }
        if (answer instanceof Deferred) {
          fiber.sendValue(answer.value)
          this.runnable.push(fiber)
          // Stepped outside the loop (a fiber spawned from a promise callback): wake the loop so the
          // deferred fiber runs in this macrotask, before the checkpoint queue flushes.
          this.wakeLoop?.()
          return
        }
        fiber.sendValue(answer)
      }
    } finally {
      this.current = previous
      stepping = previousRuntime
    }
  }

  private parkedOnService(): number {
    let count = 0
    for (const list of this.waiters.values()) for (const w of list) if (!this.queue.isUnderFinished(w.id.raw)) count++
    return count
  }

  private checkSuspension(): void {
    if (this.ending !== undefined || this.head < this.runnable.length || this.runnable.length > 0) return
    if (this.executing > 0 || !this.queue.idle) return
    const before = this.progress
    setImmediate(() => {
      if (this.progress !== before || this.ending !== undefined || this.executing > 0 || !this.queue.idle) return
      if (this.runnable.length > 0 || this.poller?.dueWithin(SUSPENSION_COOLDOWN_MS) === true) return
      if (this.parkedOnService() > 0) this.end({ _tag: 'Suspended' })
      else this.end({ _tag: 'Terminated', failure: 'invocation', error: new Error('The workflow is blocked with nothing outstanding in the service; this is a bug in durable-yield, please report it.') })
    })
  }
}
