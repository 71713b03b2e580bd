// The service client is made when first needed: an invocation that only replays (no page of state to
// load, nothing to checkpoint) never reaches for one, and an invocation that checkpoints makes one
// once. Observed through the client a test runner injects in the event, read through a counting getter.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Ids from '../../core/ids.js'
import { durable, step } from '../../shell/index.js'

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:fake-fn:$LATEST/durable-execution/lazy/1'
const ISO = '2026-01-01T00:00:00.000Z'
const execution = { Id: 'exec-1', Type: 'EXECUTION', Status: 'STARTED', StartTimestamp: ISO, ExecutionDetails: { InputPayload: '{}' } }

/** An event whose injected client counts how often the SDK reads it and how many checkpoints it sends. */
function eventWith(operations: readonly Record<string, unknown>[]) {
  const seen = { reads: 0, checkpoints: 0 }
  const client = {
    checkpoint: async () => {
      seen.checkpoints++
      return { CheckpointToken: `token-${seen.checkpoints + 1}` }
    },
    getExecutionState: async () => ({ Operations: [] }),
  }
  const event = { DurableExecutionArn: ARN, CheckpointToken: 'token-1', InitialExecutionState: { Operations: operations } }
  Object.defineProperty(event, 'durableExecutionClient', {
    enumerable: true,
    get: () => {
      seen.reads++
      return client
    },
  })
  return { event, seen }
}

const workflow = durable(function* () {
  const a = yield* step(async () => 1)
  const b = yield* step(async () => 2)
  return a + b
})

test('should not make a service client for an invocation that only replays', async () => {
  const recorded = [1, 2].map((i) => ({
    Id: Ids.wireId(String(i)), Type: 'STEP', SubType: 'Step', Status: 'SUCCEEDED', StartTimestamp: ISO, EndTimestamp: ISO,
    StepDetails: { Attempt: 1, Result: String(i) },
  }))
  const { event, seen } = eventWith([execution, ...recorded])
  const out = await workflow(event)
  assert.equal(out, { Status: 'SUCCEEDED', Result: '3' })
  assert.is(seen.reads, 0)
  assert.is(seen.checkpoints, 0)
})

test('should make the service client once, on the first checkpoint, and send every checkpoint through it', async () => {
  const { event, seen } = eventWith([execution])
  const out = await workflow(event)
  assert.equal(out, { Status: 'SUCCEEDED', Result: '3' })
  assert.is(seen.reads, 1)
  assert.ok(seen.checkpoints >= 1)
})

test.run()
