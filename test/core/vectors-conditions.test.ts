import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as Ids from '../../core/ids.js'
import * as Execution from '../../core/operations/execution.js'
import { H, play, state } from './vectors-support.js'

const id = (n: number) => Ids.operationId(Ids.root, n)

const TV11 = suite('TV11 waitForCondition')
const poll = { Id: H('1'), Type: 'STEP', SubType: 'WaitForCondition', Name: 'poll' } as const

TV11('should send START+RETRY carrying the state and park in invocation 1', () => {
  const run = play(state(), [
    { _tag: 'ConditionBegin', id: id(1), name: 'poll' },
    { _tag: 'ConditionChecked', id: id(1), name: 'poll', payload: '{"n":1}', verdict: { shouldContinue: true, delaySeconds: 5 } },
  ])
  assert.equal(run.decisions, [{ _tag: 'RunCheck', attempt: 1 }, { _tag: 'Park', reason: 'Retry' }])
  assert.equal(run.requests, [
    [
      { ...poll, Action: 'START' },
      { ...poll, Action: 'RETRY', Payload: '{"n":1}', StepOptions: { NextAttemptDelaySeconds: 5 } },
    ],
  ])
})

TV11('should restore the state from StepDetails.Result, send START again, and SUCCEED in invocation 2', () => {
  const ready = state({ ...poll, Status: 'READY', StepDetails: { Attempt: 1, Result: '{"n":1}' } })
  const run = play(ready, [
    { _tag: 'ConditionBegin', id: id(1), name: 'poll' },
    { _tag: 'ConditionChecked', id: id(1), name: 'poll', payload: '{"n":2}', verdict: { shouldContinue: false } },
  ])
  assert.equal(run.decisions, [{ _tag: 'RunCheck', attempt: 2, statePayload: '{"n":1}' }, { _tag: 'Replay', payload: '{"n":2}' }])
  assert.equal(run.requests, [[{ ...poll, Action: 'START' }, { ...poll, Action: 'SUCCEED', Payload: '{"n":2}' }]])
  assert.equal(Execution.succeeded('{"n":2}', 0).output, { Status: 'SUCCEEDED', Result: '{"n":2}' })
})

TV11.run()

const TV16 = suite('TV16 result above 6 MiB')

TV16('should checkpoint {d:"y"×6 MiB} as one EXECUTION SUCCEED without SubType, Name or ParentId and answer Result ""', () => {
  const json = JSON.stringify({ d: 'y'.repeat(6 * 1024 * 1024) })
  const completion = Execution.succeeded(json, 1_767_225_600_000)
  assert.equal(completion.output, { Status: 'SUCCEEDED', Result: '' })
  assert.equal(completion.updates, [{ Id: H('execution-result-1767225600000'), Type: 'EXECUTION', Action: 'SUCCEED', Payload: json }])
})

TV16('should count UTF-8 bytes: "\\u{FFFF}"×2 Mi triggers it, 6 291 406 bytes of them and padding do not', () => {
  assert.is(Execution.succeeded(JSON.stringify('\u{FFFF}'.repeat(2 * 1024 * 1024)), 0).output.Result, '')
  const atLimit = JSON.stringify('\u{FFFF}'.repeat(2_097_134)) + '  '
  assert.is(Buffer.byteLength(atLimit, 'utf8'), 6_291_406)
  assert.equal(Execution.succeeded(atLimit, 0).updates, [])
  assert.is(Execution.succeeded(atLimit + ' ', 0).updates.length, 1)
})

TV16.run()

const TV18 = suite('TV18 non-determinism')
const stepA = { Id: H('1'), Type: 'STEP', SubType: 'Step', Name: 'a', Status: 'SUCCEEDED', StepDetails: { Result: '1' } } as const
const TAIL = 'This indicates non-deterministic control flow in your workflow code.'

TV18('should end with the type mismatch message and no checkpoints when wait("a") meets step "a"', () => {
  const run = play(state(stepA), [{ _tag: 'WaitBegin', id: id(1), name: 'a', seconds: 1 }])
  assert.equal(run.requests, [])
  const decision = run.decisions[0]
  assert.ok(decision?._tag === 'NonDeterminism')
  assert.is(
    decision.message,
    `[Unrecoverable Execution] Non-deterministic execution detected: Operation type mismatch for step "1". Expected type "STEP", but got "WAIT". ${TAIL}`,
  )
})

TV18('should report a different name and a different subtype the same way', () => {
  const byName = play(state(stepA), [{ _tag: 'StepBegin', id: id(1), name: 'b', semantics: 'AT_LEAST_ONCE_PER_RETRY' }]).decisions[0]
  assert.ok(byName?._tag === 'NonDeterminism')
  assert.is(byName.message, `[Unrecoverable Execution] Non-deterministic execution detected: Operation name mismatch for step "1". Expected name "a", but got "b". ${TAIL}`)
  const ctx = { Id: H('1'), Type: 'CONTEXT', SubType: 'RunInChildContext', Name: 'a', Status: 'SUCCEEDED' } as const
  const bySubtype = play(state(ctx), [{ _tag: 'ChildBegin', id: id(1), name: 'a', subType: 'WaitForCallback', virtual: false }]).decisions[0]
  assert.ok(bySubtype?._tag === 'NonDeterminism')
  assert.is(
    bySubtype.message,
    `[Unrecoverable Execution] Non-deterministic execution detected: Operation subtype mismatch for step "1". Expected subtype "RunInChildContext", but got "WaitForCallback". ${TAIL}`,
  )
})

TV18.run()
