// Replaying a long history must stay flat: 100,000 recorded SUCCEEDED steps (an invocation event built
// by hand, ISO timestamps as Lambda sends them) replay to SUCCEEDED with no checkpoint call at all and
// no stack overflow under Node's default stack. The client stub fails the test if it is ever called.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Ids from '../../core/ids.js'
import { durable, step } from '../../shell/index.js'

const COUNT = 100_000
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:fake-fn:$LATEST/durable-execution/replay/1'
const ISO = '2026-01-01T00:00:00.000Z'

const recordedEvent = () => {
  const operations: Record<string, unknown>[] = [
    { Id: 'exec-1', Type: 'EXECUTION', Status: 'STARTED', StartTimestamp: ISO, ExecutionDetails: { InputPayload: '{"base":1}' } },
  ]
  for (let i = 1; i <= COUNT; i++) {
    operations.push({
      Id: Ids.wireId(Ids.rawIdAt(Ids.root, i)),
      Type: 'STEP',
      SubType: 'Step',
      Status: 'SUCCEEDED',
      StartTimestamp: ISO,
      EndTimestamp: ISO,
      StepDetails: { Attempt: 1, Result: String(i) },
    })
  }
  return { DurableExecutionArn: ARN, CheckpointToken: 'token-1', InitialExecutionState: { Operations: operations } }
}

test('should replay 100,000 recorded steps to SUCCEEDED without a checkpoint or a stack overflow', async () => {
  let calls = 0
  let ran = 0
  const client = {
    send: async () => {
      calls++
      throw new Error('the service must not be called while replaying')
    },
  }
  const handler = durable(function* (input: { base: number }) {
    let total = input.base
    for (let i = 1; i <= COUNT; i++) {
      total += yield* step(async () => {
        ran++
        return -1
      })
    }
    return { total }
  }, { client })
  const output = await handler(recordedEvent())
  assert.is(calls, 0)
  assert.is(ran, 0, 'no step body runs on replay')
  assert.equal(output, { Status: 'SUCCEEDED', Result: JSON.stringify({ total: 1 + (COUNT * (COUNT + 1)) / 2 }) })
})

test.run()
