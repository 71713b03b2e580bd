import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { durable, step } from '../../../shell/index.js'
import * as Local from '../../../adapters/local/index.js'
import { eventTypes, history, rig } from './model/harness.js'

/** A handler whose first step blocks until the test opens the gate. */
function gated() {
  let open: () => void = () => {}
  const gate = new Promise<void>((r) => (open = r))
  let entered: () => void = () => {}
  const inside = new Promise<void>((r) => (entered = r))
  const handler = durable(function* () {
    const a = yield* step('blocked', async () => {
      entered()
      await gate
      return 'late'
    })
    return yield* step('after', async () => a)
  }) as Local.Handler
  return { handler, open, inside }
}

test('should ignore an invocation of a closed engine: its late checkpoints reach neither the store nor the new engine', async () => {
  const store = Local.createMemoryStore()
  const zombie = gated()
  const first = rig(store, undefined, { fn: zombie.handler })
  const { DurableExecutionArn: arn } = first.engine.startExecution({ functionName: 'fn' })
  await zombie.inside
  first.engine.close()
  const fresh = durable(function* () {
    return yield* step('blocked', async () => 'fresh')
  }) as Local.Handler
  const second = rig(store, first.clock, { fn: fresh })
  const done = await second.engine.waitForExecution(arn)
  assert.is(done.Result, '"fresh"')
  const settled = JSON.stringify(history(second.engine, arn))
  zombie.open()
  await new Promise((r) => setTimeout(r, 20))
  await second.engine.whenIdle()
  assert.is(JSON.stringify(history(second.engine, arn)), settled)
  const third = rig(store, first.clock, { fn: fresh })
  assert.equal(eventTypes(third.engine, arn), eventTypes(second.engine, arn))
  assert.is(third.engine.getExecution({ DurableExecutionArn: arn }).Result, '"fresh"')
  second.engine.close()
  third.engine.close()
})

test.run()
