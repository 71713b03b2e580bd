/**
 * Rules L: checks `ExpectedLogs` against the single-line JSON records an execution wrote to stdout.
 * Records belong to the execution when their top-level `durableExecutionArn` or `executionArn` is its
 * ARN; their order is the order they were written (all invocations), which is what `after`/`before`
 * compare (a record matching both the entry and the anchor is a tie, and ties are satisfied).
 * An entry is passed through rule S as a whole; its `match` selects the records having all the fields:
 * `"/re/"` searches `String(actual).trim()`, other strings compare trimmed, booleans strictly, numbers
 * by value; a leading `(?i)` makes a pattern case-insensitive. No cardinality key means "at least one".
 */
import { hasKey, isRecord, showValue, type JsonRecord } from './json-values.js'
import { searchPythonRegex } from './python-regex.js'
import { substituteText, type Bindings } from './substitute.js'

export type LogMatcher = Readonly<Record<string, string | number | boolean | null>>

export interface ExpectedLogEntry {
  readonly match: LogMatcher
  readonly count?: number | undefined
  readonly min_count?: number | undefined
  readonly max_count?: number | undefined
  readonly after?: LogMatcher | readonly LogMatcher[] | undefined
  readonly before?: LogMatcher | readonly LogMatcher[] | undefined
}

const CASE_INSENSITIVE = '(?i)'

/** The records of one execution among raw stdout lines, in the order they were written. */
export function selectExecutionRecords(lines: readonly string[], executionArn: string): readonly JsonRecord[] {
  const records: JsonRecord[] = []
  for (const line of lines) {
    const text = line.trim()
    if (!text.startsWith('{')) continue
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      continue
    }
    if (isRecord(parsed) && (parsed.durableExecutionArn === executionArn || parsed.executionArn === executionArn)) records.push(parsed)
  }
  return records
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : isRecord(value) || Array.isArray(value) ? JSON.stringify(value) : String(value)
}

function fieldMatches(expected: string | number | boolean | null, actual: unknown): boolean {
  if (typeof expected === 'boolean' || expected === null) return actual === expected
  if (typeof expected === 'number') {
    const numeric = typeof actual === 'string' && actual.trim() !== '' ? Number(actual) : actual
    return typeof numeric === 'number' && numeric === expected
  }
  const actualText = textOf(actual).trim()
  const wanted = expected.trim()
  if (wanted.length >= 2 && wanted.startsWith('/') && wanted.endsWith('/')) return searchPythonRegex(wanted.slice(1, -1), actualText).matched
  if (wanted.startsWith(CASE_INSENSITIVE)) return actualText.toLowerCase() === wanted.slice(CASE_INSENSITIVE.length).toLowerCase()
  return actualText === wanted
}

export function recordMatches(matcher: LogMatcher, record: JsonRecord): boolean {
  return Object.entries(matcher).every(([key, expected]) => hasKey(record, key) && fieldMatches(expected, record[key]))
}

function positionsOf(matcher: LogMatcher, records: readonly JsonRecord[]): number[] {
  return records.flatMap((record, index) => (recordMatches(matcher, record) ? [index] : []))
}

function cardinalityError(entry: ExpectedLogEntry, found: number): string | undefined {
  if (entry.count !== undefined) return found === entry.count ? undefined : `expected exactly ${entry.count} matching record(s), got ${found}`
  const minimum = entry.min_count ?? (entry.max_count === undefined ? 1 : undefined)
  if (minimum !== undefined && found < minimum) return `expected at least ${minimum} matching record(s), got ${found}`
  if (entry.max_count !== undefined && found > entry.max_count) return `expected at most ${entry.max_count} matching record(s), got ${found}`
  return undefined
}

function isMatcherList(anchors: LogMatcher | readonly LogMatcher[]): anchors is readonly LogMatcher[] {
  return Array.isArray(anchors)
}

function anchorsOf(anchors: LogMatcher | readonly LogMatcher[] | undefined): readonly LogMatcher[] {
  if (anchors === undefined) return []
  return isMatcherList(anchors) ? anchors : [anchors]
}

function substituteMatcher(matcher: LogMatcher, bindings: Bindings): LogMatcher {
  return Object.fromEntries(Object.entries(matcher).map(([key, value]) => [key, typeof value === 'string' ? substituteText(value, bindings) : value]))
}

function substituteAnchors(anchors: LogMatcher | readonly LogMatcher[] | undefined, bindings: Bindings): readonly LogMatcher[] | undefined {
  return anchors === undefined ? undefined : anchorsOf(anchors).map((anchor) => substituteMatcher(anchor, bindings))
}

/** Rule S over the whole entry: every string of `match`, `after` and `before`. */
export function substituteLogEntry(entry: ExpectedLogEntry, bindings: Bindings): ExpectedLogEntry {
  return {
    ...entry,
    match: substituteMatcher(entry.match, bindings),
    after: substituteAnchors(entry.after, bindings),
    before: substituteAnchors(entry.before, bindings),
  }
}

function orderErrors(entry: ExpectedLogEntry, positions: readonly number[], records: readonly JsonRecord[]): string[] {
  const errors: string[] = []
  for (const side of ['after', 'before'] as const) {
    const anchors = anchorsOf(entry[side])
    const anchorPositions: number[] = []
    for (const anchor of anchors) {
      const found = positionsOf(anchor, records)
      if (found.length === 0) errors.push(`${side} anchor ${showValue(anchor)} matched no record`)
      anchorPositions.push(...found)
    }
    if (anchorPositions.length === 0) continue
    const bound = side === 'after' ? Math.max(...anchorPositions) : Math.min(...anchorPositions)
    const misplaced = positions.filter((position) => (side === 'after' ? position < bound : position > bound))
    if (misplaced.length > 0) {
      errors.push(`record #${misplaced[0]} matches but comes ${side === 'after' ? 'before' : 'after'} the ${side === 'after' ? 'last' : 'first'} ${side} anchor (record #${bound})`)
    }
  }
  return errors
}

/** Returns one message per broken expectation, each naming the entry's index and its `match`. */
export function matchLogs(entries: readonly ExpectedLogEntry[], records: readonly JsonRecord[], bindings: Bindings): readonly string[] {
  const errors: string[] = []
  entries.forEach((rawEntry, index) => {
    const entry = substituteLogEntry(rawEntry, bindings)
    const positions = positionsOf(entry.match, records)
    const problems = [cardinalityError(entry, positions.length), ...orderErrors(entry, positions, records)]
    for (const problem of problems) if (problem !== undefined) errors.push(`ExpectedLogs[${index}] ${showValue(entry.match)}: ${problem}`)
  })
  return errors
}
