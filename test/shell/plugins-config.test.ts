import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as fc from 'fast-check'
import { rootPreserveDepth, validateChildOperationsDepth } from '../../shell/plugins-config.js'

test('should accept undefined, Infinity and every non-negative integer', () => {
  assert.is(validateChildOperationsDepth(undefined), undefined)
  assert.is(validateChildOperationsDepth(Infinity), undefined)
  fc.assert(fc.property(fc.nat(), (n) => validateChildOperationsDepth(n) === undefined))
})

test('should reject anything else with the official message naming the value', () => {
  for (const bad of [-1, 1.5, Number.NaN, -Infinity, '2', null, true]) {
    assert.is(validateChildOperationsDepth(bad), `pluginsConfig.childOperationsDepth must be a non-negative integer or Infinity; got ${String(bad)}.`)
  }
})

test('should give the root one level more than the depth, none for 0 or absent, all for Infinity', () => {
  assert.is(rootPreserveDepth(undefined), 0)
  assert.is(rootPreserveDepth(0), 0)
  assert.is(rootPreserveDepth(1), 2)
  assert.is(rootPreserveDepth(Infinity), Infinity)
})

test.run()
