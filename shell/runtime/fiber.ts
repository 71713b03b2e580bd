/**
 * A fiber is one generator being driven: the workflow itself, or a map item, parallel branch or
 * combinator input running beside it. It holds the stack of contexts it has entered and what it
 * will be resumed with next; the runtime's loop steps it until it parks.
 */
import type { Effect, Op } from '../effect.js'
import type { Frame } from './frame.js'

export type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown }

export class Fiber {
  readonly frames: Frame[]
  // What the generator is resumed with, kept as two fields so that resuming with a plain value (once
  // per operation on replay) allocates no Outcome object.
  private nextOk = true
  private nextValue: unknown = undefined
  done = false

  constructor(
    readonly generator: Op<unknown>,
    frame: Frame,
    readonly settle: (outcome: Outcome) => void,
  ) {
    this.frames = [frame]
  }

  get frame(): Frame {
    return this.frames[this.frames.length - 1]!
  }

  set next(outcome: Outcome) {
    this.nextOk = outcome.ok
    this.nextValue = outcome.ok ? outcome.value : outcome.error
  }

  /** Resumes with a plain value next time. */
  sendValue(value: unknown): void {
    this.nextOk = true
    this.nextValue = value
  }

  /** Resumes the generator with what was sent; returns the effect it yields, or settles it. */
  advance(): Effect | undefined {
    let result: IteratorResult<Effect, unknown>
    try {
      result = this.nextOk ? this.generator.next(this.nextValue) : this.generator.throw(this.nextValue)
    } catch (error) {
      this.finish({ ok: false, error })
      return undefined
    }
    if (result.done === true) {
      this.finish({ ok: true, value: result.value })
      return undefined
    }
    return result.value
  }

  private finish(outcome: Outcome): void {
    this.done = true
    this.settle(outcome)
  }
}
