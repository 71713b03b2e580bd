import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createHash } from 'node:crypto'
import * as Execution from '../../../core/operations/execution.js'
import { utf8String } from '../fixtures.js'

const LIMIT = 6_291_406
const NOW = 1_767_225_600_123
const H = (raw: string) => createHash('md5').update(raw, 'utf8').digest('hex').slice(0, 16)

test('should keep the response limit at 6 MiB − 50 bytes', () => {
  assert.is(Execution.RESPONSE_LIMIT_BYTES, 6 * 1024 * 1024 - 50)
})

test('should answer SUCCEEDED with the JSON inline and no updates when small', () => {
  assert.equal(Execution.succeeded('{"a":2,"b":20}', NOW), { output: { Status: 'SUCCEEDED', Result: '{"a":2,"b":20}' }, updates: [] })
})

test('should answer SUCCEEDED without Result when the workflow returned undefined', () => {
  assert.equal(Execution.succeeded(undefined, NOW), { output: { Status: 'SUCCEEDED' }, updates: [] })
})

test('should keep a result of exactly 6291406 bytes inline', () => {
  const json = utf8String(LIMIT)
  assert.equal(Execution.succeeded(json, NOW).updates, [])
  assert.is(Execution.succeeded(json, NOW).output.Result, json)
})

test('should checkpoint a result of 6291407 bytes as EXECUTION SUCCEED with only Id, Type, Action, Payload', () => {
  const json = utf8String(LIMIT + 1)
  const completion = Execution.succeeded(json, NOW)
  assert.equal(completion.output, { Status: 'SUCCEEDED', Result: '' })
  assert.equal(completion.updates, [{ Id: H(`execution-result-${NOW}`), Type: 'EXECUTION', Action: 'SUCCEED', Payload: json }])
  assert.equal(Object.keys(completion.updates[0] ?? {}), ['Id', 'Type', 'Action', 'Payload'])
})

test('should measure UTF-8 bytes: TV16 "\\u{FFFF}" × 2 Mi (6 MiB of bytes, 2 Mi characters) is checkpointed', () => {
  const json = JSON.stringify({ d: '\u{FFFF}'.repeat(2 * 1024 * 1024) })
  assert.ok(json.length < LIMIT)
  assert.is(Execution.succeeded(json, NOW).output.Result, '')
  assert.is(Execution.succeeded(json, NOW).updates.length, 1)
})

for (const [label, unit] of [
  ['3-byte €', '€'],
  ['4-byte 😀', '😀'],
] as const) {
  test(`should put the boundary at exactly 6291406 UTF-8 bytes with ${label} characters`, () => {
    assert.equal(Execution.succeeded(utf8String(LIMIT, unit), NOW).updates, [])
    assert.is(Execution.succeeded(utf8String(LIMIT + 1, unit), NOW).updates.length, 1)
  })
}

test('should derive the oversized update id from the clock value passed in', () => {
  const [a] = Execution.succeeded(utf8String(LIMIT + 1), 1).updates
  const [b] = Execution.succeeded(utf8String(LIMIT + 1), 2).updates
  assert.is(a?.Id, H('execution-result-1'))
  assert.is(b?.Id, H('execution-result-2'))
})

test('should answer FAILED with the error inline and no updates', () => {
  const error = { ErrorType: 'Error', ErrorMessage: 'Intentional handler failure' }
  assert.equal(Execution.failed(error), { output: { Status: 'FAILED', Error: error }, updates: [] })
})

test.run()
