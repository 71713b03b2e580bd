import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { reduce } from '../../core/reduce.js'
import type { Request } from '../../core/request.js'
import { historyOf, recorded, top } from './fixtures.js'

const id = top(1)
const tail = 'This indicates non-deterministic control flow in your workflow code.'
const stepA = recorded(id, 'STEP', 'Step', 'SUCCEEDED', { Name: 'a', StepDetails: { Result: '1' } })

const Determinism = suite('reduce: determinism (PROTOCOL.md §8.2, TV18)')

Determinism('should report a type mismatch at the raw id with the TV18 message, and send nothing', () => {
  const t = reduce(historyOf(stepA), { _tag: 'WaitBegin', id, name: 'a', seconds: 5 })
  assert.equal(t, {
    decision: {
      _tag: 'NonDeterminism',
      operationId: '1',
      field: 'type',
      expected: 'STEP',
      actual: 'WAIT',
      message: `[Unrecoverable Execution] Non-deterministic execution detected: Operation type mismatch for step "1". Expected type "STEP", but got "WAIT". ${tail}`,
    },
    updates: [],
    confirm: false,
  })
})

Determinism('should report a name mismatch byte for byte', () => {
  const t = reduce(historyOf(stepA), { _tag: 'StepBegin', id, name: 'b', semantics: 'AT_LEAST_ONCE_PER_RETRY' })
  assert.equal(t.decision, {
    _tag: 'NonDeterminism',
    operationId: '1',
    field: 'name',
    expected: 'a',
    actual: 'b',
    message: `[Unrecoverable Execution] Non-deterministic execution detected: Operation name mismatch for step "1". Expected name "a", but got "b". ${tail}`,
  })
})

Determinism('should treat an absent name as different from a given one, both ways', () => {
  const unnamed = recorded(id, 'STEP', 'Step', 'SUCCEEDED')
  const t = reduce(historyOf(unnamed), { _tag: 'StepBegin', id, name: 'x', semantics: 'AT_LEAST_ONCE_PER_RETRY' })
  assert.is(t.decision._tag === 'NonDeterminism' && t.decision.message, `[Unrecoverable Execution] Non-deterministic execution detected: Operation name mismatch for step "1". Expected name "undefined", but got "x". ${tail}`)
  const u = reduce(historyOf(stepA), { _tag: 'StepBegin', id, semantics: 'AT_LEAST_ONCE_PER_RETRY' })
  assert.is(u.decision._tag === 'NonDeterminism' && u.decision.message, `[Unrecoverable Execution] Non-deterministic execution detected: Operation name mismatch for step "1". Expected name "a", but got "undefined". ${tail}`)
})

Determinism('should report a subtype mismatch byte for byte (child context subType)', () => {
  const map = recorded(id, 'CONTEXT', 'Map', 'STARTED', { Name: 'm' })
  const t = reduce(historyOf(map), { _tag: 'ChildBegin', id, name: 'm', subType: 'Parallel', virtual: false })
  assert.equal(t.decision, {
    _tag: 'NonDeterminism',
    operationId: '1',
    field: 'subtype',
    expected: 'Map',
    actual: 'Parallel',
    message: `[Unrecoverable Execution] Non-deterministic execution detected: Operation subtype mismatch for step "1". Expected subtype "Map", but got "Parallel". ${tail}`,
  })
})

Determinism('should catch a waitForCondition record replayed as a plain step through its subtype', () => {
  const condition = recorded(id, 'STEP', 'WaitForCondition', 'SUCCEEDED', { Name: 'a' })
  const t = reduce(historyOf(condition), { _tag: 'StepBegin', id, name: 'a', semantics: 'AT_LEAST_ONCE_PER_RETRY' })
  assert.is(t.decision._tag === 'NonDeterminism' && t.decision.field, 'subtype')
})

Determinism('should compare type first, then name, then subtype', () => {
  const wait = recorded(id, 'WAIT', 'Other', 'SUCCEEDED', { Name: 'z' })
  const t = reduce(historyOf(wait), { _tag: 'CallbackBegin', id, name: 'a', options: {} })
  assert.is(t.decision._tag === 'NonDeterminism' && t.decision.field, 'type')
  const callback = recorded(id, 'CALLBACK', 'Other', 'STARTED', { Name: 'z' })
  const u = reduce(historyOf(callback), { _tag: 'CallbackBegin', id, name: 'a', options: {} })
  assert.is(u.decision._tag === 'NonDeterminism' && u.decision.field, 'name')
})

Determinism('should check each beginning request against its own type and subtype', () => {
  const cases: ReadonlyArray<readonly [Request, string]> = [
    [{ _tag: 'StepBegin', id, name: 'a', semantics: 'AT_LEAST_ONCE_PER_RETRY' }, 'STEP'],
    [{ _tag: 'WaitBegin', id, name: 'a', seconds: 1 }, 'WAIT'],
    [{ _tag: 'CallbackBegin', id, name: 'a', options: {} }, 'CALLBACK'],
    [{ _tag: 'InvokeBegin', id, name: 'a', functionName: 'f' }, 'CHAINED_INVOKE'],
    [{ _tag: 'ChildBegin', id, name: 'a', subType: 'RunInChildContext', virtual: false }, 'CONTEXT'],
  ]
  const other = recorded(id, 'EXECUTION', undefined, 'STARTED', { Name: 'a' })
  for (const [request, type] of cases) {
    const t = reduce(historyOf(other), request)
    assert.is(t.decision._tag === 'NonDeterminism' && t.decision.actual, type, request._tag)
  }
})

Determinism('should not check waitForCondition (as the official SDK)', () => {
  const wait = recorded(id, 'WAIT', 'Wait', 'STARTED', { Name: 'other' })
  assert.is(reduce(historyOf(wait), { _tag: 'ConditionBegin', id, name: 'poll' }).decision._tag, 'RunCheck')
})

Determinism('should not check a virtual context, which has no record of its own', () => {
  const step = recorded(id, 'STEP', 'Step', 'SUCCEEDED', { Name: 'other' })
  const t = reduce(historyOf(step), { _tag: 'ChildBegin', id, name: 'v', subType: 'MapIteration', virtual: true })
  assert.equal(t.decision, { _tag: 'EnterChild', mode: 'Execute' })
})

Determinism('should not check requests that report an outcome', () => {
  const t = reduce(historyOf(stepA), { _tag: 'StepSucceeded', id, name: 'b', payload: '2' })
  assert.is(t.decision._tag, 'Replay')
})

Determinism.run()

const Dispatch = suite('reduce: dispatch')

Dispatch('should execute fresh operations when nothing is recorded', () => {
  const h = historyOf()
  const tags = (request: Request) => reduce(h, request).decision._tag
  assert.is(tags({ _tag: 'StepBegin', id, semantics: 'AT_LEAST_ONCE_PER_RETRY' }), 'RunStep')
  assert.is(tags({ _tag: 'WaitBegin', id, seconds: 1 }), 'Park')
  assert.is(tags({ _tag: 'CallbackBegin', id, options: {} }), 'Park')
  assert.is(tags({ _tag: 'CallbackAwait', id }), 'Corrupt')
  assert.is(tags({ _tag: 'InvokeBegin', id, functionName: 'f' }), 'Park')
  assert.is(tags({ _tag: 'ConditionBegin', id }), 'RunCheck')
  assert.is(tags({ _tag: 'ConditionChecked', id, verdict: { shouldContinue: false } }), 'Replay')
  assert.is(tags({ _tag: 'ConditionFailed', id, error: {} }), 'Raise')
  assert.is(tags({ _tag: 'ChildBegin', id, subType: 'RunInChildContext', virtual: false }), 'EnterChild')
  assert.is(tags({ _tag: 'ChildSucceeded', id, subType: 'RunInChildContext', virtual: false }), 'Replay')
  assert.is(tags({ _tag: 'ChildFailed', id, subType: 'RunInChildContext', virtual: false, error: {} }), 'Raise')
  assert.is(tags({ _tag: 'StepSucceeded', id }), 'Replay')
  assert.is(tags({ _tag: 'StepFailed', id, error: {}, verdict: { shouldRetry: true, delaySeconds: 1 } }), 'Park')
})

Dispatch('should look the record up by wire id and replay it', () => {
  assert.equal(reduce(historyOf(stepA), { _tag: 'StepBegin', id, name: 'a', semantics: 'AT_LEAST_ONCE_PER_RETRY' }).decision, { _tag: 'Replay', payload: '1' })
  assert.is(reduce(historyOf(stepA), { _tag: 'StepBegin', id: top(2), name: 'a', semantics: 'AT_LEAST_ONCE_PER_RETRY' }).decision._tag, 'RunStep')
})

Dispatch('should give the ChildSucceeded of an already-terminal record no updates (record passed through)', () => {
  const done = recorded(id, 'CONTEXT', 'RunInChildContext', 'SUCCEEDED', { ContextDetails: { ReplayChildren: true } })
  assert.equal(reduce(historyOf(done), { _tag: 'ChildSucceeded', id, subType: 'RunInChildContext', virtual: false, payload: '1' }).updates, [])
})

Dispatch.run()
