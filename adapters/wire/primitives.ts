/**
 * Scalar wire codecs: enums, ids, names, bounded integers and timestamps, with the service's
 * validation rules (PROTOCOL.md §3, §11). Timestamps decode from epoch seconds (API responses),
 * ISO-8601 strings (invocation event) or Date (AWS SDK output) into epoch milliseconds; anything
 * unparseable decodes to `undefined` so the field is treated as absent, never as an error.
 */
import * as t from 'io-ts'
import { withRaw } from './struct.js'
import type { OperationAction, OperationStatus, OperationType } from '../../core/types.js'

export const OperationTypeC: t.Type<OperationType, OperationType, unknown> = t.keyof({
  EXECUTION: null, CONTEXT: null, STEP: null, WAIT: null, CALLBACK: null, CHAINED_INVOKE: null,
})
export const OperationActionC: t.Type<OperationAction, OperationAction, unknown> = t.keyof({
  START: null, SUCCEED: null, FAIL: null, RETRY: null, CANCEL: null,
})
export const OperationStatusC: t.Type<OperationStatus, OperationStatus, unknown> = t.keyof({
  STARTED: null, PENDING: null, READY: null, SUCCEEDED: null, FAILED: null, CANCELLED: null, TIMED_OUT: null,
  STOPPED: null,
})

/** A string whose length lies in [min, max] and which matches `pattern`. */
export function boundedString(name: string, min: number, max: number, pattern?: RegExp): t.Type<string, string, unknown> {
  return new t.Type<string, string, unknown>(
    name,
    (u): u is string => typeof u === 'string' && u.length >= min && u.length <= max && (!pattern || pattern.test(u)),
    (u, c) =>
      typeof u === 'string' && u.length >= min && u.length <= max && (!pattern || pattern.test(u))
        ? t.success(u)
        : t.failure(u, c, `expected ${name}`),
    t.identity,
  )
}

/** An integer in [min, max]. */
export function boundedInt(name: string, min: number, max: number): t.Type<number, number, unknown> {
  const ok = (u: unknown): u is number => typeof u === 'number' && Number.isInteger(u) && u >= min && u <= max
  return new t.Type<number, number, unknown>(
    name,
    ok,
    (u, c) => (ok(u) ? t.success(u) : t.failure(u, c, `expected ${name}`)),
    t.identity,
  )
}

export const WireId = boundedString('Id (1-64 chars of [a-zA-Z0-9-_])', 1, 64, /^[a-zA-Z0-9_-]+$/)
export const WireName = boundedString('Name (1-256 printable ASCII chars)', 1, 256, /^[\x20-\x7E]+$/)
export const DelaySeconds = boundedInt('integer seconds 1-31622400', 1, 31_622_400)
export const CallbackTimeoutSeconds = boundedInt('integer seconds 0-99999999', 0, 99_999_999)

/** Epoch ms from any timestamp form the service or the AWS SDK produces; `undefined` if unparseable. */
export function toEpochMs(u: unknown): number | undefined {
  if (typeof u === 'number') return Number.isFinite(u) ? Math.round(u * 1000) : undefined
  if (typeof u === 'string') {
    const ms = Date.parse(u)
    return Number.isNaN(ms) ? undefined : ms
  }
  if (u instanceof Date) {
    const ms = u.getTime()
    return Number.isNaN(ms) ? undefined : ms
  }
  return undefined
}

const isMs = (u: unknown): u is number | undefined => u === undefined || (typeof u === 'number' && Number.isFinite(u))

/** Timestamp encoded as epoch seconds (restJson1 API responses). */
export const EpochSecondsTimestamp = withRaw(new t.Type<number | undefined, number | undefined, unknown>(
  'Timestamp',
  isMs,
  (u) => t.success(toEpochMs(u)),
  (ms) => (ms === undefined ? undefined : ms / 1000),
), (u) => toEpochMs(u))

/** Timestamp encoded as an ISO-8601 string (the Lambda invocation event). */
export const IsoTimestamp = withRaw(new t.Type<number | undefined, string | undefined, unknown>(
  'Timestamp',
  isMs,
  (u) => t.success(toEpochMs(u)),
  (ms) => (ms === undefined ? undefined : new Date(ms).toISOString()),
), (u) => toEpochMs(u))

/** Timestamp encoded as a Date (what AWS SDK command outputs carry). */
export const DateTimestamp = withRaw(new t.Type<number | undefined, Date | undefined, unknown>(
  'Timestamp',
  isMs,
  (u) => t.success(toEpochMs(u)),
  (ms) => (ms === undefined ? undefined : new Date(ms)),
), (u) => toEpochMs(u))
