import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as History from '../../core/history.js'
import type { Operation } from '../../core/types.js'
import { EXECUTION } from './fixtures.js'

const step = (Id: string, extra: Partial<Operation> = {}): Operation => ({ Id, Type: 'STEP', SubType: 'Step', Status: 'SUCCEEDED', ...extra })

const Index = suite('History.index')

Index('should index a clean history by wire id with no problems', () => {
  const ctx: Operation = { Id: 'c4ca4238a0b92382', Type: 'CONTEXT', SubType: 'RunInChildContext', Status: 'STARTED' }
  const child = step('ea66c06c1e1c05fa', { ParentId: 'c4ca4238a0b92382' })
  const h = History.index([EXECUTION, ctx, child])
  assert.equal(h.problems, [])
  assert.is(h.execution, EXECUTION)
  assert.is(h.records.get('ea66c06c1e1c05fa'), child)
  assert.is(h.records.size, 3)
})

Index('should report a duplicate id and keep the last write, without throwing', () => {
  const first = step('a', { Status: 'STARTED' })
  const last = step('a', { Status: 'SUCCEEDED' })
  const h = History.index([EXECUTION, first, last])
  assert.equal(h.problems, [{ _tag: 'DuplicateId', operationId: 'a' }])
  assert.is(h.records.get('a'), last)
})

Index('should report each repeat of an id, in order, and keep the last write', () => {
  const writes = [step('a', { Status: 'STARTED' }), step('b'), step('a', { Status: 'PENDING' }), step('a', { Status: 'SUCCEEDED' })]
  const h = History.index([EXECUTION, ...writes])
  assert.equal(h.problems, [
    { _tag: 'DuplicateId', operationId: 'a' },
    { _tag: 'DuplicateId', operationId: 'a' },
  ])
  assert.is(h.records.get('a'), writes[3])
  assert.is(h.records.size, 3)
})

Index('should report a missing parent without throwing', () => {
  const h = History.index([EXECUTION, step('b', { ParentId: 'nowhere' })])
  assert.equal(h.problems, [{ _tag: 'MissingParent', operationId: 'b', parentId: 'nowhere' }])
})

Index('should accept a parent that appears after its child', () => {
  const h = History.index([EXECUTION, step('b', { ParentId: 'p' }), { Id: 'p', Type: 'CONTEXT', Status: 'STARTED' }])
  assert.equal(h.problems, [])
})

Index('should report a missing EXECUTION operation without throwing', () => {
  const h = History.index([step('a')])
  assert.equal(h.problems, [{ _tag: 'MissingExecution' }])
  assert.is(h.execution, undefined)
})

Index('should report every problem at once, even for an empty history', () => {
  assert.equal(History.index([]).problems, [{ _tag: 'MissingExecution' }])
  const h = History.index([step('a'), step('a', { ParentId: 'x' })])
  assert.equal(h.problems, [
    { _tag: 'DuplicateId', operationId: 'a' },
    { _tag: 'MissingParent', operationId: 'a', parentId: 'x' },
    { _tag: 'MissingExecution' },
  ])
})

Index('should find the EXECUTION operation wherever it is, not only first', () => {
  const h = History.index([step('a'), EXECUTION])
  assert.is(h.execution, EXECUTION)
})

Index.run()

const Input = suite('History.inputPayload / startsInReplay')

Input('should read the input from the EXECUTION operation', () => {
  assert.is(History.inputPayload(History.index([step('a'), EXECUTION])), '{"x":1}')
})

Input('should default the input to "{}" when the payload or the EXECUTION operation is absent', () => {
  assert.is(History.inputPayload(History.index([{ Id: 'e', Type: 'EXECUTION', Status: 'STARTED' }])), '{}')
  assert.is(History.inputPayload(History.index([])), '{}')
})

Input('should start in replay only when more than one operation is recorded', () => {
  assert.not.ok(History.startsInReplay(History.index([EXECUTION])))
  assert.ok(History.startsInReplay(History.index([EXECUTION, step('a')])))
})

Input.run()
