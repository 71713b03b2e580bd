/**
 * Runs the leaf operations that only start something in the service and then wait for it: `wait`,
 * `createCallback` and its result, and chained `invoke`. Each START is confirmed before the record is
 * read again (its response carries the end time or the callback id); waiting parks the fiber.
 */
import { reduce } from '../../../core/reduce.js'
import type { OperationId } from '../../../core/types.js'
import type { CallbackResultEffect, CreateCallbackEffect, InvokeEffect, WaitEffect } from '../../effect.js'
import { passThroughSerdes } from '../../serdes.js'
import type { Decision } from '../../../core/transition.js'
import { identity } from '../../plugins/info.js'
import type { PluginSession } from '../../plugins/session.js'
import { Watch } from '../../plugins/watch.js'
import type { Fiber } from '../fiber.js'
import { allocate } from '../frame.js'
import type { Runtime } from '../runtime.js'
import { andThen, deserializeWith, parkThen, raise, serializeWith, terminal } from './common.js'

function named<T extends object>(base: T, name: string | undefined, recheck: boolean) {
  return { ...base, ...(name !== undefined ? { name } : {}), ...(recheck ? { recheck } : {}) }
}

export function handleWait(runtime: Runtime, fiber: Fiber, effect: WaitEffect): unknown {
  const id = allocate(fiber.frame, runtime.history)
  const watch = runtime.plugins === undefined ? undefined : new Watch(runtime.plugins, id, identity(id, 'WAIT', 'Wait', effect.name))
  const again = (recheck: boolean): unknown => {
    const transition = reduce(runtime.history, named({ _tag: 'WaitBegin' as const, id, seconds: effect.seconds }, effect.name, recheck))
    const decision = transition.decision
    if (decision._tag === 'Replay') return watch === undefined ? undefined : andThen(watch.ended(), () => undefined)
    if (decision._tag === 'Park') return watch === undefined ? parkThen(runtime, id, transition, () => again(true)) : watch.park(runtime, transition, () => again(true))
    return terminal(runtime, decision)
  }
  return again(false)
}

export interface CreatedCallback {
  readonly id: OperationId
  readonly callbackId: string
}

export function handleCreateCallback(runtime: Runtime, fiber: Fiber, effect: CreateCallbackEffect): unknown {
  const id = allocate(fiber.frame, runtime.history)
  const again = (recheck: boolean): unknown => {
    const transition = reduce(runtime.history, named({ _tag: 'CallbackBegin' as const, id, options: effect.options }, effect.name, recheck))
    const decision = transition.decision
    switch (decision._tag) {
      case 'CallbackCreated': {
        const created = { id, callbackId: decision.callbackId } satisfies CreatedCallback
        const observed = runtime.plugins === undefined ? undefined : callbackCreated(runtime.plugins, id, effect, recheck)
        return observed === undefined ? created : observed.then(() => created)
      }
      case 'Raise':
        return raise(decision)
      case 'Park':
        return runtime.checkpoint(id, transition)?.then(() => again(true)) ?? again(true)
      default:
        return terminal(runtime, decision)
    }
  }
  return again(false)
}

export function handleCallbackResult(runtime: Runtime, _fiber: Fiber, effect: CallbackResultEffect): unknown {
  const again = (): unknown => {
    const transition = reduce(runtime.history, named({ _tag: 'CallbackAwait' as const, id: effect.id }, effect.name, false))
    const decision = transition.decision
    const ended = decision._tag === 'Replay' || decision._tag === 'Raise' ? runtime.plugins?.callbackSettled(effect.id.wire) : undefined
    if (ended !== undefined) return ended.then(again)
    switch (decision._tag) {
      case 'Replay':
        return deserializeWith(runtime, effect.serdes ?? passThroughSerdes, decision.payload, effect.id, effect.name)
      case 'Raise':
        return raise(decision)
      case 'Park':
        return parkThen(runtime, effect.id, transition, again)
      default:
        return terminal(runtime, decision)
    }
  }
  return again()
}

export function handleInvoke(runtime: Runtime, fiber: Fiber, effect: InvokeEffect): unknown {
  const id = allocate(fiber.frame, runtime.history)
  const recorded = runtime.history.has(id.wire)
  const watch = runtime.plugins === undefined ? undefined : new Watch(runtime.plugins, id, identity(id, 'CHAINED_INVOKE', 'ChainedInvoke', effect.name))
  const payload = recorded ? undefined : serializeWith(runtime, effect.payloadSerdes, effect.input, id, effect.name)
  const again = (serialized: string | undefined, recheck: boolean): unknown => {
    const base = {
      _tag: 'InvokeBegin' as const,
      id,
      functionName: effect.functionName,
      ...(serialized !== undefined ? { payload: serialized } : {}),
      ...(effect.tenantId !== undefined ? { tenantId: effect.tenantId } : {}),
    }
    const transition = reduce(runtime.history, named(base, effect.name, recheck))
    const decision = transition.decision
    if (watch !== undefined && (decision._tag === 'Replay' || decision._tag === 'Raise')) {
      const ended = watch.ended()
      if (ended !== undefined) return ended.then(() => settle(decision))
    }
    switch (decision._tag) {
      case 'Park':
        return watch === undefined ? parkThen(runtime, id, transition, () => again(undefined, true)) : watch.park(runtime, transition, () => again(undefined, true))
      case 'Replay':
      case 'Raise':
        return settle(decision)
      default:
        return terminal(runtime, decision)
    }
  }
  const settle = (decision: Extract<Decision, { _tag: 'Replay' | 'Raise' }>): unknown =>
    decision._tag === 'Replay' ? deserializeWith(runtime, effect.resultSerdes, decision.payload, id, effect.name) : raise(decision)
  return andThen(payload, (serialized) => again(serialized, false))
}

/**
 * Official SDK 2.4: a callback found finished reports its end (a replay unless the service finished it
 * since the last invocation); one still open reports its start, a replay when an earlier invocation
 * created it; its end is reported when its result arrives.
 */
function callbackCreated(plugins: PluginSession, id: OperationId, effect: CreateCallbackEffect, createdNow: boolean): Promise<void> | undefined {
  const base = identity(id, 'CALLBACK', 'Callback', effect.pluginName ?? effect.name)
  const status = plugins.record(id.wire)?.Status
  if (status === 'SUCCEEDED' || status === 'FAILED' || status === 'TIMED_OUT') return plugins.end(base, !plugins.updatedBetween(id.wire), { recorded: true })
  plugins.awaitCallback(id.wire, base)
  return plugins.start(base, !createdNow, { recorded: true })
}
