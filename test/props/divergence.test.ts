import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as fc from 'fast-check'
import type { Operation } from '../../core/types.js'
import { RUNS, workflow } from './arbitraries.js'
import { Emulator, EXECUTION_ID } from './emulator.js'
import { invoke, runToCompletion, type Seen } from './model.js'

type Field = 'Type' | 'Name' | 'SubType'

function mutate(op: Operation, field: Field): Operation {
  switch (field) {
    case 'Type':
      return { ...op, Type: op.Type === 'STEP' ? 'WAIT' : 'STEP' }
    case 'Name':
      return { ...op, Name: op.Name === undefined ? 'renamed' : op.Name === 'a' ? undefined : 'a' }
    case 'SubType':
      return { ...op, SubType: `${op.SubType ?? ''}Changed` }
  }
}

const diverged = workflow.chain((wf) => {
  const outcome = runToCompletion(wf)
  const visible = [...outcome.emulator.view().keys()].filter((id) => id !== EXECUTION_ID)
  if (visible.length === 0) return fc.constant(undefined)
  return fc.record({
    wf: fc.constant(wf),
    outcome: fc.constant(outcome),
    target: fc.constantFrom(...visible),
    field: fc.constantFrom<Field>('Type', 'Name', 'SubType'),
  })
})

test('should report NonDeterminism at exactly the changed operation, after replaying everything before it unchanged', () => {
  fc.assert(
    fc.property(diverged, (c) => {
      if (c === undefined) return
      const { wf, outcome, target, field } = c
      const operations = [...outcome.emulator.store.values()].map((op) => (op.Id === target ? mutate(op, field) : op))
      const seen: Seen[] = []
      const run = invoke(wf, new Emulator(operations.slice(1)), seen, new Map(), 1)
      assert.is(run.status, 'STOPPED')
      assert.ok(run.stop?._tag === 'NonDeterminism')
      assert.is(run.stop.operationId, outcome.rawIds.get(target))
      assert.is(run.stop.field, field === 'SubType' ? 'subtype' : field.toLowerCase())
      assert.equal(seen.flatMap((s) => s.transition.updates), [])
    }),
    RUNS,
  )
})

test('should report the recorded value as expected and the code\'s value as actual', () => {
  fc.assert(
    fc.property(diverged, (c) => {
      if (c === undefined || c.field !== 'Name') return
      const original = c.outcome.emulator.store.get(c.target)
      const changed = mutate(original!, 'Name')
      const operations = [...c.outcome.emulator.store.values()].map((op) => (op.Id === c.target ? changed : op))
      const run = invoke(c.wf, new Emulator(operations.slice(1)), [], new Map(), 1)
      assert.ok(run.stop?._tag === 'NonDeterminism')
      assert.equal([run.stop.expected, run.stop.actual], [changed.Name, original!.Name])
    }),
    RUNS,
  )
})

test.run()
