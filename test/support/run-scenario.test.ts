// The driver: what it fires after PENDING (scripts, timeouts), how it stops, how it retries a thrown
// invocation, and what it records. Handlers are the official SDK's, or bare functions where the
// point is the driver itself.
import { withDurableExecution } from '@aws/durable-execution-sdk-js'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { fakeClient } from './fake-client.js'
import { invalidToken } from './fake-errors.js'
import type { InvocationEvent } from './fake-service.js'
import { stepWaitStep } from './official-scenarios-basic.js'
import { callbackSuccess } from './official-scenarios-external.js'
import { runScenario } from './run-scenario.js'
import { H } from './wire-id.js'

const client = fakeClient
const approval = (timeout?: { seconds: number }, heartbeat?: { seconds: number }) =>
  withDurableExecution(async (_e, ctx) => {
    const [answer] = await ctx.createCallback('approval', { timeout, heartbeatTimeout: heartbeat })
    try {
      return await answer
    } catch (e) {
      return `caught: ${(e as Error).message}`
    }
  }, { client })

test('should time a callback out when its timeout comes before the scripted answer', async () => {
  const r = await runScenario({ handler: approval({ seconds: 60 }), callbacks: [{ outcome: 'succeed', result: 'late', afterSeconds: 61 }] })
  assert.is(r.result, '"caught: Callback timed out"')
  const early = await runScenario({ handler: approval({ seconds: 60 }), callbacks: [{ outcome: 'succeed', result: 'early', afterSeconds: 59 }] })
  assert.is(early.result, '"early"')
})

test('should use the heartbeat timeout when it is the earlier one', async () => {
  const r = await runScenario({ handler: approval({ seconds: 600 }, { seconds: 30 }), callbacks: [{ outcome: 'timeout' }] })
  assert.is(r.result, '"caught: Callback timed out on heartbeat"')
  const op = r.operations.find((o) => o.Id === H('1'))
  assert.is((op?.EndTimestamp ?? 0) - (op?.StartTimestamp ?? 0), 30_000, 'virtual time moved by exactly the heartbeat timeout')
})

test('should stop with nothing-due when a callback is never answered and has no timeout', async () => {
  const r = await runScenario({ handler: approval() })
  assert.is(r.status, 'RUNNING')
  assert.is(r.stopReason, 'nothing-due')
  assert.is(r.invocations.length, 1)
})

test('should stop after maxInvocations without firing anything more', async () => {
  const r = await runScenario({ ...stepWaitStep, maxInvocations: 1 })
  assert.is(r.stopReason, 'max-invocations')
  assert.is(r.operations.find((o) => o.Type === 'WAIT')?.Status, 'STARTED')
})

test('should retry an invocation that threw, recording the error (TV2 invalid token)', async () => {
  let failures = 1
  const r = await runScenario({
    ...stepWaitStep,
    onCheckpoint: () => {
      if (failures-- > 0) throw invalidToken()
    },
  })
  assert.equal(r.invocations[0]?.thrown, {
    name: 'CheckpointUnrecoverableInvocationError',
    message: '[Unrecoverable Invocation] Checkpoint failed: Invalid Checkpoint Token',
  })
  assert.equal(r.invocations[0]?.rejections, ['Invalid Checkpoint Token'])
  assert.is(r.status, 'SUCCEEDED')
  assert.is(r.invocations.length, 3)
})

test('should build re-invocation events with a fresh token and the ids that changed while suspended', async () => {
  const events: InvocationEvent[] = []
  const r = await runScenario({
    handler: async (event, context) => (events.push(event), stepWaitStep.handler(event, context)),
    input: stepWaitStep.input,
  })
  assert.is(r.status, 'SUCCEEDED')
  assert.is(events.length, 2)
  assert.is.not(events[0]?.CheckpointToken, events[1]?.CheckpointToken)
  assert.is(events[0]?.UpdatedOperationIds, undefined)
  assert.equal(events[1]?.UpdatedOperationIds, [H('2')])
  const ops = events[1]?.InitialExecutionState.Operations as { Id: string; Status: string; EndTimestamp?: unknown }[]
  assert.equal(ops.slice(1).map((o) => [o.Id, o.Status]), [[H('1'), 'SUCCEEDED'], [H('2'), 'SUCCEEDED']])
  assert.type(ops[2]?.EndTimestamp, 'string')
})

test('should count checkpoint calls, updates and bytes for benchmarks', async () => {
  const r = await runScenario(callbackSuccess)
  const all = r.invocations.flatMap((i) => i.requests)
  assert.is(r.stats.checkpointCalls, all.length)
  assert.is(r.stats.updates, all.flat().length)
  assert.is(r.stats.updateBytes, all.reduce((n, u) => n + Buffer.byteLength(JSON.stringify(u)), 0))
  assert.is(r.stats.invocations, 2)
})

test.run()
