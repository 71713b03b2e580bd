/**
 * Runs `step` effects: asks the core what the record allows, runs the user function for an
 * attempt (after its START is confirmed when at-most-once), and reports the outcome, consulting the
 * retry strategy on failure. Replays answer synchronously.
 */
import { reduce, reduceRecord } from '../../../core/reduce.js'
import type { RequestOf } from '../../../core/request.js'
import type { Transition } from '../../../core/transition.js'
import type { OperationId } from '../../../core/types.js'
import type { StepEffect } from '../../effect.js'
import { toErrorObject } from '../../errors.js'
import { retryPresets, toVerdict } from '../../retry.js'
import { identity } from '../../plugins/info.js'
import type { PluginSession } from '../../plugins/session.js'
import type { Fiber } from '../fiber.js'
import { followRecord, nextId } from '../frame.js'
import type { Runtime } from '../runtime.js'
import { deserializeWith, parkThen, raise, serializeWith, terminal } from './common.js'
import { stepContext } from './step-logger.js'

export function handleStep(runtime: Runtime, fiber: Fiber, effect: StepEffect): unknown {
  // Replay passes here once per recorded step: the innermost frame read in place (no getter call),
  // the record looked up once for both the frame's mode and the reducer, and stepAt's first ask in line.
  const frame = fiber.frames[fiber.frames.length - 1]!
  const id = nextId(frame)
  const record = runtime.history.get(id.wire)
  // A recorded success keeps the frame replaying: only another record (or none) can end it.
  if (frame.mode === 'Replay' && record?.Status !== 'SUCCEEDED') followRecord(frame, id, record, runtime.history)
  // One literal of one shape (absent name/recheck are undefined-valued keys), as in stepAt.
  const transition = reduceRecord(record, { _tag: 'StepBegin', id, semantics: effect.semantics, name: effect.name, recheck: undefined })
  const decision = transition.decision
  if (decision._tag === 'Replay') return deserializeWith(runtime, effect.serdes, decision.payload, id, effect.name)
  return act(runtime, id, effect, transition)
}

/** Asks the reducer again for a step whose record may have changed (after a START, a retry or a wait). */
function recheckStep(runtime: Runtime, id: OperationId, effect: StepEffect): unknown {
  const request: RequestOf<'StepBegin'> = { _tag: 'StepBegin', id, semantics: effect.semantics, name: effect.name, recheck: true }
  const transition = reduce(runtime.history, request)
  const decision = transition.decision
  if (decision._tag === 'Replay') return deserializeWith(runtime, effect.serdes, decision.payload, id, effect.name)
  return act(runtime, id, effect, transition)
}

/** Every decision but a replay, in a function of its own: a cold process compiles only what runs, and replay runs only stepAt. */
function act(runtime: Runtime, id: OperationId, effect: StepEffect, transition: Transition): unknown {
  const decision = transition.decision
  switch (decision._tag) {
    case 'Raise':
      return raise(decision)
    case 'Park':
      return parkThen(runtime, id, transition, () => recheckStep(runtime, id, effect))
    case 'RunStep':
      if (runtime.plugins !== undefined) return observedAttempt(runtime, runtime.plugins, id, effect, decision.attempt, transition)
      return attempt(runtime, id, effect, decision.attempt, runtime.checkpoint(id, transition))
    case 'StepInterrupted':
      return fail(runtime, id, effect, decision.attempt, Object.assign(new Error(decision.error.ErrorMessage), { name: 'StepInterruptedError' }))
    default:
      return terminal(runtime, decision)
  }
}

async function attempt(runtime: Runtime, id: OperationId, effect: StepEffect, attemptNumber: number, started: Promise<void> | undefined): Promise<unknown> {
  if (started !== undefined) await started
  // 2.4 awaits its operation-start and attempt-start plugin hooks before the step function, plugins
  // or not: two microtasks that decide where this step's SUCCEED falls among its siblings'.
  await undefined
  await undefined
  let value: unknown
  try {
    value = await runtime.userCode(() => effect.fn(stepContext(runtime, id, effect.name, attemptNumber)))
  } catch (error) {
    // Inlined rather than `return fail(...)`: adopting another async function's promise costs two
    // microtasks, which would close a failed item's context after its siblings' (official: before).
    const transition = failedTransition(runtime, id, effect, attemptNumber, error)
    await runtime.checkpoint(id, transition)
    return afterFailure(runtime, id, effect, transition)
  }
  const payload = await serializeWith(runtime, effect.serdes, value, id, effect.name)
  const transition = reduce(runtime.history, { _tag: 'StepSucceeded', id, ...(effect.name !== undefined ? { name: effect.name } : {}), ...(payload !== undefined ? { payload } : {}) })
  await runtime.checkpoint(id, transition)
  return deserializeWith(runtime, effect.serdes, payload, id, effect.name)
}

/**
 * An attempt with plugins listening, as the official SDK 2.4 reports it: operation start (a retry's
 * start counts as a replay; a record left STARTED by an earlier invocation is one), attempt start,
 * the body through the wrap hooks, then attempt end and, unless a retry follows, operation end.
 */
async function observedAttempt(runtime: Runtime, plugins: PluginSession, id: OperationId, effect: StepEffect, attemptNumber: number, transition: Transition): Promise<unknown> {
  const base = identity(id, 'STEP', 'Step', effect.pluginName ?? effect.name)
  const before = plugins.record(id.wire)
  const retrying = (before?.StepDetails?.Attempt ?? 0) >= 1
  const started = runtime.checkpoint(id, transition)
  if (before?.Status === 'STARTED') await plugins.start(base, true, { recorded: true })
  else if (started !== undefined) {
    await started
    await plugins.start(base, retrying, { recorded: true })
  } else await plugins.start(base, retrying, { status: 'STARTED' })
  const info = plugins.attemptInfo(base, attemptNumber)
  await plugins.fire('onOperationAttemptStart', () => info)
  let value: unknown
  try {
    const context = stepContext(runtime, id, effect.name, attemptNumber)
    value = await runtime.userCode(() => plugins.wrapAttempt(info, () => effect.fn(context)))
  } catch (thrown) {
    const error = thrown instanceof Error ? thrown : new Error(String(thrown))
    const failed = failedTransition(runtime, id, effect, attemptNumber, thrown)
    await runtime.checkpoint(id, failed)
    const end = plugins.attemptEnd(base, attemptNumber, 'FAILED', error)
    await plugins.fire('onOperationAttemptEnd', () => end)
    if (failed.decision._tag === 'Raise') await plugins.fire('onOperationEnd', () => ({ ...end, isReplay: false, error }))
    return afterFailure(runtime, id, effect, failed)
  }
  const payload = await serializeWith(runtime, effect.serdes, value, id, effect.name)
  await runtime.checkpoint(id, reduce(runtime.history, { _tag: 'StepSucceeded', id, ...(effect.name !== undefined ? { name: effect.name } : {}), ...(payload !== undefined ? { payload } : {}) }))
  const end = plugins.attemptEnd(base, attemptNumber, 'SUCCEEDED')
  await plugins.fire('onOperationAttemptEnd', () => end)
  await plugins.fire('onOperationEnd', () => ({ ...end, isReplay: false }))
  return deserializeWith(runtime, effect.serdes, payload, id, effect.name)
}

async function fail(runtime: Runtime, id: OperationId, effect: StepEffect, attemptNumber: number, error: unknown): Promise<unknown> {
  const transition = failedTransition(runtime, id, effect, attemptNumber, error)
  await runtime.checkpoint(id, transition)
  return afterFailure(runtime, id, effect, transition)
}

function failedTransition(runtime: Runtime, id: OperationId, effect: StepEffect, attemptNumber: number, error: unknown): Transition {
  const forStrategy = error instanceof Error ? error : new Error('Unknown Error')
  // Synchronous, as in the official SDK: a failed attempt is checkpointed in the tick it failed in,
  // ahead of attempts that succeeded in the same tick (whose result still goes through serdes).
  const decision = (effect.retryStrategy ?? retryPresets.default)(forStrategy, attemptNumber)
  return reduce(runtime.history, {
    _tag: 'StepFailed',
    id,
    ...(effect.name !== undefined ? { name: effect.name } : {}),
    error: toErrorObject(error),
    verdict: toVerdict(decision),
  })
}

function afterFailure(runtime: Runtime, id: OperationId, effect: StepEffect, transition: Transition): unknown {
  const outcome = transition.decision
  if (outcome._tag === 'Raise') return raise(outcome)
  return recheckStep(runtime, id, effect)
}
