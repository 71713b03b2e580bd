/**
 * What every handler shares: acting on the decisions that end the invocation (non-determinism, a
 * damaged history), parking until a record changes, serdes calls that stay synchronous when the
 * serdes is (so replay never awaits), and building errors from core data.
 */
import type { Decision, Transition } from '../../../core/transition.js'
import type { OperationId } from '../../../core/types.js'
import { DurableSdkError, fromData } from '../../errors.js'
import { jsonSerdes, type Serdes, type SerdesContext } from '../../serdes.js'
import type { Runtime } from '../runtime.js'

const NEVER = new Promise<never>(() => {})

/** Ends the invocation for decisions that no workflow code can handle; never settles. */
export function terminal(runtime: Runtime, decision: Decision): Promise<never> {
  if (decision._tag === 'NonDeterminism') {
    const error = new DurableSdkError('NON_DETERMINISM', decision.message, decision.operationId)
    runtime.end({ _tag: 'Terminated', failure: 'execution', error })
  } else if (decision._tag === 'Corrupt') {
    const error = new DurableSdkError('CORRUPT_HISTORY', `Operation "${decision.operationId}": ${decision.message}.`, decision.operationId)
    runtime.end({ _tag: 'Terminated', failure: 'execution', error })
  } else {
    runtime.end({ _tag: 'Terminated', failure: 'invocation', error: new Error(`Unexpected decision ${decision._tag}`) })
  }
  return NEVER
}

/** A durable error to throw into the workflow. */
export function raise(decision: Extract<Decision, { _tag: 'Raise' }>): never {
  throw fromData(decision.error)
}

/**
 * After a Park decision: checkpoint its updates and ask again at once (our own START changed the
 * record), or, with nothing to send, wait until the service changes the record and ask again.
 */
export async function parkThen(runtime: Runtime, id: OperationId, transition: Transition, again: () => unknown): Promise<unknown> {
  if (transition.updates.length > 0) await runtime.checkpoint(id, transition)
  else await runtime.waitForChange(id)
  return again()
}

export function serdesContext(runtime: Runtime, id: OperationId): SerdesContext {
  return { entityId: id.raw, durableExecutionArn: runtime.arn }
}

function failed(kind: 'Serialization' | 'Deserialization', id: OperationId, name: string | undefined, cause: unknown): DurableSdkError {
  return new DurableSdkError('SERDES_FAILED', `${kind} failed for step "${name ?? ''}" (${id.raw}): ${String(cause)}`, id.raw, { cause })
}

function guard<T>(run: () => T | Promise<T>, onError: (cause: unknown) => DurableSdkError): T | Promise<T> {
  let result: T | Promise<T>
  try {
    result = run()
  } catch (cause) {
    throw onError(cause)
  }
  return result instanceof Promise ? result.catch((cause) => Promise.reject(onError(cause))) : result
}

export function serializeWith(
  runtime: Runtime,
  serdes: Serdes<unknown> | undefined,
  value: unknown,
  id: OperationId,
  name?: string,
): string | undefined | Promise<string | undefined> {
  const chosen = serdes ?? jsonSerdes
  return guard(() => chosen.serialize(value, serdesContext(runtime, id)), (c) => failed('Serialization', id, name, c))
}

export function deserializeWith(
  runtime: Runtime,
  serdes: Serdes<unknown> | undefined,
  payload: string | undefined,
  id: OperationId,
  name?: string,
): unknown {
  if (serdes !== undefined) return guard(() => serdes.deserialize(payload, serdesContext(runtime, id)), (c) => failed('Deserialization', id, name, c))
  // The default serdes written out: replay deserializes once per operation, so no closures or context here.
  if (payload === undefined) return undefined
  try {
    return JSON.parse(payload)
  } catch (cause) {
    throw failed('Deserialization', id, name, cause)
  }
}

/** Applies `next` now when `value` is plain, or after it resolves. */
export function andThen<T, U>(value: T | Promise<T>, next: (v: T) => U | Promise<U>): U | Promise<U> {
  return value instanceof Promise ? value.then(next) : next(value)
}
