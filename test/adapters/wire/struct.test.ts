import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { decode } from '../../../adapters/wire/decode.js'
import { IsoTimestamp } from '../../../adapters/wire/primitives.js'
import { list, struct } from '../../../adapters/wire/struct.js'

const Inner = struct('Inner', { Kind: t.keyof({ A: null, B: null }) }, { Note: t.string })
const Outer = struct('Outer', { Id: t.string }, { At: IsoTimestamp, Items: list(Inner), Flag: t.boolean })

test('should decode known fields and drop unknown keys and undefined values', () => {
  const r = Outer.decode({ Id: 'x', Flag: undefined, Extra: 1, Items: [{ Kind: 'A', Other: 2 }] })
  assert.equal(r, E.right({ Id: 'x', Items: [{ Kind: 'A' }] }))
})

test('should decode ISO timestamps to epoch ms and drop unparseable ones', () => {
  assert.equal(Outer.decode({ Id: 'x', At: '2026-01-01T00:00:00.000Z' }), E.right({ Id: 'x', At: Date.UTC(2026, 0, 1) }))
  assert.equal(Outer.decode({ Id: 'x', At: 'not a date' }), E.right({ Id: 'x' }))
})

test('should build a fresh object of known keys, never the input itself, even when nothing changed', () => {
  const inner = { Kind: 'B', Note: 'n' }
  const r = Outer.decode({ Id: 'x', Items: [inner] })
  assert.ok(E.isRight(r))
  if (E.isRight(r)) {
    assert.is.not(r.right.Items?.[0], inner)
    assert.equal(r.right.Items?.[0], inner)
  }
  const withExtra = { Kind: 'B', Extra: true }
  const r2 = Inner.decode(withExtra)
  assert.equal(r2, E.right({ Kind: 'B' }))
})

test('should decode a required field that is missing or of the wrong kind to a failure at its key', () => {
  const r = decode(Inner, { Kind: 7 }, 'inner')
  assert.ok(E.isLeft(r) && r.left.path === 'Kind' && /7/.test(r.left.message))
  const missing = decode(Inner, {}, 'inner')
  assert.ok(E.isLeft(missing) && missing.left.path === 'Kind')
})

test('should name the path of a failure inside a list of structs', () => {
  const r = decode(Outer, { Id: 'x', Items: [{ Kind: 'A' }, { Kind: 'A' }, { Kind: 'C' }] }, 'thing')
  assert.ok(E.isLeft(r))
  if (E.isLeft(r)) {
    assert.is(r.left.path, 'Items[2].Kind')
    assert.match(r.left.message, /"C"/)
  }
})

test('should report a missing required field and a non-object with their paths', () => {
  const missing = decode(Outer, { Items: [] }, 'thing')
  assert.ok(E.isLeft(missing) && missing.left.path === 'Id')
  const notObject = decode(Outer, { Id: 'x', Items: [3] }, 'thing')
  assert.ok(E.isLeft(notObject) && notObject.left.path === 'Items[0]')
  assert.ok(E.isLeft(Outer.decode([])))
})

test('should collect every failure, not only the first', () => {
  const r = Outer.decode({ Id: 1, Flag: 'yes' })
  assert.ok(E.isLeft(r))
  if (E.isLeft(r)) assert.is(r.left.length, 2)
})

test('should encode only defined known fields', () => {
  assert.equal(Outer.encode({ Id: 'x', At: Date.UTC(2026, 0, 1) }), { Id: 'x', At: '2026-01-01T00:00:00.000Z' })
})

test('should decode fields whose names need quoting in the unrolled decoder', () => {
  const Odd = struct('Odd', { 'a"b': t.string }, { 'c\\d\n': t.number, 'e-f': t.boolean })
  assert.equal(Odd.decode({ 'a"b': 'x', 'c\\d\n': 1, 'e-f': true, other: 0 }), E.right({ 'a"b': 'x', 'c\\d\n': 1, 'e-f': true }))
  const r = decode(Odd, { 'a"b': 'x', 'e-f': 'no' }, 'odd')
  assert.ok(E.isLeft(r) && r.left.path === 'e-f')
})

test('should decide a good scalar field by its guard alone, without calling its codec', () => {
  const Kind = t.keyof({ A: null, B: null })
  let validated = 0
  const validate = Kind.validate.bind(Kind)
  const is = Kind.is.bind(Kind)
  Object.assign(Kind, {
    validate: (u: unknown, c: t.Context) => {
      validated++
      return validate(u, c)
    },
    is: (u: unknown): u is 'A' | 'B' => {
      validated++
      return is(u)
    },
  })
  const Spied = struct('Spied', { Kind }, { Other: Kind })
  assert.equal(Spied.decode({ Kind: 'A', Other: 'B' }), E.right({ Kind: 'A', Other: 'B' }))
  assert.is(validated, 0)
  assert.ok(E.isLeft(Spied.decode({ Kind: 'C' })))
  assert.ok(validated > 0)
})

test.run()
