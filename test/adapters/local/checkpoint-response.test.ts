import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as fc from 'fast-check'
import * as Local from '../../../adapters/local/index.js'

/** An engine with one execution whose invocation never answers, and that invocation's first token. */
async function parkedInvocation() {
  let token: string | undefined
  let ready: () => void = () => {}
  const started = new Promise<void>((r) => (ready = r))
  const handler: Local.Handler = (event) =>
    new Promise(() => {
      token = (event as { CheckpointToken: string }).CheckpointToken
      ready()
    })
  const engine = Local.createEngine({
    store: Local.createMemoryStore(),
    clock: Local.createVirtualClock({ skipTime: false }),
    invoker: Local.createRegistryInvoker({ fn: handler }),
  })
  const { DurableExecutionArn: arn } = engine.startExecution({ functionName: 'fn' })
  await started
  return { engine, arn, token: token ?? '' }
}

const update = (Id: string, Action: string) => ({ Id, Type: 'STEP', SubType: 'Step', Action })
const ids = (out: { NewExecutionState: { Operations: readonly { Id?: string }[] } }) => out.NewExecutionState.Operations.map((o) => o.Id)

test('should answer a checkpoint with the operations it touched, in start order whatever the update order', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 2, max: 12 }).chain((n) => fc.tuple(fc.constant(n), fc.shuffledSubarray([...Array(n).keys()], { minLength: 1 }))),
      async ([n, touched]) => {
        const { engine, arn, token } = await parkedInvocation()
        const started = Array.from({ length: n }, (_, i) => update(`op-${i}`, 'START'))
        const first = await engine.checkpoint({ DurableExecutionArn: arn, CheckpointToken: token, Updates: started })
        assert.equal(ids(first), started.map((u) => u.Id))
        const finished = touched.map((i) => update(`op-${i}`, 'SUCCEED'))
        const second = await engine.checkpoint({ DurableExecutionArn: arn, CheckpointToken: first.CheckpointToken, Updates: finished })
        assert.equal(ids(second), [...touched].sort((a, b) => a - b).map((i) => `op-${i}`))
        engine.close()
      },
    ),
    { numRuns: 40 },
  )
})

test('should answer with only the touched operations of a long execution', async () => {
  const { engine, arn, token } = await parkedInvocation()
  let current = token
  for (let k = 0; k < 300; k++) {
    const out = await engine.checkpoint({ DurableExecutionArn: arn, CheckpointToken: current, Updates: [update(`op-${k}`, 'SUCCEED')] })
    assert.equal(ids(out), [`op-${k}`])
    current = out.CheckpointToken
  }
  assert.is(engine.operations(arn).length, 301) // the EXECUTION operation and 300 steps
  engine.close()
})

test.run()
