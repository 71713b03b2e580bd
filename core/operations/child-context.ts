/**
 * CONTEXT (PROTOCOL.md §5.7, §4.4): child contexts, including the wrappers of waitForCallback, map,
 * parallel and the promise combinators. A virtual (FLAT) context is never recorded: it always runs
 * and emits nothing. START/SUCCEED/FAIL are enqueued without waiting, so a parent's START precedes its
 * children and a child's end precedes its parent's. Results above 256 KiB are replaced by a summary
 * (or "") with ReplayChildren, and on replay the function re-runs over its retained children. Within
 * `pluginsConfig.childOperationsDepth` (the shell says so with `preserveChildren`) a context records
 * ReplayChildren too, with its full payload (a summary still replaces an oversized one).
 *
 * | recorded                      | request                | decision                      | updates                          |
 * |-------------------------------|------------------------|-------------------------------|----------------------------------|
 * | any, virtual                  | ChildBegin             | EnterChild(Execute)           | —                                |
 * | absent                        | ChildBegin             | EnterChild(Execute)           | START SubType, Name              |
 * | STARTED / other non-terminal  | ChildBegin             | EnterChild(Execute)           | —                                |
 * | SUCCEEDED + ReplayChildren    | ChildBegin             | EnterChild(ReplaySucceeded)   | —                                |
 * | SUCCEEDED                     | ChildBegin             | Replay(Result)                | —                                |
 * | FAILED                        | ChildBegin             | Raise(mapped error)           | —                                |
 * | virtual, or already terminal  | ChildSucceeded         | Replay(payload)               | —                                |
 * | otherwise, payload ≤ 256 KiB  | ChildSucceeded         | Replay(payload)               | SUCCEED Payload?                 |
 * | otherwise, ≤ 256 KiB, preserve| ChildSucceeded         | Replay(payload)               | SUCCEED Payload?, ReplayChildren |
 * | otherwise, payload > 256 KiB  | ChildSucceeded         | Replay(payload)               | SUCCEED summary ?? "", ReplayChildren |
 * | SUCCEEDED + ReplayChildren    | ChildFailed (child)    | Rethrow                       | —                                |
 * | virtual, or already terminal  | ChildFailed            | Raise(mapped error)           | —                                |
 * | otherwise                     | ChildFailed            | Raise(mapped error)           | FAIL Error                       |
 * | otherwise, preserve           | ChildFailed            | Raise(mapped error)           | FAIL Error, ReplayChildren       |
 */
import * as Errors from '../errors.js'
import type { ErrorMapping, RequestOf } from '../request.js'
import { decide, type Transition } from '../transition.js'
import { TERMINAL_STATUSES, type ErrorObject, type Operation } from '../types.js'
import * as Combinators from './combinators.js'
import { update } from './update.js'
import * as WaitForCallback from './wait-for-callback.js'

/** Results strictly larger than this many UTF-8 bytes are not stored inline (PROTOCOL.md §11). */
export const REPLAY_CHILDREN_THRESHOLD = 262_144

export function utf8Length(text: string): number {
  let bytes = text.length
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) continue
    // two-byte range adds one; each half of a surrogate pair adds one (4 bytes per pair); the rest add two
    bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2
  }
  return bytes
}

/** True when a serialized result must be replaced by a summary and replayed from its children. */
export function isOversized(payload: string | undefined): boolean {
  if (payload === undefined || payload.length * 3 <= REPLAY_CHILDREN_THRESHOLD) return false
  return payload.length > REPLAY_CHILDREN_THRESHOLD || utf8Length(payload) > REPLAY_CHILDREN_THRESHOLD
}

export function begin(record: Operation | undefined, request: RequestOf<'ChildBegin'>): Transition {
  if (request.virtual) return decide({ _tag: 'EnterChild', mode: 'Execute' })
  switch (record?.Status) {
    case undefined:
      return decide({ _tag: 'EnterChild', mode: 'Execute' }, [update(request.id, 'CONTEXT', request.subType, 'START', request.name)])
    case 'SUCCEEDED': {
      if (record.ContextDetails?.ReplayChildren === true) return decide({ _tag: 'EnterChild', mode: 'ReplaySucceeded' })
      const payload = record.ContextDetails?.Result
      return decide(payload === undefined ? { _tag: 'Replay' } : { _tag: 'Replay', payload })
    }
    case 'FAILED':
      return decide({ _tag: 'Raise', error: mapFailure(record.ContextDetails?.Error, request.mapping) })
    default:
      return decide({ _tag: 'EnterChild', mode: 'Execute' })
  }
}

export function succeeded(record: Operation | undefined, request: RequestOf<'ChildSucceeded'>): Transition {
  const decision = request.payload === undefined ? ({ _tag: 'Replay' } as const) : ({ _tag: 'Replay', payload: request.payload } as const)
  if (request.virtual || (record !== undefined && TERMINAL_STATUSES.has(record.Status))) return decide(decision)
  const oversized = isOversized(request.payload)
  const succeed = update(request.id, 'CONTEXT', request.subType, 'SUCCEED', request.name, {
    Payload: oversized ? (request.summary ?? '') : request.payload,
    ContextOptions: oversized || request.preserveChildren === true ? { ReplayChildren: true } : undefined,
  })
  return decide(decision, [succeed])
}

export function failed(record: Operation | undefined, request: RequestOf<'ChildFailed'>): Transition {
  // A context rebuilt from its children that throws on the re-run (its code changed): 2.4 re-runs the
  // function outside its error mapping, so the error surfaces as thrown.
  const rebuilt = record?.Status === 'SUCCEEDED' && record.ContextDetails?.ReplayChildren === true
  if (rebuilt && (request.mapping ?? 'child') === 'child') return decide({ _tag: 'Rethrow' })
  const decision = { _tag: 'Raise', error: mapFailure(request.error, request.mapping) } as const
  if (request.virtual || (record !== undefined && TERMINAL_STATUSES.has(record.Status))) return decide(decision)
  const ContextOptions = request.preserveChildren === true ? { ReplayChildren: true } : undefined
  return decide(decision, [update(request.id, 'CONTEXT', request.subType, 'FAIL', request.name, { Error: request.error, ContextOptions })])
}

/** The error a failed child surfaces as: the recorded error rebuilt, then wrapped per its kind. */
export function mapFailure(error: ErrorObject | undefined, mapping: ErrorMapping = 'child'): Errors.DurableErrorData {
  // 2.4 skips the error mapper when nothing was recorded, whatever the mapping
  if (error === undefined) return { errorType: 'ChildContextError', message: 'Child context failed' }
  const original = Errors.fromErrorObject(error)
  if (mapping === 'callback') return WaitForCallback.surfaceFailure(original)
  if (mapping === 'combinator') return Combinators.surfaceFailure(original)
  return { errorType: 'ChildContextError', message: original.message, cause: original }
}
