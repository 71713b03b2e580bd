import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as ChildContext from '../../../core/operations/child-context.js'
import type { RequestOf } from '../../../core/request.js'
import { top, utf8String } from '../fixtures.js'

const LIMIT = 262_144
const succeeded = (payload: string): RequestOf<'ChildSucceeded'> => ({
  _tag: 'ChildSucceeded',
  id: top(1),
  subType: 'RunInChildContext',
  virtual: false,
  payload,
})
const recordedPayload = (payload: string) => {
  const [update] = ChildContext.succeeded(undefined, succeeded(payload)).updates
  return { Payload: update?.Payload, ContextOptions: update?.ContextOptions }
}

test('should keep the REPLAY_CHILDREN_THRESHOLD at 256 KiB', () => {
  assert.is(ChildContext.REPLAY_CHILDREN_THRESHOLD, LIMIT)
})

for (const [label, unit] of [
  ['ASCII', 'x'],
  ['2-byte é', 'é'],
  ['3-byte €', '€'],
  ['4-byte 😀', '😀'],
] as const) {
  test(`should store a payload of exactly 262144 UTF-8 bytes inline (${label})`, () => {
    const payload = utf8String(LIMIT, unit)
    assert.is(Buffer.byteLength(payload, 'utf8'), LIMIT)
    assert.equal(recordedPayload(payload), { Payload: payload, ContextOptions: undefined })
  })

  test(`should replace a payload of 262145 UTF-8 bytes by "" with ReplayChildren (${label})`, () => {
    const payload = utf8String(LIMIT + 1, unit)
    assert.is(Buffer.byteLength(payload, 'utf8'), LIMIT + 1)
    assert.equal(recordedPayload(payload), { Payload: '', ContextOptions: { ReplayChildren: true } })
  })
}

test('should measure bytes, not characters: 87382 three-byte characters are over the limit', () => {
  const payload = '€'.repeat(87_382)
  assert.ok(payload.length < LIMIT)
  assert.ok(ChildContext.isOversized(payload))
})

test('should never treat an undefined or empty payload as oversized', () => {
  assert.not.ok(ChildContext.isOversized(undefined))
  assert.not.ok(ChildContext.isOversized(''))
})

test('should count UTF-8 bytes like Buffer.byteLength for well-formed text', () => {
  for (const text of ['', 'abc', 'é', '€uro', '😀', 'a😀é€z', '\u07ff\u0800\uffff', '\u{10ffff}']) {
    assert.is(ChildContext.utf8Length(text), Buffer.byteLength(text, 'utf8'), JSON.stringify(text))
  }
})

test('should follow TV15: "x".repeat(262134+i) as JSON is inline exactly for i ≤ 8', () => {
  for (let i = 0; i < 12; i++) {
    const payload = JSON.stringify('x'.repeat(262_134 + i))
    const { ContextOptions } = recordedPayload(payload)
    assert.is(ContextOptions?.ReplayChildren === true, i > 8, `item ${i}`)
  }
})

test.run()
