/**
 * Runs `waitForCondition` effects: each round runs the user's check on the state the service kept
 * (or the initial state), asks the wait strategy whether to go on, and records SUCCEED or RETRY with
 * the new state; a throwing check or strategy fails the operation at once, without retries.
 */
import { reduce } from '../../../core/reduce.js'
import type { OperationId } from '../../../core/types.js'
import * as Retry from '../../../core/retry.js'
import type { ConditionEffect } from '../../effect.js'
import { toErrorObject } from '../../errors.js'
import { CheckHooks } from '../../plugins/check-hooks.js'
import type { Fiber } from '../fiber.js'
import { allocate } from '../frame.js'
import type { Runtime } from '../runtime.js'
import { deserializeWith, parkThen, raise, serializeWith, terminal } from './common.js'
import { stepLogger } from './step-logger.js'

export function handleCondition(runtime: Runtime, fiber: Fiber, effect: ConditionEffect): unknown {
  return round(runtime, allocate(fiber.frame, runtime.history), effect, false)
}

function withName<T extends object>(base: T, name: string | undefined) {
  return name === undefined ? base : { ...base, name }
}

function round(runtime: Runtime, id: OperationId, effect: ConditionEffect, recheck: boolean): unknown {
  const transition = reduce(runtime.history, withName({ _tag: 'ConditionBegin' as const, id, ...(recheck ? { recheck } : {}) }, effect.name))
  const decision = transition.decision
  switch (decision._tag) {
    case 'Replay':
      return deserializeWith(runtime, effect.serdes, decision.payload, id, effect.name)
    case 'Raise':
      return raise(decision)
    case 'Park':
      return parkThen(runtime, id, transition, () => round(runtime, id, effect, true))
    case 'RunCheck': {
      const hooks = runtime.plugins === undefined ? undefined : new CheckHooks(runtime.plugins, id, effect.name, decision.attempt, runtime.history.get(id.wire))
      void runtime.checkpoint(id, transition)
      return check(runtime, id, effect, decision.attempt, decision.statePayload, hooks)
    }
    default:
      return terminal(runtime, decision)
  }
}

async function check(runtime: Runtime, id: OperationId, effect: ConditionEffect, attempt: number, statePayload: string | undefined, hooks?: CheckHooks): Promise<unknown> {
  let payload: string | undefined
  let next: unknown
  let verdict: { shouldContinue: false } | { shouldContinue: true; delaySeconds: number }
  try {
    const state = statePayload === undefined ? effect.initialState : await deserializeWith(runtime, effect.serdes, statePayload, id, effect.name)
    const logger = stepLogger(runtime, id, effect.name, attempt)
    await hooks?.begin()
    const checked = await runtime.userCode(() => (hooks === undefined ? effect.check(state, { logger, attempt }) : hooks.wrap(() => effect.check(state, { logger, attempt }))))
    payload = await serializeWith(runtime, effect.serdes, checked, id, effect.name)
    next = await deserializeWith(runtime, effect.serdes, payload, id, effect.name)
    const decision = effect.waitStrategy(next, attempt)
    verdict = decision.shouldContinue ? { shouldContinue: true, delaySeconds: Retry.durationSeconds(decision.delay) } : { shouldContinue: false }
  } catch (error) {
    const failed = reduce(runtime.history, withName({ _tag: 'ConditionFailed' as const, id, error: toErrorObject(error) }, effect.name))
    await runtime.checkpoint(id, failed)
    await hooks?.end(true, error instanceof Error ? error : new Error(String(error)))
    return failed.decision._tag === 'Raise' ? raise(failed.decision) : terminal(runtime, failed.decision)
  }
  const transition = reduce(
    runtime.history,
    withName({ _tag: 'ConditionChecked' as const, id, verdict, ...(payload !== undefined ? { payload } : {}) }, effect.name),
  )
  await runtime.checkpoint(id, transition)
  await hooks?.end(transition.decision._tag === 'Replay')
  if (transition.decision._tag === 'Replay') return next
  return round(runtime, id, effect, true)
}
