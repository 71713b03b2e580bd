/**
 * Codecs for what the embedded engine's HTTP server receives (Lambda REST API 2025-12-01, restJson1):
 * JSON bodies, query strings and headers, exactly as @aws-sdk/client-lambda serialises them. Query
 * values arrive as text (a repeated key as a list), so numbers, booleans and ISO timestamps are
 * parsed here; a value that does not parse is a decode error with its name, never a silent default.
 * Path labels (ARN, callback id, function name) are plain strings checked by the routes.
 */
import * as t from 'io-ts'
import { ErrorObjectC } from './operation-codecs.js'
import { CheckpointRequestC } from './request-codecs.js'

/** Body of CheckpointDurableExecution (the ARN travels in the path). */
export const CheckpointBodyC = CheckpointRequestC

/** Body of StopDurableExecution and SendDurableExecutionCallbackFailure: an ErrorObject, or nothing. */
export const ErrorBodyC = t.union([ErrorObjectC, t.undefined], 'ErrorObject body')

/** A non-negative integer written in decimal, as query parameters carry it. */
export const IntFromString = new t.Type<number, string, unknown>(
  'integer',
  (u): u is number => typeof u === 'number' && Number.isInteger(u),
  (u, c) => (typeof u === 'string' && /^\d{1,9}$/.test(u) ? t.success(Number(u)) : t.failure(u, c, 'expected an integer')),
  String,
)

export const BooleanFromString = new t.Type<boolean, string, unknown>(
  'boolean',
  (u): u is boolean => typeof u === 'boolean',
  (u, c) => (u === 'true' ? t.success(true) : u === 'false' ? t.success(false) : t.failure(u, c, 'expected true or false')),
  String,
)

/** An ISO-8601 timestamp (the query form of restJson1 timestamps) into epoch ms. */
export const IsoMsFromString = new t.Type<number, string, unknown>(
  'ISO-8601 timestamp',
  (u): u is number => typeof u === 'number',
  (u, c) => {
    const ms = typeof u === 'string' ? Date.parse(u) : Number.NaN
    return Number.isNaN(ms) ? t.failure(u, c, 'expected an ISO-8601 timestamp') : t.success(ms)
  },
  (ms) => new Date(ms).toISOString(),
)

export const ExecutionStatusC = t.keyof({ RUNNING: null, SUCCEEDED: null, FAILED: null, TIMED_OUT: null, STOPPED: null })
export type ExecutionStatus = t.TypeOf<typeof ExecutionStatusC>

export const StateQueryC = t.exact(
  t.intersection([t.type({ CheckpointToken: t.string }), t.partial({ Marker: t.string, MaxItems: IntFromString })]),
  'GetDurableExecutionState query',
)

export const ExecutionQueryC = t.exact(t.partial({ IncludeExecutionData: BooleanFromString }), 'GetDurableExecution query')

export const HistoryQueryC = t.exact(
  t.partial({ IncludeExecutionData: BooleanFromString, MaxItems: IntFromString, Marker: t.string, ReverseOrder: BooleanFromString }),
  'GetDurableExecutionHistory query',
)

export const ListQueryC = t.exact(
  t.partial({
    Qualifier: t.string,
    DurableExecutionName: t.string,
    Statuses: t.array(ExecutionStatusC),
    StartedAfter: IsoMsFromString,
    StartedBefore: IsoMsFromString,
    ReverseOrder: BooleanFromString,
    Marker: t.string,
    MaxItems: IntFromString,
  }),
  'ListDurableExecutionsByFunction query',
)
export type ListQuery = t.TypeOf<typeof ListQueryC>

/** The Invoke headers the engine reads (lower-cased by node:http). */
export const InvokeHeadersC = t.exact(
  t.partial({
    'x-amz-invocation-type': t.keyof({ RequestResponse: null, Event: null, DryRun: null }),
    'x-amz-durable-execution-name': t.string,
  }),
  'Invoke headers',
)
