import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { GetDurableExecutionHistoryCommand, ListDurableExecutionsByFunctionCommand } from '@aws-sdk/client-lambda'
import * as Local from '../../../adapters/local/index.js'
import { advance, engineError, history, rig, T0 } from './model/harness.js'

/** Five `waiter` executions started 10 s apart from T0 (e0 oldest), all RUNNING; one `approval` execution. */
async function fleet() {
  const r = rig()
  const arns: string[] = []
  for (let i = 0; i < 5; i++) {
    arns.push(r.engine.startExecution({ functionName: 'waiter', input: i, name: `e${i}` }).DurableExecutionArn)
    await r.engine.whenIdle()
    await advance(r, 10)
  }
  r.engine.startExecution({ functionName: 'approval', name: 'other' })
  await r.engine.whenIdle()
  return { r, arns }
}

const names = (page: { DurableExecutions: Local.ExecutionView[] }) => page.DurableExecutions.map((e) => e.DurableExecutionName)

test('should list executions of one function newest first by default, oldest first with ReverseOrder', async () => {
  const { r } = await fleet()
  assert.equal(names(r.engine.listExecutionsByFunction({ FunctionName: 'waiter' })), ['e4', 'e3', 'e2', 'e1', 'e0'])
  assert.equal(names(r.engine.listExecutionsByFunction({ FunctionName: 'waiter', ReverseOrder: true })), ['e0', 'e1', 'e2', 'e3', 'e4'])
  assert.equal(names(r.engine.listExecutionsByFunction({ FunctionName: 'approval' })), ['other'])
  assert.equal(names(r.engine.listExecutionsByFunction({ FunctionName: 'nobody' })), [])
  r.engine.close()
})

test('should filter the list by status, by name and by an inclusive start-time range', async () => {
  const { r, arns } = await fleet()
  r.engine.stopExecution({ DurableExecutionArn: arns[4] ?? '' })
  await advance(r, 29) // now T0 + 79 s: e0 (started T0) and e1 (T0 + 10 s) have passed their 60 s wait, e2 not yet
  const statuses = (s: Local.ExecutionView['Status'][]) => names(r.engine.listExecutionsByFunction({ FunctionName: 'waiter', Statuses: s }))
  assert.equal(statuses(['SUCCEEDED']), ['e1', 'e0'])
  assert.equal(statuses(['RUNNING']), ['e3', 'e2'])
  assert.equal(statuses(['STOPPED', 'SUCCEEDED']), ['e4', 'e1', 'e0'])
  assert.equal(statuses([]), ['e4', 'e3', 'e2', 'e1', 'e0'])
  assert.equal(names(r.engine.listExecutionsByFunction({ FunctionName: 'waiter', DurableExecutionName: 'e2' })), ['e2'])
  assert.equal(names(r.engine.listExecutionsByFunction({ FunctionName: 'waiter', DurableExecutionName: 'e' })), [])
  const range = (after?: number, before?: number) =>
    names(r.engine.listExecutionsByFunction({
      FunctionName: 'waiter',
      ...(after !== undefined ? { StartedAfter: new Date(T0 + after * 1000) } : {}),
      ...(before !== undefined ? { StartedBefore: new Date(T0 + before * 1000) } : {}),
    }))
  assert.equal(range(10, 30), ['e3', 'e2', 'e1'])
  assert.equal(range(11), ['e4', 'e3', 'e2'])
  assert.equal(range(undefined, 9), ['e0'])
  r.engine.close()
})

test('should page the list with MaxItems and NextMarker, in either order, without gaps or repeats', async () => {
  const { r } = await fleet()
  for (const ReverseOrder of [false, true]) {
    const seen: string[] = []
    let Marker: string | undefined
    do {
      const page = r.engine.listExecutionsByFunction({ FunctionName: 'waiter', MaxItems: 2, ReverseOrder, ...(Marker ? { Marker } : {}) })
      assert.ok(page.DurableExecutions.length <= 2)
      seen.push(...names(page))
      Marker = page.NextMarker
    } while (Marker)
    assert.equal(seen, names(r.engine.listExecutionsByFunction({ FunctionName: 'waiter', ReverseOrder })))
  }
  assert.is(engineError(() => r.engine.listExecutionsByFunction({ FunctionName: 'waiter', Marker: 'garbage' })).name, 'InvalidParameterValueException')
  assert.is(engineError(() => r.engine.listExecutionsByFunction({ FunctionName: 'waiter', MaxItems: 1001 })).name, 'InvalidParameterValueException')
  r.engine.close()
})

test('should neither repeat nor skip an execution when one starts between two pages of a newest-first list', async () => {
  const { r } = await fleet()
  const first = r.engine.listExecutionsByFunction({ FunctionName: 'waiter', MaxItems: 2 })
  r.engine.startExecution({ functionName: 'waiter', input: 9, name: 'late' })
  await r.engine.whenIdle()
  const seen = names(first)
  let Marker = first.NextMarker
  while (Marker) {
    const page = r.engine.listExecutionsByFunction({ FunctionName: 'waiter', MaxItems: 2, Marker })
    seen.push(...names(page))
    Marker = page.NextMarker
  }
  assert.equal(seen, ['e4', 'e3', 'e2', 'e1', 'e0'])
  r.engine.close()
})

test('should answer ListDurableExecutionsByFunctionCommand through engine.lambdaClient', async () => {
  const { r } = await fleet()
  const out = (await r.engine.lambdaClient.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'waiter', MaxItems: 3 }))) as {
    DurableExecutions: Local.ExecutionView[]
    NextMarker?: string
  }
  assert.equal(names(out), ['e4', 'e3', 'e2'])
  assert.type(out.NextMarker, 'string')
  r.engine.close()
})

test('should page history with MaxItems and NextMarker, EventIds 1..n in order, and reversed with ReverseOrder', async () => {
  const r = rig()
  const { DurableExecutionArn: arn } = r.engine.startExecution({ functionName: 'waiter', input: 3 })
  await r.engine.whenIdle()
  await advance(r, 60)
  const all = history(r.engine, arn)
  assert.equal(all.map((e) => e.EventId), all.map((_, i) => i + 1))
  for (const ReverseOrder of [false, true]) {
    const ids: number[] = []
    let Marker: string | undefined
    do {
      const page = r.engine.getExecutionHistory({ DurableExecutionArn: arn, MaxItems: 3, ReverseOrder, ...(Marker ? { Marker } : {}) })
      assert.ok(page.Events.length <= 3 && page.Events.length > 0)
      ids.push(...page.Events.map((e) => e.EventId ?? 0))
      Marker = page.NextMarker
    } while (Marker)
    const expected = all.map((e) => e.EventId ?? 0)
    assert.equal(ids, ReverseOrder ? [...expected].reverse() : expected)
  }
  assert.is(engineError(() => r.engine.getExecutionHistory({ DurableExecutionArn: arn, Marker: 'x' })).code, 'INVALID_MARKER')
  r.engine.close()
})

test('should continue a reversed history where it left off while new events arrive', async () => {
  const r = rig()
  const { DurableExecutionArn: arn } = r.engine.startExecution({ functionName: 'waiter', input: 3 })
  await r.engine.whenIdle()
  const before = history(r.engine, arn).map((e) => e.EventId)
  const first = r.engine.getExecutionHistory({ DurableExecutionArn: arn, MaxItems: 2, ReverseOrder: true })
  await advance(r, 60) // the wait ends: more events are appended while the client pages
  const ids = first.Events.map((e) => e.EventId)
  let Marker = first.NextMarker
  while (Marker) {
    const page = r.engine.getExecutionHistory({ DurableExecutionArn: arn, MaxItems: 2, ReverseOrder: true, Marker })
    ids.push(...page.Events.map((e) => e.EventId))
    Marker = page.NextMarker
  }
  assert.equal(ids, [...before].reverse())
  assert.ok(history(r.engine, arn).length > before.length)
  r.engine.close()
})

test('should leave results, inputs and errors out of history with IncludeExecutionData false, and keep them by default', async () => {
  const r = rig()
  const { DurableExecutionArn: arn } = r.engine.startExecution({ functionName: 'waiter', input: 3 })
  await r.engine.whenIdle()
  await advance(r, 60)
  const { DurableExecutionArn: failed } = r.engine.startExecution({ functionName: 'broken' })
  await r.engine.waitForExecution(failed)
  const full = JSON.stringify([...history(r.engine, arn), ...history(r.engine, failed)])
  for (const secret of ['"Payload":"3"', '"Payload":"4"', '"Payload":"8"', 'card declined']) assert.ok(full.includes(secret), secret)
  const bare = [arn, failed].flatMap((a) => r.engine.getExecutionHistory({ DurableExecutionArn: a, IncludeExecutionData: false, MaxItems: 1000 }).Events)
  const text = JSON.stringify(bare)
  for (const secret of ['"Payload"', 'card declined', '"Result"', '"Error"']) assert.not.ok(text.includes(secret), secret)
  assert.equal(bare.map((e) => e.EventId), [...history(r.engine, arn), ...history(r.engine, failed)].map((e) => e.EventId))
  const stepFailed = bare.find((e) => e.EventType === 'StepFailed')
  assert.ok(stepFailed?.StepFailedDetails?.RetryDetails, 'non-data details stay')
  const viaClient = (await r.engine.lambdaClient.send(
    new GetDurableExecutionHistoryCommand({ DurableExecutionArn: failed, IncludeExecutionData: false }),
  )) as { Events: unknown[] }
  assert.not.ok(JSON.stringify(viaClient.Events).includes('card declined'))
  r.engine.close()
})

test.run()
