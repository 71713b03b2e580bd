import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as E from 'fp-ts/lib/Either.js'
import { matchHistory, matchValue } from '../../../cli/conformance/match-history.js'
import { loadRequirement, type Requirement } from '../../../cli/conformance/requirement.js'
import { emptyBindings, type Bindings } from '../../../cli/conformance/substitute.js'
import { callbackBasicHistory, stepBasicHistory } from './histories.js'

const fixture = (path: string): Requirement => {
  const loaded = loadRequirement(new URL(`./fixtures/requirements/${path}`, import.meta.url).pathname)
  if (E.isLeft(loaded)) throw new Error(loaded.left.message)
  return loaded.right
}
const errorsOf = (expected: unknown, actual: unknown, bindings: Bindings = emptyBindings) => matchValue(expected, actual, bindings).errors

test('rule 1: {} should match anything, even a scalar', () => {
  assert.is(errorsOf({}, 'x').length, 0)
  assert.is(errorsOf({ Details: {} }, { Details: { a: 1 } }).length, 0)
})

test("rule 2: '*' should match anything", () => {
  assert.is(errorsOf('*', null).length, 0)
  assert.is(errorsOf({ A: '*' }, { A: [1] }).length, 0)
})

test('rule 3: ${/regex/} should search the Python str() rendering of actual', () => {
  assert.is(errorsOf('${/^[0-5]$/}', 3).length, 0)
  assert.is(errorsOf('${/^True$/}', true).length, 0)
  assert.is(errorsOf('${/^None$/}', null).length, 0)
  assert.is(errorsOf('${/wrapped/}', 'the wrapped error').length, 0)
  assert.is(errorsOf('${/.*TransientError$/}', 'MyTransientError').length, 0)
  assert.is(errorsOf("${/'a': 1/}", { a: 1 }).length, 0)
  const [error] = errorsOf({ N: '${/^[0-5]$/}' }, { N: 7 })
  assert.ok(error && error.path === 'N' && error.message.includes('/^[0-5]$/') && error.message.includes('7'))
})

test('rule 3: an invalid pattern should be an error that says to fix it', () => {
  const [error] = errorsOf('${/(unclosed/}', 'x')
  assert.match(error?.message ?? '', /fix the pattern/)
})

test('rule 4: an unbound placeholder should bind to actual, whatever its type', () => {
  const result = matchValue({ Id: '${ID1}', Obj: '${OBJ}' }, { Id: 'abc', Obj: { n: 1 } }, emptyBindings)
  assert.is(result.errors.length, 0)
  assert.is(result.bindings.get('ID1'), 'abc')
  assert.equal(result.bindings.get('OBJ'), { n: 1 })
})

test('rule 4: a bound placeholder should require an equal actual; numbers compare by value', () => {
  assert.is(errorsOf('${N}', 2.0, new Map([['N', 2]])).length, 0)
  const [error] = errorsOf({ Id: '${ID1}' }, { Id: 'other' }, new Map([['ID1', 'abc']]))
  assert.match(error?.message ?? '', /\$\{ID1\} = "abc" \(bound earlier\), got "other"/)
})

test('rule 4: two names may bind the same value', () => {
  assert.is(errorsOf({ A: '${X}', B: '${Y}' }, { A: 'same', B: 'same' }).length, 0)
})

test('rule 5: every expected key must exist in actual, even for * and {}', () => {
  const errors = errorsOf({ A: '*', B: {}, C: '${P}', D: 1 }, { D: 1, Extra: true })
  assert.equal(errors.map((error) => error.path), ['A', 'B', 'C'])
})

test('rule 6: lists should need equal lengths, then match pairwise', () => {
  assert.is(errorsOf(['${X}', '*'], ['a', 'b']).length, 0)
  assert.match(errorsOf([1, 2], [1])[0]?.message ?? '', /list of 2 item\(s\), got 1/)
  assert.is(errorsOf({ L: [1, { a: 2 }] }, { L: [1, { a: 3 }] })[0]?.path, 'L[1].a')
})

test('rule 7: strings should be substituted (names bound so far) then compared for deep equality', () => {
  assert.is(errorsOf('"${P}"', '"abc"', new Map([['P', 'abc']])).length, 0)
  assert.is(errorsOf(2, 2.0).length, 0)
  assert.is(errorsOf(null, null).length, 0)
  assert.is(errorsOf('5', 5).length, 1)
  assert.is(errorsOf({ M: { b: 1, a: [1] } }, { M: { a: [1], b: 1 } }).length, 0)
})

test('matchHistory should index by EventId, ignore unlisted events and report missing ones', () => {
  const history = stepBasicHistory()
  const result = matchHistory([{ EventType: 'StepSucceeded', EventId: 3 }, { EventType: 'Nope', EventId: 9 }], history, emptyBindings)
  assert.is(result.errors.length, 1)
  assert.is(result.errors[0]?.eventId, 9)
  assert.match(result.errors[0]?.message ?? '', /EventId 9 \(Nope\): no actual event has this EventId/)
})

test('matchHistory should collect every error, in file order, not stop at the first', () => {
  const history = stepBasicHistory()
  const expected = [
    { EventType: 'StepStarted', EventId: 2, Name: 'wrong' },
    { EventType: 'StepSucceeded', EventId: 3, SubType: 'Wait' },
  ]
  assert.equal(matchHistory(expected, history, emptyBindings).errors.map((error) => `${error.eventId}:${error.path}`), ['2:Name', '3:SubType'])
})

test('the step/1-1 fixture should pass against a conforming history', () => {
  const requirement = fixture('step/1-1.yaml')
  const result = matchHistory(requirement.expectedHistory, stepBasicHistory(), emptyBindings)
  assert.equal(result.errors, [])
  assert.is(result.bindings.get('ID1'), 'c4ca4238a0b92382')
})

test('the step/1-1 fixture should fail naming the field when one field differs', () => {
  const history = stepBasicHistory()
  const succeeded = history[2]
  if (succeeded) succeeded.Id = 'a-different-id'
  const { errors } = matchHistory(fixture('step/1-1.yaml').expectedHistory, history, emptyBindings)
  assert.is(errors.length, 1)
  assert.is(errors[0]?.path, 'Id')
  assert.match(errors[0]?.message ?? '', /^EventId 3 \(StepSucceeded\) Id: expected \$\{ID1\} = "c4ca4238a0b92382" \(bound earlier\), got "a-different-id"$/)
})

test('the callback/4-1 fixture should pass, and fail naming CallbackSucceededDetails.Result.Payload', () => {
  const requirement = fixture('callback/4-1.yaml')
  const bindings: Bindings = new Map([['CB_NAME', 'abcdefghij'], ['CB_PAYLOAD', 'payload12345']])
  assert.equal(matchHistory(requirement.expectedHistory, callbackBasicHistory('abcdefghij', 'payload12345'), bindings).errors, [])
  const history = callbackBasicHistory('abcdefghij', 'payload12345')
  const succeeded = history[3]
  if (succeeded) succeeded.CallbackSucceededDetails = { Result: { Payload: '"payload99999"' } }
  const { errors } = matchHistory(requirement.expectedHistory, history, bindings)
  assert.is(errors.length, 1)
  assert.is(errors[0]?.path, 'CallbackSucceededDetails.Result.Payload')
  assert.is(errors[0]?.eventType, 'CallbackSucceeded')
  assert.is(errors[0]?.expected, '"payload12345"')
  assert.is(errors[0]?.actual, '"payload99999"')
  assert.match(errors[0]?.message ?? '', /EventId 4 \(CallbackSucceeded\) CallbackSucceededDetails\.Result\.Payload: expected/)
})

test.run()
