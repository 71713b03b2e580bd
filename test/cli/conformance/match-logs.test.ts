import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { matchLogs, recordMatches, selectExecutionRecords } from '../../../cli/conformance/match-logs.js'
import { emptyBindings } from '../../../cli/conformance/substitute.js'

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST/durable-execution/e/1'
const line = (fields: Record<string, unknown>) => JSON.stringify({ durableExecutionArn: ARN, ...fields })
const records = selectExecutionRecords(
  [
    line({ plugin: 'P', hook: 'invocation-start', first: true }),
    'START RequestId: plain text is ignored',
    line({ message: '  Greeting step running for: abc  ', level: 'INFO' }),
    JSON.stringify({ executionArn: 'arn:other', message: 'another execution' }),
    JSON.stringify({ executionArn: ARN, hook: 'operation-end', type: 'Context', subType: 'Parallel', n: 2 }),
    line({ plugin: 'P', hook: 'invocation-end', status: 'SUCCEEDED' }),
  ],
  ARN,
)

test('selectExecutionRecords should keep JSON lines whose durableExecutionArn or executionArn is the execution', () => {
  assert.is(records.length, 4)
})

test('recordMatches should need every field: regex, trimmed strings, booleans, numbers, (?i)', () => {
  const [start, message, operation] = records
  assert.ok(start && message && operation)
  assert.ok(recordMatches({ plugin: 'P', first: true }, start))
  assert.not.ok(recordMatches({ plugin: 'P', first: 1 }, start))
  assert.not.ok(recordMatches({ plugin: 'P', missing: 'x' }, start))
  assert.ok(recordMatches({ message: 'Greeting step running for: abc' }, message))
  assert.ok(recordMatches({ message: '/running for: a.c$/' }, message))
  assert.ok(recordMatches({ type: '/(?i)context/', subType: '/(?i)^parallel$/', n: 2 }, operation))
  assert.ok(recordMatches({ n: 2.0 }, operation))
  assert.ok(recordMatches({ type: '(?i)CONTEXT' }, operation))
  assert.not.ok(recordMatches({ type: '/context/' }, operation))
})

test('matchLogs should apply S to the whole entry before matching', () => {
  const bindings = new Map([['INPUT_1', 'abc']])
  assert.equal(matchLogs([{ match: { message: '/Greeting step running for: ${INPUT_1}/' }, count: 1 }], records, bindings), [])
})

test('matchLogs should check count exactly, min_count/max_count, and default to at least one', () => {
  assert.equal(matchLogs([{ match: { plugin: 'P' }, count: 2 }], records, emptyBindings), [])
  assert.match(matchLogs([{ match: { plugin: 'P' }, count: 1 }], records, emptyBindings)[0] ?? '', /^ExpectedLogs\[0\] \{"plugin":"P"\}: expected exactly 1 matching record\(s\), got 2$/)
  assert.equal(matchLogs([{ match: { plugin: 'P' }, min_count: 2, max_count: 2 }], records, emptyBindings), [])
  assert.match(matchLogs([{ match: { plugin: 'P' }, min_count: 3 }], records, emptyBindings)[0] ?? '', /at least 3/)
  assert.match(matchLogs([{ match: { plugin: 'P' }, max_count: 1 }], records, emptyBindings)[0] ?? '', /at most 1/)
  assert.equal(matchLogs([{ match: { plugin: 'Q' }, max_count: 1 }], records, emptyBindings), [])
  assert.match(matchLogs([{ match: { plugin: 'Q' } }], records, emptyBindings)[0] ?? '', /at least 1 matching record\(s\), got 0/)
  assert.equal(matchLogs([{ match: { plugin: 'Q' }, count: 0 }], records, emptyBindings), [])
})

test('matchLogs after: no match may come before the last anchor match', () => {
  assert.equal(matchLogs([{ match: { hook: 'invocation-end' }, after: [{ hook: 'invocation-start' }, { message: '/Greeting/' }] }], records, emptyBindings), [])
  assert.match(matchLogs([{ match: { hook: 'invocation-start' }, after: { message: '/Greeting/' } }], records, emptyBindings)[0] ?? '', /comes before the last after anchor/)
})

test('matchLogs before: no match may come after the first anchor match', () => {
  assert.equal(matchLogs([{ match: { hook: 'invocation-start' }, before: [{ hook: 'invocation-end' }] }], records, emptyBindings), [])
  assert.match(matchLogs([{ match: { hook: 'invocation-end' }, before: { message: '/Greeting/' } }], records, emptyBindings)[0] ?? '', /comes after the first before anchor/)
})

test('matchLogs should count a tie (one record matching entry and anchor) as satisfied', () => {
  assert.equal(matchLogs([{ match: { plugin: 'P', hook: 'invocation-end' }, after: { plugin: 'P' }, before: { hook: 'invocation-end' } }], records, emptyBindings), [])
})

test('matchLogs should require every anchor to match at least one record', () => {
  assert.match(matchLogs([{ match: { plugin: 'P' }, count: 2, after: { hook: 'never' } }], records, emptyBindings)[0] ?? '', /after anchor \{"hook":"never"\} matched no record/)
})

test.run()
