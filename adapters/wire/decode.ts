/**
 * Decoding at the edge: `decode(codec, value, what)` turns an io-ts failure into one typed
 * `WireDecodeError` naming the first failing path (`Updates[3].Action`) in a single line, so a bad
 * request or response is reported once, precisely, and never cast into core types.
 * Invariant: io-ts contexts list one entry per nesting step, each with the value it validated.
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'

export interface WireDecodeError {
  readonly _tag: 'WireDecodeError'
  /** Stable code for error tables and logs. */
  readonly code: 'WIRE_DECODE'
  /** What was being decoded, e.g. `CheckpointDurableExecution request`. */
  readonly what: string
  /** First failing path, e.g. `Updates[3].Action`; empty for the root value. */
  readonly path: string
  readonly message: string
}

/**
 * Renders an io-ts context as `a.b[2].c`. Intersection and union members are validated against the
 * very same value as their parent, so an entry whose value is its parent's value adds no path step.
 */
export function pathOf(context: t.Context): string {
  let out = ''
  for (let i = 1; i < context.length; i++) {
    const entry = context[i]
    const parent = context[i - 1]
    if (entry === undefined || parent === undefined || entry.key === '') continue
    if (entry.actual === parent.actual && typeof entry.actual === 'object' && entry.actual !== null) continue
    if (Array.isArray(parent.actual)) out += `[${entry.key}]`
    else out += out === '' ? entry.key : `.${entry.key}`
  }
  return out
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined'
  let text: string
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value))
  } catch {
    text = String(value)
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

/** Builds the one-line error for the first validation failure. */
export function toDecodeError(errors: t.Errors, what: string): WireDecodeError {
  const first = errors[0]
  if (first === undefined) {
    return { _tag: 'WireDecodeError', code: 'WIRE_DECODE', what, path: '', message: `${what}: invalid value` }
  }
  const path = pathOf(first.context)
  const last = first.context[first.context.length - 1]
  const expected = first.message ?? (last ? `expected ${last.type.name}` : 'invalid')
  const where = path === '' ? '' : ` at ${path}`
  const message = `${what}: invalid value${where}: ${expected}, got ${show(first.value)}`
  return { _tag: 'WireDecodeError', code: 'WIRE_DECODE', what, path, message }
}

/** Decodes `value` with `codec`; the error names the first failing path. */
export function decode<A, O>(codec: t.Type<A, O, unknown>, value: unknown, what: string): E.Either<WireDecodeError, A> {
  const result = codec.decode(value)
  return E.isRight(result) ? result : E.left(toDecodeError(result.left, what))
}
