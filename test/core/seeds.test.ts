/**
 * The child-context behaviour the seed documents promise (Python child-context docs, the Rust and
 * .NET child-context code, the Python virtual-context fix), checked at core level.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as Ids from '../../core/ids.js'
import type { Request } from '../../core/request.js'
import { H, play, state } from './vectors-support.js'

const ATL = 'AT_LEAST_ONCE_PER_RETRY' as const
const RICC = 'RunInChildContext'
const first = Ids.operationId(Ids.root, 1)
const second = Ids.operationId(Ids.root, 2)
const inFirst = Ids.childScope(Ids.root, first, false)
const inSecond = Ids.childScope(Ids.root, second, false)

const Isolation = suite('Seeds: nested contexts isolate their id namespaces')

Isolation('should give same-named steps in sibling contexts and at the root distinct ids', () => {
  const ids = [Ids.operationId(inFirst, 1), Ids.operationId(inSecond, 1), Ids.operationId(Ids.root, 3)]
  assert.equal(ids.map((i) => i.raw), ['1-1', '2-1', '3'])
  assert.is(new Set(ids.map((i) => i.wire)).size, 3)
})

Isolation('should not replay a record of one context for the same position in another', () => {
  const recordedInFirst = { Id: H('1-1'), ParentId: H('1'), Type: 'STEP', SubType: 'Step', Name: 's', Status: 'SUCCEEDED', StepDetails: { Result: '"first"' } } as const
  const run = play(state(recordedInFirst), [
    { _tag: 'StepBegin', id: Ids.operationId(inFirst, 1), name: 's', semantics: ATL },
    { _tag: 'StepBegin', id: Ids.operationId(inSecond, 1), name: 's', semantics: ATL },
  ])
  assert.equal(run.decisions, [{ _tag: 'Replay', payload: '"first"' }, { _tag: 'RunStep', attempt: 1 }])
  assert.equal(run.requests, [[{ Id: H('2-1'), ParentId: H('2'), Type: 'STEP', SubType: 'Step', Action: 'START', Name: 's' }]])
})

Isolation('should restart the counter in every child: a child\'s first op is <child>-1 whatever the parent counted', () => {
  const tenth = Ids.operationId(Ids.root, 10)
  assert.is(Ids.operationId(Ids.childScope(Ids.root, tenth, false), 1).raw, '10-1')
})

Isolation.run()

const Replay = suite('Seeds: replay of completed, failed and started children')

Replay('should return a SUCCEEDED child from its record without running it or sending anything', () => {
  const run = play(state({ Id: H('1'), Type: 'CONTEXT', SubType: RICC, Name: 'c', Status: 'SUCCEEDED', ContextDetails: { Result: '42' } }), [
    { _tag: 'ChildBegin', id: first, name: 'c', subType: RICC, virtual: false },
  ])
  assert.equal(run.decisions, [{ _tag: 'Replay', payload: '42' }])
  assert.equal(run.requests, [])
})

Replay('should replay a FAILED child as its error without running it or sending anything', () => {
  const error = { ErrorType: 'ChildContextError', ErrorMessage: 'intentional failure' }
  const run = play(state({ Id: H('1'), Type: 'CONTEXT', SubType: RICC, Name: 'failing_sub', Status: 'FAILED', ContextDetails: { Error: error } }), [
    { _tag: 'ChildBegin', id: first, name: 'failing_sub', subType: RICC, virtual: false },
  ])
  assert.equal(run.requests, [])
  const raised = run.decisions[0]
  assert.ok(raised?._tag === 'Raise')
  assert.equal([raised.error.errorType, raised.error.message], ['ChildContextError', 'intentional failure'])
})

Replay('should re-run a STARTED child (EnterChild Execute, no START) and let its inner ops replay from their records', () => {
  const history = state(
    { Id: H('1'), Type: 'CONTEXT', SubType: RICC, Name: 'c', Status: 'STARTED' },
    { Id: H('1-1'), ParentId: H('1'), Type: 'STEP', SubType: 'Step', Name: 'done', Status: 'SUCCEEDED', StepDetails: { Result: '1' } },
  )
  const run = play(history, [
    { _tag: 'ChildBegin', id: first, name: 'c', subType: RICC, virtual: false },
    { _tag: 'StepBegin', id: Ids.operationId(inFirst, 1), name: 'done', semantics: ATL },
    { _tag: 'WaitBegin', id: Ids.operationId(inFirst, 2), name: 'later', seconds: 60 },
  ])
  assert.equal(run.decisions, [{ _tag: 'EnterChild', mode: 'Execute' }, { _tag: 'Replay', payload: '1' }, { _tag: 'Park', reason: 'Wait' }])
  assert.equal(run.requests, [[{ Id: H('1-2'), ParentId: H('1'), Type: 'WAIT', SubType: 'Wait', Action: 'START', Name: 'later', WaitOptions: { WaitSeconds: 60 } }]])
})

Replay('should detect a type change at a child id (the .NET non-determinism test)', () => {
  const run = play(state({ Id: H('1'), Type: 'STEP', SubType: 'Step', Name: 'c', Status: 'SUCCEEDED' }), [
    { _tag: 'ChildBegin', id: first, name: 'c', subType: RICC, virtual: false },
  ])
  assert.is(run.decisions[0]?._tag, 'NonDeterminism')
})

Replay.run()

const Virtual = suite('Seeds: virtual contexts never emit their own operations')

const virtualLifecycle = (outcome: 'ok' | 'fail'): Request[] => {
  const v = Ids.operationId(inFirst, 1)
  const inner = Ids.operationId(Ids.childScope(inFirst, v, true), 1)
  const end: Request =
    outcome === 'ok'
      ? { _tag: 'ChildSucceeded', id: v, subType: 'ParallelBranch', virtual: true, payload: '1' }
      : { _tag: 'ChildFailed', id: v, subType: 'ParallelBranch', virtual: true, error: { ErrorType: 'Error', ErrorMessage: 'x' } }
  return [
    { _tag: 'ChildBegin', id: first, name: 'p', subType: 'Parallel', virtual: false },
    { _tag: 'ChildBegin', id: v, subType: 'ParallelBranch', virtual: true },
    { _tag: 'StepBegin', id: inner, semantics: ATL },
    { _tag: 'StepSucceeded', id: inner, payload: '1' },
    end,
  ]
}

for (const outcome of ['ok', 'fail'] as const) {
  Virtual(`should send nothing for a virtual branch that ${outcome === 'ok' ? 'succeeds' : 'fails'} (no phantom FAILED CONTEXT, #362)`, () => {
    const updates = play(state(), virtualLifecycle(outcome)).requests.flat()
    assert.not.ok(updates.some((u) => u.Id === H('1-1')))
    assert.equal(updates.filter((u) => u.Type === 'CONTEXT').map((u) => u.Id), [H('1')])
  })
}

Virtual('should stamp inner operations with the nearest checkpointed ancestor, never the virtual id (#363)', () => {
  const updates = play(state(), virtualLifecycle('ok')).requests.flat()
  const step = updates.filter((u) => u.Type === 'STEP')
  assert.equal(step.map((u) => [u.Id, u.ParentId]), [
    [H('1-1-1'), H('1')],
    [H('1-1-1'), H('1')],
  ])
})

Virtual('should still surface a virtual branch failure to the caller (completion logic still applies)', () => {
  const last = play(state(), virtualLifecycle('fail')).decisions.at(-1)
  assert.is(last?._tag, 'Raise')
})

Virtual.run()
