/**
 * History events: drafts built from operations (so every event carries the operation's Id,
 * ParentId, SubType and Name) and their rendering into the GetDurableExecutionHistory `Event` shape
 * (`<EventType>Details`, Date timestamps). Payloads sit under `{ Payload }` and errors under
 * `{ Payload: ErrorObject }`, with the wrapper always present so matchers find `Result`/`Error`.
 */
import type { Event } from '@aws-sdk/client-lambda'
import type { ErrorObject, Operation } from '../../core/types.js'
import type { EventDraft, HistoryEvent, HistoryEventType } from './model.js'

// The service flags every payload it returns with `Truncated` (it may cut large history payloads, and
// the official conformance suite asserts `Truncated: false`); the embedded engine never cuts one.
export const result = (payload: string | undefined): { Payload?: string; Truncated?: boolean } =>
  payload === undefined ? {} : { Payload: payload, Truncated: false }
export const error = (err: ErrorObject | undefined): { Payload?: ErrorObject; Truncated?: boolean } =>
  err === undefined ? {} : { Payload: err, Truncated: false }

/** A draft for an event about `op`. */
export function opEvent(
  type: HistoryEventType,
  op: Operation,
  at: number,
  details: Readonly<Record<string, unknown>> = {},
): EventDraft {
  return {
    EventType: type,
    EventTimestamp: at,
    Id: op.Id,
    ...(op.ParentId !== undefined ? { ParentId: op.ParentId } : {}),
    ...(op.SubType !== undefined ? { SubType: op.SubType } : {}),
    ...(op.Name !== undefined ? { Name: op.Name } : {}),
    Details: details,
  }
}

/** A draft for an execution-level event (no operation fields). */
export function executionEvent(type: HistoryEventType, at: number, details: Readonly<Record<string, unknown>>): EventDraft {
  return { EventType: type, EventTimestamp: at, Details: details }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** Numbers EventIds on from `lastId`. */
export function number(drafts: readonly EventDraft[], lastId: number): HistoryEvent[] {
  return drafts.map((d, i) => numbered(d, lastId + i + 1))
}

// Built field by field in one fixed order rather than `{ ...draft, EventId }`: spreading a draft that
// was itself assembled from conditional spreads gave every stored event a hidden class of its own in
// V8 (about 1 KB per suspended execution); these share a few.
function numbered(d: EventDraft, EventId: number): HistoryEvent {
  const e: Mutable<Omit<HistoryEvent, 'Details' | 'EventId'>> = { EventType: d.EventType, EventTimestamp: d.EventTimestamp }
  if (d.Id !== undefined) e.Id = d.Id
  if (d.ParentId !== undefined) e.ParentId = d.ParentId
  if (d.SubType !== undefined) e.SubType = d.SubType
  if (d.Name !== undefined) e.Name = d.Name
  return Object.assign(e, { Details: d.Details, EventId })
}

const DATE_KEYS = new Set(['StartTimestamp', 'EndTimestamp', 'ScheduledEndTimestamp'])

function datesIn(details: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(details)) out[k] = DATE_KEYS.has(k) && typeof v === 'number' ? new Date(v) : v
  return out
}

/** Renders one stored event in the AWS SDK `Event` shape. */
export function render(e: HistoryEvent): Event {
  return {
    EventType: e.EventType,
    EventId: e.EventId,
    ...(e.Id !== undefined ? { Id: e.Id } : {}),
    ...(e.ParentId !== undefined ? { ParentId: e.ParentId } : {}),
    ...(e.SubType !== undefined ? { SubType: e.SubType } : {}),
    ...(e.Name !== undefined ? { Name: e.Name } : {}),
    EventTimestamp: new Date(e.EventTimestamp),
    [`${e.EventType}Details`]: datesIn(e.Details),
  }
}

// Kept in step with the HTTP layer's IncludeExecutionData=false rule: payload-bearing keys go, at any depth.
const DATA_KEYS = new Set(['Payload', 'InputPayload', 'Result', 'Error'])

function withoutData(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  return Object.fromEntries(Object.entries(value).filter(([k]) => !DATA_KEYS.has(k)).map(([k, v]) => [k, withoutData(v)]))
}

/** `render` minus execution data (results, inputs, errors), for IncludeExecutionData=false. */
export function renderWithoutData(e: HistoryEvent): Event {
  return render({ ...e, Details: withoutData(e.Details) as HistoryEvent['Details'] })
}
