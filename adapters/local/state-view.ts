/**
 * What a handler gets to see of an execution: operations in start order minus the descendants of
 * CONTEXTs that finished without ReplayChildren (pruned transitively, PROTOCOL.md §3.5), cut into
 * pages by opaque markers. Relies on parents being started before their children, which the batch
 * rules guarantee (a ParentId must name an existing CONTEXT).
 */
import type { Operation } from '../../core/types.js'
import * as Err from './errors.js'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './limits.js'

const prunesChildren = (op: Operation | undefined): boolean =>
  op !== undefined &&
  op.Type === 'CONTEXT' &&
  (op.Status === 'SUCCEEDED' || op.Status === 'FAILED') &&
  op.ContextDetails?.ReplayChildren !== true

/** Operations a replaying handler needs, in start order. */
export function visible(ops: ReadonlyMap<string, Operation>): Operation[] {
  const hidden = new Set<string>()
  const out: Operation[] = []
  for (const op of ops.values()) {
    const p = op.ParentId
    if (p !== undefined && (hidden.has(p) || prunesChildren(ops.get(p)))) {
      hidden.add(op.Id)
      continue
    }
    out.push(op)
  }
  return out
}

export const encodeMarker = (offset: number): string => Buffer.from(`p1:${offset}`).toString('base64url')

export function decodeMarker(marker: string | undefined): number | Err.EngineError {
  if (marker === undefined || marker === '') return 0
  const m = /^p1:(\d+)$/.exec(Buffer.from(marker, 'base64url').toString('utf8'))
  return m?.[1] !== undefined ? Number(m[1]) : Err.invalidMarker()
}

/** Page size from a request's MaxItems: 0 or absent → default; outside 0..max → error. */
export function pageSize(maxItems: number | undefined): number | Err.EngineError {
  if (maxItems === undefined || maxItems === 0) return DEFAULT_PAGE_SIZE
  if (!Number.isInteger(maxItems) || maxItems < 0 || maxItems > MAX_PAGE_SIZE) {
    return Err.invalidRequest(`MaxItems must be an integer from 0 to ${MAX_PAGE_SIZE}, got ${maxItems}.`)
  }
  return maxItems
}

export interface Page<T> {
  readonly items: readonly T[]
  readonly nextMarker?: string
}

export function page<T>(all: readonly T[], marker: string | undefined, maxItems: number | undefined): Page<T> | Err.EngineError {
  const offset = decodeMarker(marker)
  if (offset instanceof Err.EngineError) return offset
  const size = pageSize(maxItems)
  if (size instanceof Err.EngineError) return size
  const items = all.slice(offset, offset + size)
  const end = offset + items.length
  return end < all.length ? { items, nextMarker: encodeMarker(end) } : { items }
}

const encodeKeyMarker = (key: number): string => Buffer.from(`k1:${key}`).toString('base64url')

/**
 * Pages a list whose items carry a unique numeric key (an EventId, a creation sequence number). The
 * marker names the last key handed out, not an offset, so items added at the front while a client
 * pages (newest-first listings, reversed history) neither repeat nor hide anything.
 */
export function pageAfter<T>(all: readonly T[], key: (item: T) => number, marker: string | undefined, maxItems: number | undefined): Page<T> | Err.EngineError {
  const size = pageSize(maxItems)
  if (size instanceof Err.EngineError) return size
  let start = 0
  if (marker !== undefined && marker !== '') {
    const m = /^k1:(\d+)$/.exec(Buffer.from(marker, 'base64url').toString('utf8'))
    const index = m?.[1] === undefined ? -1 : all.findIndex((item) => key(item) === Number(m[1]))
    if (index < 0) return Err.invalidMarker()
    start = index + 1
  }
  const items = all.slice(start, start + size)
  const last = items[items.length - 1]
  return start + items.length < all.length && last !== undefined ? { items, nextMarker: encodeKeyMarker(key(last)) } : { items }
}
