/**
 * Codecs for what the service returns: `ErrorObject` and `Operation`. One factory builds the
 * Operation codec per timestamp encoding (epoch seconds for HTTP responses, ISO strings for the
 * invocation event); both decode every timestamp form into epoch ms (core/types.ts) and drop
 * unparseable timestamps. Decoding is lenient about ids (the service chose them) but strict about
 * enums, so core never sees a status it cannot reason about. Unknown keys are stripped.
 */
import * as t from 'io-ts'
import type * as Core from '../../core/types.js'
import { struct } from './struct.js'
import { DateTimestamp, EpochSecondsTimestamp, IsoTimestamp, OperationStatusC, OperationTypeC } from './primitives.js'

const isPlainObject = (v: unknown): v is object =>
  v !== null && typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)

/** Removes keys whose value is `undefined`, recursively through plain objects (Dates and arrays kept as is). */
export function compact<T>(value: T): T {
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = compact(v)
  return out as T
}

/** Wraps a codec so decoded and encoded values carry no `undefined`-valued keys. */
export function compacted<A, O>(codec: t.Type<A, O, unknown>): t.Type<A, O, unknown> {
  return new t.Type<A, O, unknown>(
    codec.name,
    codec.is,
    (u, c) => {
      const r = codec.validate(u, c)
      return r._tag === 'Right' ? t.success(compact(r.right)) : r
    },
    (a) => compact(codec.encode(a)),
  )
}

export const ErrorObjectC: t.Type<Core.ErrorObject, Core.ErrorObject, unknown> = struct('ErrorObject', {}, {
  ErrorType: t.string,
  ErrorMessage: t.string,
  ErrorData: t.string,
  StackTrace: t.readonlyArray(t.string),
})

type Ts = typeof EpochSecondsTimestamp | typeof IsoTimestamp | typeof DateTimestamp

function details<T extends Ts>(ts: T) {
  return {
    ExecutionDetails: struct('ExecutionDetails', {}, { InputPayload: t.string }),
    ContextDetails: struct('ContextDetails', {}, { ReplayChildren: t.boolean, Result: t.string, Error: ErrorObjectC }),
    StepDetails: struct('StepDetails', {}, { Attempt: t.number, NextAttemptTimestamp: ts, Result: t.string, Error: ErrorObjectC }),
    WaitDetails: struct('WaitDetails', {}, { ScheduledEndTimestamp: ts }),
    CallbackDetails: struct('CallbackDetails', {}, { CallbackId: t.string, Result: t.string, Error: ErrorObjectC }),
    ChainedInvokeDetails: struct('ChainedInvokeDetails', {}, { Result: t.string, Error: ErrorObjectC }),
  }
}

const REQUIRED = { Id: t.string, Type: OperationTypeC, Status: OperationStatusC }

function operationCodec<T extends Ts>(ts: T) {
  return struct('Operation', REQUIRED, { ParentId: t.string, Name: t.string, SubType: t.string, StartTimestamp: ts, EndTimestamp: ts, ...details(ts) })
}

/** Operation as HTTP API responses carry it: encodes timestamps as epoch seconds. */
export const OperationC = operationCodec(EpochSecondsTimestamp)
/** Operation as the invocation event carries it: encodes timestamps as ISO-8601 strings. */
export const OperationIsoC = operationCodec(IsoTimestamp)
/** Operation as AWS SDK command outputs carry it: encodes timestamps as Date objects. */
export const OperationSdkC = operationCodec(DateTimestamp)

/**
 * Operation as the invocation event carries it, for an invocation without instrumentation plugins:
 * StartTimestamp and EndTimestamp are read by plugins only, so they are stripped like unknown keys
 * instead of parsed (two `Date.parse` per recorded operation, about a tenth of a replay).
 */
export const OperationIsoUnobservedC = struct('Operation', REQUIRED, { ParentId: t.string, Name: t.string, SubType: t.string, ...details(IsoTimestamp) })

// Compile-time proof that the decoded shape is exactly core's Operation.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const _sameOperation: Same<t.TypeOf<typeof OperationC>, Core.Operation> extends false ? never : true = true
void _sameOperation

/** Operation → JSON-ready object with epoch-seconds timestamps (HTTP responses). */
export function encodeOperationForApi(op: Core.Operation): t.OutputOf<typeof OperationC> {
  return OperationC.encode(op)
}

/** Operation → JSON-ready object with ISO-8601 timestamps (the Lambda invocation event). */
export function encodeOperationForEvent(op: Core.Operation): t.OutputOf<typeof OperationIsoC> {
  return OperationIsoC.encode(op)
}

/** Operation → object with Date timestamps, shaped like an AWS SDK command output (in-process clients). */
export function encodeOperationForSdk(op: Core.Operation): t.OutputOf<typeof OperationSdkC> {
  return OperationSdkC.encode(op)
}
