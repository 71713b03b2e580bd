import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as fc from 'fast-check'
import type { Decision } from '../../core/transition.js'
import { RUNS, workflow } from './arbitraries.js'
import { Emulator } from './emulator.js'
import { invoke, runToCompletion, type Seen } from './model.js'

const isBegin = (s: Seen) => s.request._tag.endsWith('Begin') || s.request._tag === 'CallbackAwait'
const key = (s: Seen) => `${s.request._tag}@${s.request.id.raw}`

/** The decision each beginning request got the first time, by request kind and raw id. */
function firstDecisions(seen: readonly Seen[]): Map<string, Decision> {
  const out = new Map<string, Decision>()
  for (const s of seen) if (isBegin(s) && !s.request.recheck && !out.has(key(s))) out.set(key(s), s.transition.decision)
  return out
}

const finished = workflow.chain((wf) => {
  const outcome = runToCompletion(wf)
  const size = outcome.emulator.store.size
  return fc.record({ wf: fc.constant(wf), outcome: fc.constant(outcome), keep: fc.integer({ min: 1, max: size }) })
})

test('should replay any start-order prefix of a history to the same decisions, then execute the rest to the same end', () => {
  fc.assert(
    fc.property(finished, ({ wf, outcome, keep }) => {
      const operations = [...outcome.emulator.store.values()].slice(0, keep)
      const truncated = new Emulator(operations.slice(1))
      const visible = truncated.view()

      const fullReplay: Seen[] = []
      invoke(wf, new Emulator(outcome.emulator.store.values()), fullReplay, new Map(), 1)
      const expected = firstDecisions(fullReplay)

      const resumed = runToCompletion(wf, truncated)
      for (const s of resumed.seen) {
        if (s.invocation !== 1 || !isBegin(s) || s.request.recheck || !visible.has(s.request.id.wire)) continue
        if (s.request._tag === 'ChildBegin' && s.request.virtual) continue
        assert.equal(s.transition.decision, expected.get(key(s)), key(s))
      }
      assert.is(resumed.status, outcome.status)
      assert.equal(resumed.value, outcome.value)
    }),
    RUNS,
  )
})

test('should execute again (START) every operation cut from the history that the replay reaches', () => {
  fc.assert(
    fc.property(finished, ({ wf, outcome, keep }) => {
      const truncated = new Emulator([...outcome.emulator.store.values()].slice(1, keep))
      const resumed = runToCompletion(wf, truncated)
      const started = new Set(resumed.seen.flatMap((s) => s.transition.updates.filter((u) => u.Action === 'START').map((u) => u.Id)))
      for (const s of resumed.seen) {
        if (s.invocation !== 1 || s.request.recheck || s.request._tag !== 'StepBegin') continue
        if (!truncated.store.has(s.request.id.wire)) assert.ok(started.has(s.request.id.wire), s.request.id.raw)
      }
    }),
    RUNS,
  )
})

test.run()
