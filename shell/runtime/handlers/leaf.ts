/**
 * Runs the leaf operations that only start something in the service and then wait for it: `wait`,
 * `createCallback` and its result, and chained `invoke`. Each START is confirmed before the record is
 * read again (its response carries the end time or the callback id); waiting parks the fiber.
 */
import { reduce } from '../../../core/reduce.js'
import type { OperationId } from '../../../core/types.js'
import type { CallbackResultEffect, CreateCallbackEffect, InvokeEffect, WaitEffect } from '../../effect.js'
import { passThroughSerdes } from '../../serdes.js'
import type { Fiber } from '../fiber.js'
import { allocate } from '../frame.js'
import type { Runtime } from '../runtime.js'
import { andThen, deserializeWith, parkThen, raise, serializeWith, terminal } from './common.js'

function named<T extends object>(base: T, name: string | undefined, recheck: boolean) {
  return { ...base, ...(name !== undefined ? { name } : {}), ...(recheck ? { recheck } : {}) }
}

export function handleWait(runtime: Runtime, fiber: Fiber, effect: WaitEffect): unknown {
  const id = allocate(fiber.frame, runtime.history)
  const again = (recheck: boolean): unknown => {
    const transition = reduce(runtime.history, named({ _tag: 'WaitBegin' as const, id, seconds: effect.seconds }, effect.name, recheck))
    const decision = transition.decision
    if (decision._tag === 'Replay') return undefined
    if (decision._tag === 'Park') return parkThen(runtime, id, transition, () => again(true))
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
      case 'CallbackCreated':
        return { id, callbackId: decision.callbackId } satisfies CreatedCallback
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
    switch (decision._tag) {
      case 'Replay':
        return deserializeWith(runtime, effect.resultSerdes, decision.payload, id, effect.name)
      case 'Raise':
        return raise(decision)
      case 'Park':
        return parkThen(runtime, id, transition, () => again(undefined, true))
      default:
        return terminal(runtime, decision)
    }
  }
  return andThen(payload, (serialized) => again(serialized, false))
}
