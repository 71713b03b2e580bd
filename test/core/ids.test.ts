import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as Ids from '../../core/ids.js'

const Wire = suite('Ids.wireId')

const TABLE: ReadonlyArray<readonly [string, string]> = [
  ['1', 'c4ca4238a0b92382'],
  ['2', 'c81e728d9d4c2f63'],
  ['3', 'eccbc87e4b5ce2fe'],
  ['4', 'a87ff679a2f3e71d'],
  ['5', 'e4da3b7fbbce2345'],
  ['2-1', '8fbdbf5573b18fae'],
  ['1-1-2', '4f57d0ecf9622a0b'],
  ['1-1', 'ea66c06c1e1c05fa'],
  ['1-2', '98c6f2c2287f4c73'],
  ['1-3', '13cee27a2bd93915'],
  ['1-1-1', '2f221a18eb863803'],
  ['1-2-1', '6151f5ab282d90e4'],
  ['1-3-1', 'b425e0c75591aa8f'],
  ['1-1-1-1', '55998bab939d40e7'],
  ['1-2-2', 'e61730e6717b1787'],
]

for (const [raw, wire] of TABLE) {
  Wire(`should hash raw id ${raw} to ${wire} (PROTOCOL.md §4.2)`, () => {
    assert.is(Ids.wireId(raw), wire)
  })
}

Wire('should always give 16 lowercase hex characters', () => {
  for (const raw of ['1', '12-3-4', 'execution-result-1767225600123', 'é']) assert.match(Ids.wireId(raw), /^[0-9a-f]{16}$/)
})

Wire.run()

const Raw = suite('Ids.operationId / rawIdAt')

Raw('should number root operations 1, 2, 3 with no ParentId', () => {
  assert.equal(Ids.operationId(Ids.root, 1), { raw: '1', wire: 'c4ca4238a0b92382' })
  assert.is(Ids.rawIdAt(Ids.root, 12), '12')
  assert.not.ok('parentWire' in Ids.operationId(Ids.root, 3))
})

Raw('should prefix operations in a real child with its raw id and stamp its wire id as ParentId', () => {
  const outer = Ids.operationId(Ids.root, 1)
  const scope = Ids.childScope(Ids.root, outer, false)
  assert.equal(scope, { prefix: '1', parentWire: 'c4ca4238a0b92382', virtual: false })
  assert.equal(Ids.operationId(scope, 2), { raw: '1-2', wire: '98c6f2c2287f4c73', parentWire: 'c4ca4238a0b92382' })
})

Raw('should give a grandchild its own namespace: 1-2-1 under ParentId H(1-2)', () => {
  const outer = Ids.childScope(Ids.root, Ids.operationId(Ids.root, 1), false)
  const inner = Ids.childScope(outer, Ids.operationId(outer, 2), false)
  assert.equal(Ids.operationId(inner, 1), { raw: '1-2-1', wire: '6151f5ab282d90e4', parentWire: '98c6f2c2287f4c73' })
})

Raw.run()

const Parent = suite('Ids.childScope (PROTOCOL.md §4.4)')

Parent('should make a FLAT map item virtual: prefix from the item, ParentId from the map (TV14)', () => {
  const map = Ids.operationId(Ids.root, 1)
  const mapScope = Ids.childScope(Ids.root, map, false)
  const item0 = Ids.childScope(mapScope, Ids.operationId(mapScope, 1), true)
  assert.equal(Ids.operationId(item0, 1), { raw: '1-1-1', wire: '2f221a18eb863803', parentWire: map.wire })
  const inner = Ids.operationId(item0, 2)
  assert.equal(inner, { raw: '1-1-2', wire: '4f57d0ecf9622a0b', parentWire: map.wire })
  const innerScope = Ids.childScope(item0, inner, false)
  assert.equal(Ids.operationId(innerScope, 1).parentWire, '4f57d0ecf9622a0b')
})

Parent('should collapse virtual-in-virtual to the nearest real ancestor (TV14: 1-1-1-1 under H(1))', () => {
  const real = Ids.operationId(Ids.root, 1)
  const realScope = Ids.childScope(Ids.root, real, false)
  const v1 = Ids.childScope(realScope, Ids.operationId(realScope, 1), true)
  const v2 = Ids.childScope(v1, Ids.operationId(v1, 1), true)
  assert.equal(v2, { prefix: '1-1-1', parentWire: real.wire, virtual: true })
  assert.equal(Ids.operationId(v2, 1), { raw: '1-1-1-1', wire: '55998bab939d40e7', parentWire: 'c4ca4238a0b92382' })
})

Parent('should send no ParentId for a virtual context at the root, nor for a real child inside it (§12.1 fact 4)', () => {
  const virtualRoot = Ids.childScope(Ids.root, Ids.operationId(Ids.root, 1), true)
  assert.equal(virtualRoot, { prefix: '1', virtual: true })
  assert.equal(Ids.operationId(virtualRoot, 1), { raw: '1-1', wire: 'ea66c06c1e1c05fa' })
  const realInside = Ids.operationId(virtualRoot, 2)
  assert.not.ok('parentWire' in realInside)
  assert.is(Ids.operationId(Ids.childScope(virtualRoot, realInside, false), 1).parentWire, realInside.wire)
})

Parent('should collapse a chain of virtual contexts at the root to no ParentId at all', () => {
  const v1 = Ids.childScope(Ids.root, Ids.operationId(Ids.root, 2), true)
  const v2 = Ids.childScope(v1, Ids.operationId(v1, 1), true)
  assert.equal(Ids.operationId(v2, 3), { raw: '2-1-3', wire: Ids.wireId('2-1-3') })
})

Parent('should re-root under a real child nested in a virtual one', () => {
  const v = Ids.childScope(Ids.root, Ids.operationId(Ids.root, 1), true)
  const real = Ids.operationId(v, 1)
  const realScope = Ids.childScope(v, real, false)
  const v2 = Ids.childScope(realScope, Ids.operationId(realScope, 1), true)
  assert.is(Ids.operationId(v2, 1).parentWire, real.wire)
})

Parent.run()

const Paths = suite('Ids.ancestorsOf')

Paths('should list ancestors nearest first', () => {
  assert.equal(Ids.ancestorsOf('1-2-3'), ['1-2', '1'])
  assert.equal(Ids.ancestorsOf('12-30'), ['12'])
  assert.equal(Ids.ancestorsOf('7'), [])
})

Paths.run()
