import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as Ids from '../../core/ids.js'
import * as Batch from '../../core/operations/batch.js'
import type { Request } from '../../core/request.js'
import type { Operation } from '../../core/types.js'
import { H, play, state } from './vectors-support.js'

const ATL = 'AT_LEAST_ONCE_PER_RETRY' as const
const map = Ids.operationId(Ids.root, 1)
const mapScope = Ids.childScope(Ids.root, map, false)

const TV12 = suite('TV12 map (NESTED)')

function nestedItem(i: number, result: number): Request[] {
  const item = Ids.operationId(mapScope, i + 1)
  const step = Ids.operationId(Ids.childScope(mapScope, item, false), 1)
  const name = Batch.itemName('Map', i)
  return [
    { _tag: 'ChildBegin', id: item, name, subType: 'MapIteration', virtual: false },
    { _tag: 'StepBegin', id: step, semantics: ATL },
    { _tag: 'StepSucceeded', id: step, payload: String(result) },
    { _tag: 'ChildSucceeded', id: item, name, subType: 'MapIteration', virtual: false, payload: String(result) },
  ]
}

TV12('should give each item context H(1-(i+1)) MapIteration "map-item-i" under H(1), and its step H(1-(i+1)-1)', () => {
  const items: Batch.BatchItem[] = [1, 2, 3, 4, 5].map((n, index) => ({ index, status: 'SUCCEEDED', result: n * 2 }))
  const run = play(state(), [
    { _tag: 'ChildBegin', id: map, name: 'map', subType: 'Map', virtual: false },
    ...[0, 1, 2, 3, 4].flatMap((i) => nestedItem(i, (i + 1) * 2)),
    { _tag: 'ChildSucceeded', id: map, name: 'map', subType: 'Map', virtual: false, payload: Batch.encodeResult(items, 'ALL_COMPLETED') },
  ])
  const updates = run.requests.flat()
  assert.equal(updates[0], { Id: H('1'), Type: 'CONTEXT', SubType: 'Map', Action: 'START', Name: 'map' })
  for (let i = 0; i < 5; i++) {
    const raw = `1-${i + 1}`
    const own = updates.filter((u) => u.Id === H(raw))
    assert.equal(own, [
      { Id: H(raw), ParentId: H('1'), Type: 'CONTEXT', SubType: 'MapIteration', Action: 'START', Name: `map-item-${i}` },
      { Id: H(raw), ParentId: H('1'), Type: 'CONTEXT', SubType: 'MapIteration', Action: 'SUCCEED', Name: `map-item-${i}`, Payload: String((i + 1) * 2) },
    ])
    assert.equal(updates.filter((u) => u.Id === H(`${raw}-1`)).map((u) => [u.ParentId, u.Action, u.Name, u.Payload]), [
      [H(raw), 'START', undefined, undefined],
      [H(raw), 'SUCCEED', undefined, String((i + 1) * 2)],
    ])
  }
  assert.equal(updates.at(-1), {
    Id: H('1'),
    Type: 'CONTEXT',
    SubType: 'Map',
    Action: 'SUCCEED',
    Name: 'map',
    Payload:
      '{"all":[{"result":2,"index":0,"status":"SUCCEEDED"},{"result":4,"index":1,"status":"SUCCEEDED"},{"result":6,"index":2,"status":"SUCCEEDED"},' +
      '{"result":8,"index":3,"status":"SUCCEEDED"},{"result":10,"index":4,"status":"SUCCEEDED"}],"completionReason":"ALL_COMPLETED"}',
  })
  assert.is(updates.length, 1 + 5 * 4 + 1)
})

TV12('should FAIL a failing item and still SUCCEED the outer context with toleratedFailureCount 1', () => {
  const item2 = Ids.operationId(mapScope, 3)
  const run = play(state(), [
    { _tag: 'ChildFailed', id: item2, name: 'map-item-2', subType: 'MapIteration', virtual: false, error: { ErrorType: 'StepError', ErrorMessage: 'bad item' } },
  ])
  assert.equal(run.requests, [
    [{ Id: H('1-3'), ParentId: H('1'), Type: 'CONTEXT', SubType: 'MapIteration', Action: 'FAIL', Name: 'map-item-2', Error: { ErrorType: 'StepError', ErrorMessage: 'bad item' } }],
  ])
  const progress = { totalCount: 5, successCount: 4, failureCount: 1, completedCount: 5 }
  assert.is(Batch.completionReason(progress, { toleratedFailureCount: 1 }), 'ALL_COMPLETED')
})

TV12.run()

const TV14 = suite('TV14 FLAT nesting / virtual contexts')

TV14('should send item steps under H(1), real "inner" contexts H(1-i-2) under H(1), and never mention H(1-1) or H(1-2)', () => {
  const requests: Request[] = [{ _tag: 'ChildBegin', id: map, name: 'flat', subType: 'Map', virtual: false }]
  for (const [i, item] of ['a', 'b'].entries()) {
    const itemId = Ids.operationId(mapScope, i + 1)
    const itemScope = Ids.childScope(mapScope, itemId, true)
    const step = Ids.operationId(itemScope, 1)
    const inner = Ids.operationId(itemScope, 2)
    const innerStep = Ids.operationId(Ids.childScope(itemScope, inner, false), 1)
    requests.push(
      { _tag: 'ChildBegin', id: itemId, name: `map-item-${i}`, subType: 'MapIteration', virtual: true },
      { _tag: 'StepBegin', id: step, name: `s-${item}`, semantics: ATL },
      { _tag: 'StepSucceeded', id: step, name: `s-${item}`, payload: '"v"' },
      { _tag: 'ChildBegin', id: inner, name: 'inner', subType: 'RunInChildContext', virtual: false },
      { _tag: 'StepBegin', id: innerStep, semantics: ATL },
      { _tag: 'StepSucceeded', id: innerStep, payload: '1' },
      { _tag: 'ChildSucceeded', id: inner, name: 'inner', subType: 'RunInChildContext', virtual: false, payload: '1' },
      { _tag: 'ChildSucceeded', id: itemId, name: `map-item-${i}`, subType: 'MapIteration', virtual: true, payload: '"v"' },
    )
  }
  requests.push({ _tag: 'ChildSucceeded', id: map, name: 'flat', subType: 'Map', virtual: false, payload: '{}' })
  const updates = play(state(), requests).requests.flat()
  const starts = updates.filter((u) => u.Action === 'START').map((u) => [u.Id, u.ParentId, u.Name])
  assert.equal(starts, [
    [H('1'), undefined, 'flat'],
    ['2f221a18eb863803', H('1'), 's-a'],
    ['4f57d0ecf9622a0b', H('1'), 'inner'],
    [H('1-1-2-1'), '4f57d0ecf9622a0b', undefined],
    [H('1-2-1'), H('1'), 's-b'],
    ['e61730e6717b1787', H('1'), 'inner'],
    [H('1-2-2-1'), 'e61730e6717b1787', undefined],
  ])
  const mentioned = new Set(updates.flatMap((u) => [u.Id, u.ParentId]))
  assert.not.ok(mentioned.has(H('1-1')))
  assert.not.ok(mentioned.has(H('1-2')))
})

TV14('should send the deep step of real → virtual → virtual as H(1-1-1-1) under H(1)', () => {
  const real = Ids.operationId(Ids.root, 1)
  const realScope = Ids.childScope(Ids.root, real, false)
  const v1 = Ids.operationId(realScope, 1)
  const v1Scope = Ids.childScope(realScope, v1, true)
  const v2 = Ids.operationId(v1Scope, 1)
  const deep = Ids.operationId(Ids.childScope(v1Scope, v2, true), 1)
  const run = play(state(), [
    { _tag: 'ChildBegin', id: real, name: 'real', subType: 'RunInChildContext', virtual: false },
    { _tag: 'ChildBegin', id: v1, subType: 'RunInChildContext', virtual: true },
    { _tag: 'ChildBegin', id: v2, subType: 'RunInChildContext', virtual: true },
    { _tag: 'StepBegin', id: deep, name: 'deep', semantics: ATL },
  ])
  assert.equal(deep.raw, '1-1-1-1')
  assert.equal(run.requests.flat(), [
    { Id: H('1'), Type: 'CONTEXT', SubType: 'RunInChildContext', Action: 'START', Name: 'real' },
    { Id: '55998bab939d40e7', ParentId: H('1'), Type: 'STEP', SubType: 'Step', Action: 'START', Name: 'deep' },
  ])
})

TV14.run()

const TV15 = suite('TV15 results above 256 KiB')

TV15('should keep full payloads for 100 children exactly while n+2 ≤ 262144 (i ≤ 8)', () => {
  for (let i = 0; i < 100; i++) {
    const child = Ids.operationId(Ids.root, i + 1)
    const payload = JSON.stringify('x'.repeat(262_134 + i))
    const [update] = play(state(), [{ _tag: 'ChildSucceeded', id: child, subType: 'RunInChildContext', virtual: false, payload }]).requests.flat()
    assert.equal(update?.ContextOptions, i <= 8 ? undefined : { ReplayChildren: true }, `child ${i}`)
    assert.is(update?.Payload, i <= 8 ? payload : '', `child ${i}`)
  }
})

TV15('should record "big" with Payload "" and ReplayChildren, then re-run it from its retained children with no updates', () => {
  const big = Ids.operationId(Ids.root, 1)
  const bigScope = Ids.childScope(Ids.root, big, false)
  const steps = Array.from({ length: 300 }, (_, k) => Ids.operationId(bigScope, k + 1))
  const result = JSON.stringify('x'.repeat(300_000))
  const first = play(state(), [
    { _tag: 'ChildSucceeded', id: big, name: 'big', subType: 'RunInChildContext', virtual: false, payload: result },
    { _tag: 'WaitBegin', id: Ids.operationId(Ids.root, 2), seconds: 5 },
  ])
  assert.equal(first.requests, [
    [
      { Id: H('1'), Type: 'CONTEXT', SubType: 'RunInChildContext', Action: 'SUCCEED', Name: 'big', Payload: '', ContextOptions: { ReplayChildren: true } },
      { Id: H('2'), Type: 'WAIT', SubType: 'Wait', Action: 'START', WaitOptions: { WaitSeconds: 5 } },
    ],
  ])
  const retained: Operation[] = steps.map((s) => ({ Id: s.wire, ParentId: H('1'), Type: 'STEP', SubType: 'Step', Status: 'SUCCEEDED', StepDetails: { Result: JSON.stringify('x'.repeat(1000)) } }))
  const history = state({ Id: H('1'), Type: 'CONTEXT', SubType: 'RunInChildContext', Name: 'big', Status: 'SUCCEEDED', ContextDetails: { ReplayChildren: true, Result: '' } }, ...retained)
  const replay = play(history, [
    { _tag: 'ChildBegin', id: big, name: 'big', subType: 'RunInChildContext', virtual: false },
    ...steps.map((s): Request => ({ _tag: 'StepBegin', id: s, semantics: ATL })),
    { _tag: 'ChildSucceeded', id: big, name: 'big', subType: 'RunInChildContext', virtual: false, payload: result },
  ])
  assert.equal(replay.decisions[0], { _tag: 'EnterChild', mode: 'ReplaySucceeded' })
  assert.ok(replay.decisions.slice(1, 301).every((d) => d._tag === 'Replay'))
  assert.equal(replay.decisions.at(-1), { _tag: 'Replay', payload: result })
  assert.equal(replay.requests, [])
})

TV15('should record an oversized map result as its summary with the user summary and ReplayChildren', () => {
  const items: Batch.BatchItem[] = [0, 1, 2].map((index) => ({ index, status: 'SUCCEEDED', result: 'x'.repeat(100_000) }))
  const full = Batch.encodeResult(items, 'ALL_COMPLETED')
  const summary = Batch.encodeSummary('Map', items, 3, 'ALL_COMPLETED', 'n=3')
  const run = play(state(), [{ _tag: 'ChildSucceeded', id: map, name: 'm', subType: 'Map', virtual: false, payload: full, summary }])
  assert.equal(run.requests, [
    [
      {
        Id: H('1'),
        Type: 'CONTEXT',
        SubType: 'Map',
        Action: 'SUCCEED',
        Name: 'm',
        Payload: '{"type":"MapResult","totalCount":3,"successCount":3,"failureCount":0,"completionReason":"ALL_COMPLETED","status":"SUCCEEDED","itemStatuses":"SSS","summary":"n=3"}',
        ContextOptions: { ReplayChildren: true },
      },
    ],
  ])
})

TV15.run()
