import { test } from 'uvu'
import * as assert from 'uvu/assert'
import fc from 'fast-check'
import { bindVariables, GENERATED_ALPHABET, substituteText, substituteValue, type Bindings } from '../../../cli/conformance/substitute.js'

const cycling = () => {
  let next = 0
  return (size: number) => next++ % size
}

test('bindVariables should turn ${GEN_STR:N} into N characters of [a-z0-9]', () => {
  const bindings = bindVariables({ CB_NAME: '${GEN_STR:10}', LITERAL: 'plain ${GEN_STR:3} text' }, cycling())
  assert.is(bindings.get('CB_NAME'), 'abcdefghij')
  assert.is(bindings.get('LITERAL'), 'plain ${GEN_STR:3} text')
})

test('bindVariables should only ever generate characters of the alphabet, of the asked length', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 40 }), fc.array(fc.nat(), { minLength: 1 }), (length, seeds) => {
      let index = 0
      const value = bindVariables({ X: `\${GEN_STR:${length}}` }, (size) => (seeds[index++ % seeds.length] ?? 0) % size).get('X')
      return typeof value === 'string' && value.length === length && [...value].every((char) => GENERATED_ALPHABET.includes(char))
    }),
  )
})

test('substituteText should replace bound names and leave unbound references alone', () => {
  const bindings: Bindings = new Map<string, unknown>([['A', 'x'], ['N', 3], ['B', true]])
  assert.is(substituteText('${A}-${N}-${B}-${MISSING}', bindings), 'x-3-True-${MISSING}')
  assert.is(substituteText('${/regex/}', bindings), '${/regex/}')
  assert.is(substituteText('${1BAD}', new Map([['1BAD', 'y']])), '${1BAD}')
})

test('substituteValue should substitute inside lists and mapping values, never keys', () => {
  const bindings: Bindings = new Map([['K', 'v']])
  assert.equal(substituteValue({ '${K}': ['${K}', 1, null, { inner: 'a${K}' }] }, bindings), { '${K}': ['v', 1, null, { inner: 'av' }] })
})

test.run()
