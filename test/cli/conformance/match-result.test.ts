import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { matchResult } from '../../../cli/conformance/match-result.js'
import { emptyBindings } from '../../../cli/conformance/substitute.js'

test('matchResult should compare ExecutionStatus with the execution record Status', () => {
  assert.equal(matchResult({ ExecutionStatus: 'SUCCEEDED' }, { Status: 'SUCCEEDED' }, emptyBindings), [])
  assert.equal(matchResult({ ExecutionStatus: 'FAILED' }, { Status: 'SUCCEEDED' }, emptyBindings), ['ExpectedResult.ExecutionStatus: expected FAILED, got SUCCEEDED'])
})

test('matchResult should stop after the status when the execution did not succeed', () => {
  assert.equal(matchResult({ ExecutionStatus: 'FAILED', result: { value: 'never compared' } }, { Status: 'FAILED', Result: '"x"' }, emptyBindings), [])
})

test('matchResult should JSON-decode Result and compare it with S(expected)', () => {
  const bindings = new Map([['INPUT_1', 'abc']])
  assert.equal(matchResult({ result: { value: 'Hello, ${INPUT_1}!' } }, { Status: 'SUCCEEDED', Result: '"Hello, abc!"' }, bindings), [])
  assert.equal(matchResult({ result: { value: { received: { n: 1 } } } }, { Status: 'SUCCEEDED', Result: '{"received":{"n":1.0}}' }, emptyBindings), [])
  const [error] = matchResult({ result: { value: 'Hello' } }, { Status: 'SUCCEEDED', Result: '"Hullo"' }, emptyBindings)
  assert.match(error ?? '', /^ExpectedResult\.Result: expected "Hello", got "Hullo"/)
})

test('matchResult should fall back to the raw string and treat an absent Result as null', () => {
  assert.equal(matchResult({ result: { value: 'not json' } }, { Status: 'SUCCEEDED', Result: 'not json' }, emptyBindings), [])
  assert.equal(matchResult({ result: { value: null } }, { Status: 'SUCCEEDED' }, emptyBindings), [])
})

test('matchResult should compare literally: quotes kept, no wildcards', () => {
  assert.equal(matchResult({ result: { value: '"HELLO"' } }, { Status: 'SUCCEEDED', Result: '"\\"HELLO\\""' }, emptyBindings), [])
  assert.is(matchResult({ result: { value: '*' } }, { Status: 'SUCCEEDED', Result: '"anything"' }, emptyBindings).length, 1)
})

test('matchResult should skip Result when the requirement has no Result key', () => {
  assert.equal(matchResult({ ExecutionStatus: 'SUCCEEDED' }, { Status: 'SUCCEEDED', Result: '"whatever"' }, emptyBindings), [])
})

test.run()
