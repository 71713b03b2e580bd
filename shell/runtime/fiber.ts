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
  next: Outcome = { ok: true, value: undefined }
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

  /** Resumes the generator with `next`; returns the effect it yields, or settles it. */
  advance(): Effect | undefined {
    const next = this.next
    let result: IteratorResult<Effect, unknown>
    try {
      result = next.ok ? this.generator.next(next.value) : this.generator.throw(next.error)
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
