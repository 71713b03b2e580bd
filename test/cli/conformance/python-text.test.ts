import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { pythonFloatRepr, pythonJsonDumps, pythonRepr, pythonStr } from '../../../cli/conformance/python-text.js'

test('pythonStr should render scalars as Python str() does', () => {
  assert.is(pythonStr(true), 'True')
  assert.is(pythonStr(false), 'False')
  assert.is(pythonStr(null), 'None')
  assert.is(pythonStr(3), '3')
  assert.is(pythonStr(3.5), '3.5')
  assert.is(pythonStr('abc'), 'abc')
  assert.is(pythonStr(1e21), '1000000000000000000000')
})

test('pythonFloatRepr should follow float repr, including 3.0 and exponents', () => {
  assert.is(pythonFloatRepr(3), '3.0')
  assert.is(pythonFloatRepr(0.1), '0.1')
  assert.is(pythonFloatRepr(1e-5), '1e-05')
  assert.is(pythonFloatRepr(0.0001), '0.0001')
  assert.is(pythonFloatRepr(1e16), '1e+16')
  assert.is(pythonFloatRepr(123456789.125), '123456789.125')
  assert.is(pythonFloatRepr(-2.5e-7), '-2.5e-07')
  assert.is(pythonFloatRepr(Number.NaN), 'nan')
})

test('pythonStr should print dicts and lists as Python would', () => {
  assert.is(pythonStr({ a: 1, b: [true, null, 'x'] }), "{'a': 1, 'b': [True, None, 'x']}")
  assert.is(pythonStr([]), '[]')
  assert.is(pythonStr({}), '{}')
  assert.is(pythonRepr("it's"), '"it\'s"')
  assert.is(pythonRepr('a\'b"c'), "'a\\'b\"c'")
  assert.is(pythonRepr('line\nnext\\'), "'line\\nnext\\\\'")
  assert.is(pythonRepr('\u0001é'), "'\\x01é'")
})

test('pythonJsonDumps should use ", " and ": " separators and ASCII escapes', () => {
  assert.is(pythonJsonDumps({ status: 'approved' }), '{"status": "approved"}')
  assert.is(pythonJsonDumps('abc'), '"abc"')
  assert.is(pythonJsonDumps({ a: [1, 2.5, true, null], b: {} }), '{"a": [1, 2.5, true, null], "b": {}}')
  assert.is(pythonJsonDumps('é😀\n"\u007f'), '"\\u00e9\\ud83d\\ude00\\n\\"\\u007f"')
  assert.is(pythonJsonDumps(null), 'null')
})

test.run()
