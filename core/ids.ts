/**
 * Operation identity (PROTOCOL.md §4). Raw ids are hierarchical paths (`1`, `1-2`, `1-2-1`) built
 * from a context's prefix and its counter; wire ids are the first 16 hex chars of MD5(raw). A
 * non-virtual child context stamps its own wire id as ParentId on what it creates; a virtual (FLAT)
 * context passes its creator's ParentId through, so chains of virtual contexts collapse to the nearest
 * real ancestor while the raw-id prefix still comes from the virtual context itself.
 */
import * as Crypto from 'node:crypto'
import type { OperationId } from './types.js'

/** Where new operations are created: the prefix for raw ids and the ParentId they carry. */
export interface Scope {
  readonly prefix: string
  readonly parentWire?: string
  readonly virtual: boolean
}

export const root: Scope = { prefix: '', virtual: false }

// One-shot `hash` (Node >= 20.12) skips the Hash object createHash builds per call: a replay hashes
// one id per operation, and this halves that cost.
const oneShot: typeof Crypto.hash | undefined = typeof Crypto.hash === 'function' ? Crypto.hash : undefined

export function wireId(raw: string): string {
  const hex = oneShot !== undefined ? oneShot('md5', raw, 'hex') : Crypto.createHash('md5').update(raw, 'utf8').digest('hex')
  return hex.slice(0, 16)
}

export function rawIdAt(scope: Scope, counter: number): string {
  return scope.prefix === '' ? String(counter) : `${scope.prefix}-${counter}`
}

/** The id of the `counter`-th operation (1-based) created in `scope`. */
export function operationId(scope: Scope, counter: number): OperationId {
  // rawIdAt and wireId written out: replay asks this once per recorded operation, and on a cold
  // process each call level costs about as much as the work inside it.
  const raw = scope.prefix === '' ? `${counter}` : `${scope.prefix}-${counter}`
  const wire = (oneShot !== undefined ? oneShot('md5', raw, 'hex') : Crypto.createHash('md5').update(raw, 'utf8').digest('hex')).slice(0, 16)
  return scope.parentWire === undefined ? { raw, wire } : { raw, wire, parentWire: scope.parentWire }
}

/** The scope that a child context with id `id` opens for the operations inside it. */
export function childScope(parent: Scope, id: OperationId, virtual: boolean): Scope {
  if (!virtual) return { prefix: id.raw, parentWire: id.wire, virtual: false }
  return parent.parentWire === undefined
    ? { prefix: id.raw, virtual: true }
    : { prefix: id.raw, parentWire: parent.parentWire, virtual: true }
}

/** Every proper ancestor prefix of a raw id, nearest first: `1-2-3` → `1-2`, `1`. */
export function ancestorsOf(raw: string): string[] {
  const out: string[] = []
  for (let i = raw.lastIndexOf('-'); i > 0; i = raw.lastIndexOf('-', i - 1)) out.push(raw.slice(0, i))
  return out
}
