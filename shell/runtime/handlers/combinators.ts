/**
 * Fork and Join, the two halves of the promise combinators (all, allSettled, any, race): Fork
 * starts each input operation as a fiber in the current context (taking ids in call order), Join
 * waits for them with the combinator's JavaScript semantics inside the combinator's own context.
 */
import type { ForkEffect, ForkHandle, JoinEffect } from '../../effect.js'
import type { Fiber, Outcome } from '../fiber.js'
import type { Runtime } from '../runtime.js'

export function handleFork(runtime: Runtime, fiber: Fiber, effect: ForkEffect): readonly ForkHandle[] {
  return effect.ops.map((op) => ({ settled: runtime.spawn(op, fiber.frame) }))
}

const valueOf = (outcome: Outcome) => (outcome.ok ? Promise.resolve(outcome.value) : Promise.reject(outcome.error))

export function handleJoin(_runtime: Runtime, _fiber: Fiber, effect: JoinEffect): Promise<unknown> {
  const promises = effect.handles.map((handle) => handle.settled.then(valueOf))
  promises.forEach((p) => p.catch(() => {}))
  switch (effect.kind) {
    case 'all':
      return Promise.all(promises)
    case 'allSettled':
      return Promise.allSettled(promises).then((settled) =>
        settled.map((s) =>
          s.status === 'fulfilled'
            ? s
            : { status: 'rejected', reason: s.reason instanceof Error ? { message: s.reason.message, name: s.reason.name, stack: s.reason.stack } : s.reason },
        ),
      )
    case 'any':
      return Promise.any(promises)
    case 'race':
      return Promise.race(promises)
  }
}
