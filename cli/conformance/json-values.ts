/**
 * Plain-data helpers shared by the conformance matchers: recognising mappings, and the deep
 * equality the official runner gets from Python's `==` on decoded JSON/YAML.
 * Numbers compare by value (`2 == 2.0`), mapping key order is irrelevant, lists are ordered.
 * Booleans are not numbers here (Python would say `True == 1`); no requirement relies on that and
 * treating them apart catches a handler that returns `true` where `1` was meant.
 */

export type JsonRecord = { readonly [key: string]: unknown }

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function hasKey(value: JsonRecord, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key)
}

export function deepEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true
  if (typeof left === 'number' && typeof right === 'number') return left === right || (Number.isNaN(left) && Number.isNaN(right))
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, index) => deepEqual(item, right[index]))
  }
  if (isRecord(left) && isRecord(right)) {
    const leftKeys = Object.keys(left)
    if (leftKeys.length !== Object.keys(right).length) return false
    return leftKeys.every((key) => hasKey(right, key) && deepEqual(left[key], right[key]))
  }
  return false
}

/** A compact, unambiguous rendering for error messages (JSON, with `undefined` spelled out). */
export function showValue(value: unknown): string {
  if (value === undefined) return 'undefined'
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
