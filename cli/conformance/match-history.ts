/**
 * Rules H: matches the expected events of a requirement against an actual history. Actual events are
 * indexed by EventId (unlisted ones are ignored, there is no length check); each expected event is
 * compared recursively, first applicable rule wins: `{}`, `'*'`, `${/regex/}` (Python `re.search`
 * over Python `str(actual)`), `${NAME}` (bind or compare), mapping (every expected key must exist),
 * list (same length, pairwise), otherwise rule S then deep equality (numbers by value).
 * Expected events and keys are walked in file order, so a placeholder binds at its first occurrence.
 * Every error is collected and names the EventId, the EventType, the field path, expected and actual.
 */
import { deepEqual, hasKey, isRecord, showValue, type JsonRecord } from './json-values.js'
import { searchPythonRegex } from './python-regex.js'
import { pythonStr } from './python-text.js'
import { substituteText, wholeReferenceName, type Bindings } from './substitute.js'

export interface HistoryMismatch {
  readonly eventId: number
  readonly eventType: string
  /** Dotted field path inside the event, e.g. `StepSucceededDetails.Result.Payload`; '' for the event. */
  readonly path: string
  readonly expected: unknown
  readonly actual: unknown
  readonly message: string
}

export interface HistoryMatch {
  readonly errors: readonly HistoryMismatch[]
  readonly bindings: Bindings
}

const REGEX_MATCHER = /^\$\{\/(.+)\/\}$/s

interface Walk {
  readonly eventId: number
  readonly eventType: string
  readonly bindings: Map<string, unknown>
  readonly errors: HistoryMismatch[]
}

function report(walk: Walk, path: string, expected: unknown, actual: unknown, reason: string): void {
  const where = `EventId ${walk.eventId} (${walk.eventType})${path === '' ? '' : ` ${path}`}`
  walk.errors.push({ eventId: walk.eventId, eventType: walk.eventType, path, expected, actual, message: `${where}: ${reason}` })
}

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`
  return path === '' ? key : `${path}.${key}`
}

function matchRegex(walk: Walk, pattern: string, actual: unknown, path: string): void {
  const rendered = pythonStr(actual)
  const search = searchPythonRegex(pattern, rendered)
  if (search.invalid !== undefined) report(walk, path, `\${/${pattern}/}`, actual, `${search.invalid}; fix the pattern in the requirement`)
  else if (!search.matched) report(walk, path, `\${/${pattern}/}`, actual, `expected a match of /${pattern}/, got ${showValue(actual)} (searched in ${JSON.stringify(rendered)})`)
}

function matchPlaceholder(walk: Walk, name: string, actual: unknown, path: string): void {
  if (!walk.bindings.has(name)) {
    walk.bindings.set(name, actual)
    return
  }
  const bound = walk.bindings.get(name)
  if (!deepEqual(bound, actual)) {
    report(walk, path, bound, actual, `expected \${${name}} = ${showValue(bound)} (bound earlier), got ${showValue(actual)}`)
  }
}

function matchMapping(walk: Walk, expected: JsonRecord, actual: JsonRecord, path: string): void {
  for (const [key, expectedItem] of Object.entries(expected)) {
    const itemPath = childPath(path, key)
    if (!hasKey(actual, key)) report(walk, itemPath, expectedItem, undefined, `expected key ${key} (${showValue(expectedItem)}), but the actual event has no such key`)
    else matchNode(walk, expectedItem, actual[key], itemPath)
  }
}

function matchList(walk: Walk, expected: readonly unknown[], actual: readonly unknown[], path: string): void {
  if (expected.length !== actual.length) {
    report(walk, path, expected, actual, `expected a list of ${expected.length} item(s), got ${actual.length}: ${showValue(actual)}`)
    return
  }
  expected.forEach((item, index) => matchNode(walk, item, actual[index], childPath(path, index)))
}

function matchNode(walk: Walk, expected: unknown, actual: unknown, path: string): void {
  if (isRecord(expected) && Object.keys(expected).length === 0) return
  if (expected === '*') return
  const pattern = typeof expected === 'string' ? REGEX_MATCHER.exec(expected)?.[1] : undefined
  if (pattern !== undefined) return matchRegex(walk, pattern, actual, path)
  const name = wholeReferenceName(expected)
  if (name !== undefined) return matchPlaceholder(walk, name, actual, path)
  if (isRecord(expected) && isRecord(actual)) return matchMapping(walk, expected, actual, path)
  if (Array.isArray(expected) && Array.isArray(actual)) return matchList(walk, expected, actual, path)
  const resolved = typeof expected === 'string' ? substituteText(expected, walk.bindings) : expected
  if (!deepEqual(resolved, actual)) report(walk, path, resolved, actual, `expected ${showValue(resolved)}, got ${showValue(actual)}`)
}

function eventIdOf(event: unknown): number | undefined {
  return isRecord(event) && typeof event.EventId === 'number' ? event.EventId : undefined
}

function indexByEventId(actualEvents: readonly unknown[]): ReadonlyMap<number, JsonRecord> {
  const index = new Map<number, JsonRecord>()
  for (const event of actualEvents) {
    const eventId = eventIdOf(event)
    if (eventId !== undefined && isRecord(event)) index.set(eventId, event)
  }
  return index
}

/** Matches one expected value against an actual one (for tests and tools); path starts empty. */
export function matchValue(expected: unknown, actual: unknown, bindings: Bindings, eventId = 0, eventType = '?'): HistoryMatch {
  const walk: Walk = { eventId, eventType, bindings: new Map(bindings), errors: [] }
  matchNode(walk, expected, actual, '')
  return { errors: walk.errors, bindings: walk.bindings }
}

export function matchHistory(expectedEvents: readonly JsonRecord[], actualEvents: readonly unknown[], bindings: Bindings): HistoryMatch {
  const actualById = indexByEventId(actualEvents)
  const bound = new Map(bindings)
  const errors: HistoryMismatch[] = []
  for (const expected of expectedEvents) {
    const eventId = eventIdOf(expected) ?? Number.NaN
    const actual = actualById.get(eventId)
    const eventType = typeof expected.EventType === 'string' ? expected.EventType : showValue(actual?.EventType)
    const walk: Walk = { eventId, eventType, bindings: bound, errors }
    if (actual === undefined) {
      const lastId = Math.max(0, ...actualById.keys())
      report(walk, '', expected, undefined, `no actual event has this EventId (the history has ${actualById.size} event(s), the last is EventId ${lastId})`)
    } else {
      matchNode(walk, expected, actual, '')
    }
  }
  return { errors, bindings: bound }
}
