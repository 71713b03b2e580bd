import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as fc from 'fast-check'
import { reduce } from '../../core/reduce.js'
import { RUNS, workflow } from './arbitraries.js'
import { Emulator } from './emulator.js'
import { invoke, runToCompletion, type Seen } from './model.js'

const executes = (s: Seen) => s.transition.decision._tag === 'RunStep' || s.transition.decision._tag === 'RunCheck'

test('should finish every generated workflow, executing each step at least once', () => {
  fc.assert(
    fc.property(workflow, (wf) => {
      const outcome = runToCompletion(wf)
      assert.ok(outcome.status === 'SUCCEEDED' || outcome.status === 'FAILED')
      const ran = outcome.seen.filter(executes).length
      const steps = outcome.seen.filter((s) => s.request._tag === 'StepBegin' && !s.request.recheck).length
      assert.ok(steps === 0 || ran > 0)
    }),
    RUNS,
  )
})

test('should replay a finished history idempotently: nothing runs, nothing is sent, same result', () => {
  fc.assert(
    fc.property(workflow, (wf) => {
      const outcome = runToCompletion(wf)
      const seen: Seen[] = []
      const replay = invoke(wf, new Emulator(outcome.emulator.store.values()), seen, new Map(), 1)
      assert.equal(seen.filter(executes), [])
      assert.equal(seen.flatMap((s) => s.transition.updates), [])
      assert.is(replay.status, outcome.status)
      assert.equal(replay.value, outcome.value)
    }),
    RUNS,
  )
})

test('should be deterministic: the same workflow gives deep-equal transitions, invocation by invocation', () => {
  fc.assert(
    fc.property(workflow, (wf) => {
      const a = runToCompletion(wf)
      const b = runToCompletion(wf)
      assert.equal(a.seen, b.seen)
      assert.equal([...a.emulator.store.values()], [...b.emulator.store.values()])
    }),
    RUNS,
  )
})

test('should not mutate the history and give deep-equal answers to the same request', () => {
  fc.assert(
    fc.property(workflow, (wf) => {
      const outcome = runToCompletion(wf)
      const history = outcome.emulator.view()
      const before = structuredClone([...history])
      for (const { request } of outcome.seen) assert.equal(reduce(history, request), reduce(history, request))
      assert.equal([...history], before)
    }),
    { numRuns: 30 },
  )
})

test('should never mention a virtual context in any update, neither as Id nor as ParentId', () => {
  fc.assert(
    fc.property(workflow, (wf) => {
      const outcome = runToCompletion(wf)
      const virtual = new Set(outcome.seen.flatMap((s) => (s.request._tag === 'ChildBegin' && s.request.virtual ? [s.request.id.wire] : [])))
      for (const update of outcome.seen.flatMap((s) => s.transition.updates)) {
        assert.not.ok(virtual.has(update.Id), update.Id)
        assert.not.ok(update.ParentId !== undefined && virtual.has(update.ParentId), update.ParentId)
      }
    }),
    RUNS,
  )
})

test.run()
