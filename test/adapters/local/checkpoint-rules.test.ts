import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as fc from 'fast-check'
import * as Local from '../../../adapters/local/index.js'

interface Held {
  event: { DurableExecutionArn: string; CheckpointToken: string; InitialExecutionState: { Operations: unknown[]; NextMarker: string } }
  release: (v: unknown) => void
}

/** A handler the test drives by hand: it exposes its event and answers when released. */
async function holdInvocation() {
  let held: Held | undefined
  const waiting: Array<(h: Held) => void> = []
  const handler: Local.Handler = (event) =>
    new Promise((release) => {
      held = { event: event as Held['event'], release }
      for (const w of waiting.splice(0)) w(held)
    })
  const engine = Local.createEngine({
    store: Local.createMemoryStore(),
    clock: Local.createVirtualClock({ skipTime: false }),
    invoker: Local.createRegistryInvoker({ fn: handler }),
  })
  const { DurableExecutionArn: arn } = engine.startExecution({ functionName: 'fn', input: 1 })
  const h = held ?? (await new Promise<Held>((r) => waiting.push(r)))
  return { engine, arn, h }
}

const step = (id: string, Action: string, extra: Record<string, unknown> = {}) => ({ Id: id, Type: 'STEP', SubType: 'Step', Action, ...extra })

test('should chain tokens and refuse stale ones with Invalid Checkpoint Token', async () => {
  const { engine, arn, h } = await holdInvocation()
  const t0 = h.event.CheckpointToken
  const r1 = await engine.checkpoint({ DurableExecutionArn: arn, CheckpointToken: t0, Updates: [step('a', 'START')] })
  assert.is.not(r1.CheckpointToken, t0)
  const err = await engine.checkpoint({ DurableExecutionArn: arn, CheckpointToken: t0, Updates: [] }).catch((e: Local.EngineError) => e)
  assert.instance(err, Local.EngineError)
  if (err instanceof Local.EngineError) {
    assert.is(err.name, 'InvalidParameterValueException')
    assert.is(err.$metadata.httpStatusCode, 400)
    assert.ok(err.message.startsWith('Invalid Checkpoint Token'))
  }
  const r2 = await engine.checkpoint({ DurableExecutionArn: arn, CheckpointToken: r1.CheckpointToken, Updates: [step('a', 'SUCCEED', { Payload: '1' })] })
  assert.is(r2.NewExecutionState.Operations[0]?.Status, 'SUCCEEDED')
  h.release({ Status: 'SUCCEEDED', Result: '1' })
  assert.is((await engine.waitForExecution(arn)).Status, 'SUCCEEDED')
  engine.close()
})

const badBatches: Array<[string, unknown[]]> = [
  ['bad action', [step('a', 'JUMP')]],
  ['bad id', [step('a/b', 'START')]],
  ['START twice', [step('a', 'START'), step('a', 'START')]],
  ['unknown parent', [step('a', 'START', { ParentId: 'nope' })]],
  ['EXECUTION not last', [{ Id: 'x', Type: 'EXECUTION', Action: 'SUCCEED' }, step('a', 'START')]],
  ['RETRY without options', [step('a', 'START'), step('a', 'RETRY')]],
  ['WAIT without seconds', [{ Id: 'w', Type: 'WAIT', SubType: 'Wait', Action: 'START' }]],
  ['CONTEXT FAIL with payload', [{ Id: 'c', Type: 'CONTEXT', Action: 'FAIL', Payload: 'x' }]],
  ['payload too large', [step('a', 'SUCCEED', { Payload: 'x'.repeat(1_048_577) })]],
  ['too many updates', Array.from({ length: 251 }, (_, i) => step(`s${i}`, 'START'))],
  ['type mismatch', [step('a', 'START'), { Id: 'a', Type: 'WAIT', Action: 'SUCCEED' }]],
]

test('should reject every invalid batch with InvalidParameterValueException and change nothing', async () => {
  const { engine, arn, h } = await holdInvocation()
  const before = JSON.stringify(engine.operations(arn))
  const historyBefore = engine.getExecutionHistory({ DurableExecutionArn: arn }).Events.length
  for (const [label, updates] of badBatches) {
    const err = await engine.checkpoint({ DurableExecutionArn: arn, CheckpointToken: h.event.CheckpointToken, Updates: updates }).catch((e: unknown) => e)
    assert.instance(err, Local.EngineError, label)
    assert.is((err as Local.EngineError).name, 'InvalidParameterValueException', label)
  }
  assert.is(JSON.stringify(engine.operations(arn)), before)
  assert.is(engine.getExecutionHistory({ DurableExecutionArn: arn }).Events.length, historyBefore)
  // The token was never consumed by a refused batch.
  await engine.checkpoint({ DurableExecutionArn: arn, CheckpointToken: h.event.CheckpointToken, Updates: [] })
  h.release({ Status: 'SUCCEEDED' })
  await engine.waitForExecution(arn)
  engine.close()
})

test('should keep state unchanged for any batch containing one invalid update (property)', async () => {
  const { engine, arn, h } = await holdInvocation()
  let token = h.event.CheckpointToken
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: 5 }), fc.constantFrom(...badBatches.filter((b) => b[1].length === 1).map((b) => b[1][0])), async (n, bad) => {
      const before = JSON.stringify(engine.operations(arn))
      const good = Array.from({ length: n }, (_, i) => step(`p${Math.random().toString(36).slice(2)}${i}`, 'START'))
      const err = await engine.checkpoint({ DurableExecutionArn: arn, CheckpointToken: token, Updates: [...good, bad] }).catch((e: unknown) => e)
      assert.instance(err, Local.EngineError)
      assert.is(JSON.stringify(engine.operations(arn)), before)
    }),
    { numRuns: 40 },
  )
  token = (await engine.checkpoint({ DurableExecutionArn: arn, CheckpointToken: token, Updates: [] })).CheckpointToken
  h.release({ Status: 'SUCCEEDED' })
  await engine.waitForExecution(arn)
  engine.close()
})

test('should refuse unknown executions with ResourceNotFoundException', async () => {
  const { engine, h } = await holdInvocation()
  const err = await engine.checkpoint({ DurableExecutionArn: 'arn:nope', CheckpointToken: 't', Updates: [] }).catch((e: unknown) => e)
  assert.is((err as Local.EngineError).name, 'ResourceNotFoundException')
  assert.is((err as Local.EngineError).statusCode, 404)
  h.release({ Status: 'SUCCEEDED' })
  engine.close()
})

test('should paginate state and prune children of finished contexts', async () => {
  const { engine, arn, h } = await holdInvocation()
  let token = h.event.CheckpointToken
  const updates = [
    { Id: 'ctx', Type: 'CONTEXT', SubType: 'RunInChildContext', Action: 'START' },
    ...Array.from({ length: 150 }, (_, i) => step(`c${i}`, 'SUCCEED', { ParentId: 'ctx' })),
    ...Array.from({ length: 50 }, (_, i) => step(`r${i}`, 'SUCCEED')),
  ]
  token = (await engine.checkpoint({ DurableExecutionArn: arn, CheckpointToken: token, Updates: updates })).CheckpointToken
  const all: unknown[] = []
  let marker: string | undefined
  do {
    const page = await engine.getExecutionState({ DurableExecutionArn: arn, CheckpointToken: h.event.CheckpointToken, ...(marker ? { Marker: marker } : {}) })
    assert.ok(page.Operations.length <= 100)
    all.push(...page.Operations)
    marker = page.NextMarker
  } while (marker)
  assert.is(all.length, 1 + 1 + 150 + 50)
  const maxErr = await engine.getExecutionState({ DurableExecutionArn: arn, CheckpointToken: token, MaxItems: 1001 }).catch((e: unknown) => e)
  assert.is((maxErr as Local.EngineError).name, 'InvalidParameterValueException')
  await engine.checkpoint({ DurableExecutionArn: arn, CheckpointToken: token, Updates: [{ Id: 'ctx', Type: 'CONTEXT', Action: 'SUCCEED', Payload: '1' }] })
  const pruned = await engine.getExecutionState({ DurableExecutionArn: arn, CheckpointToken: token, MaxItems: 1000 })
  assert.is(pruned.Operations.length, 1 + 1 + 50)
  h.release({ Status: 'SUCCEEDED' })
  await engine.waitForExecution(arn)
  engine.close()
})

test('should refuse PENDING with nothing pending and fail after bounded retries', async () => {
  const engine = Local.createEngine({
    store: Local.createMemoryStore(),
    clock: Local.createVirtualClock(),
    invoker: Local.createRegistryInvoker({ fn: async () => ({ Status: 'PENDING' }) }),
  })
  const done = await engine.run({ functionName: 'fn' })
  assert.is(done.Status, 'FAILED')
  const ev = engine.getExecutionHistory({ DurableExecutionArn: done.DurableExecutionArn }).Events
  const completed = ev.filter((e) => e.EventType === 'InvocationCompleted')
  assert.is(completed.length, Local.Limits.MAX_INVOCATION_ATTEMPTS)
  assert.match(String(completed[0]?.InvocationCompletedDetails?.Error?.Payload?.ErrorMessage), /no pending operations/)
  assert.is(ev[ev.length - 1]?.EventType, 'ExecutionFailed')
  engine.close()
})

test.run()
