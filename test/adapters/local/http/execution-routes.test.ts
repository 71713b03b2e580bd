import { test } from 'uvu'
import * as assert from 'uvu/assert'
import {
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  InvokeCommand,
  ListDurableExecutionsByFunctionCommand,
  SendDurableExecutionCallbackFailureCommand,
  SendDurableExecutionCallbackHeartbeatCommand,
  SendDurableExecutionCallbackSuccessCommand,
  StopDurableExecutionCommand,
} from '@aws-sdk/client-lambda'
import { failure, type Harness, startHarness, until } from './support.js'

const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes)
const json = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value))
const MISSING_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:add:$LATEST/durable-execution/nope/nope'

let h: Harness
test.before(async () => void (h = await startHarness()))
test.after(async () => h.close())

test('should run a RequestResponse invoke to the end and return the result and the execution ARN', async () => {
  const out = await h.client.send(new InvokeCommand({ FunctionName: 'add', Payload: json({ n: 1 }) }))
  assert.is(out.StatusCode, 200)
  assert.equal(JSON.parse(text(out.Payload)), { n: 3 })
  assert.ok(out.DurableExecutionArn?.includes(':function:add:$LATEST/durable-execution/'))
  assert.is(h.engine.getExecution({ DurableExecutionArn: out.DurableExecutionArn ?? '' }).Status, 'SUCCEEDED')
})

test('should answer an Event invoke with 202 at once, naming the execution', async () => {
  const out = await h.client.send(
    new InvokeCommand({ FunctionName: 'add', InvocationType: 'Event', DurableExecutionName: 'named-1', Payload: json({ n: 5 }) }),
  )
  assert.is(out.StatusCode, 202)
  assert.ok(out.DurableExecutionArn?.includes('/durable-execution/named-1/'))
  const view = await h.engine.waitForExecution(out.DurableExecutionArn ?? '')
  assert.is(view.Result, '{"n":7}')
})

test('should return the same execution for the same name and input, and refuse another input', async () => {
  const first = await h.client.send(new InvokeCommand({ FunctionName: 'add', DurableExecutionName: 'same', Payload: json({ n: 1 }) }))
  const again = await h.client.send(new InvokeCommand({ FunctionName: 'add', DurableExecutionName: 'same', Payload: json({ n: 1 }) }))
  assert.is(again.DurableExecutionArn, first.DurableExecutionArn)
  const err = await failure(h.client.send(new InvokeCommand({ FunctionName: 'add', DurableExecutionName: 'same', Payload: json({ n: 2 }) })))
  assert.is(err.name, 'DurableExecutionAlreadyStartedException')
  assert.is(err.$metadata.httpStatusCode, 409)
})

test('should report a failed execution as an Unhandled function error', async () => {
  const out = await h.client.send(new InvokeCommand({ FunctionName: 'broken' }))
  assert.is(out.FunctionError, 'Unhandled')
  const payload = JSON.parse(text(out.Payload)) as { errorMessage: string }
  assert.match(payload.errorMessage, 'kaput')
})

test('should refuse an invoke with a non-JSON payload or an unknown function and start nothing', async () => {
  const before = h.engine.listExecutionsByFunction({ FunctionName: 'add', MaxItems: 1000 }).DurableExecutions.length
  const bad = await failure(h.client.send(new InvokeCommand({ FunctionName: 'add', Payload: new TextEncoder().encode('{nope') })))
  assert.is(bad.name, 'InvalidRequestContentException')
  assert.is(bad.$metadata.httpStatusCode, 400)
  const unknown = await failure(h.client.send(new InvokeCommand({ FunctionName: 'ghost', Payload: json({}) })))
  assert.is(unknown.name, 'ResourceNotFoundException')
  assert.is(unknown.$metadata.httpStatusCode, 404)
  assert.is(h.engine.listExecutionsByFunction({ FunctionName: 'add', MaxItems: 1000 }).DurableExecutions.length, before)
})

test('should answer a DryRun invoke with 204 and start nothing, and refuse an unknown function or a bad payload', async () => {
  const count = () => h.engine.listExecutionsByFunction({ FunctionName: 'add', MaxItems: 1000 }).DurableExecutions.length
  const before = count()
  const out = await h.client.send(new InvokeCommand({ FunctionName: 'add', InvocationType: 'DryRun', Payload: json({ n: 1 }) }))
  assert.is(out.StatusCode, 204)
  assert.is(out.DurableExecutionArn, undefined)
  const unknown = await failure(h.client.send(new InvokeCommand({ FunctionName: 'ghost', InvocationType: 'DryRun', Payload: json({}) })))
  assert.is(unknown.name, 'ResourceNotFoundException')
  const bad = await failure(h.client.send(new InvokeCommand({ FunctionName: 'add', InvocationType: 'DryRun', Payload: new TextEncoder().encode('{nope') })))
  assert.is(bad.name, 'InvalidRequestContentException')
  assert.is(count(), before)
})

test('should serve GetDurableExecution with dates, and without data when asked', async () => {
  const { DurableExecutionArn } = await h.engine.run({ functionName: 'add', input: { n: 10 } })
  const full = await h.client.send(new GetDurableExecutionCommand({ DurableExecutionArn }))
  assert.is(full.Status, 'SUCCEEDED')
  assert.is(full.Result, '{"n":12}')
  assert.is(full.InputPayload, '{"n":10}')
  assert.instance(full.StartTimestamp, Date)
  assert.ok(Math.abs((full.StartTimestamp?.getTime() ?? 0) - Date.now()) < 60_000)
  const lean = await h.client.send(new GetDurableExecutionCommand({ DurableExecutionArn, IncludeExecutionData: false }))
  assert.is(lean.Result, undefined)
  assert.is(lean.InputPayload, undefined)
  assert.is(lean.ExecutionDataIncluded, false)
})

test('should answer a malformed ARN with 400 and an unknown one with 404', async () => {
  const bad = await failure(h.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: 'not-an-arn' })))
  assert.is(bad.name, 'InvalidParameterValueException')
  assert.is(bad.$metadata.httpStatusCode, 400)
  const missing = await failure(h.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: MISSING_ARN })))
  assert.is(missing.name, 'ResourceNotFoundException')
  assert.is(missing.$metadata.httpStatusCode, 404)
  assert.match(missing.message, 'not found')
})

test('should page the history in order and in reverse, with Date timestamps', async () => {
  const { DurableExecutionArn } = await h.engine.run({ functionName: 'add', input: { n: 0 } })
  const all = (await h.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn }))).Events ?? []
  assert.is(all[0]?.EventType, 'ExecutionStarted')
  assert.is(all[all.length - 1]?.EventType, 'ExecutionSucceeded')
  assert.instance(all[0]?.EventTimestamp, Date)
  assert.is(all.find((e) => e.EventType === 'StepSucceeded')?.StepSucceededDetails?.Result?.Payload, '1')
  const paged = []
  let Marker: string | undefined
  do {
    const page = await h.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn, MaxItems: 2, Marker }))
    assert.ok((page.Events ?? []).length <= 2)
    paged.push(...(page.Events ?? []))
    Marker = page.NextMarker
  } while (Marker)
  assert.equal(paged.map((e) => e.EventId), all.map((e) => e.EventId))
  const reversed = await h.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn, ReverseOrder: true }))
  assert.is(reversed.Events?.[0]?.EventType, 'ExecutionSucceeded')
  const lean = await h.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn, IncludeExecutionData: false }))
  assert.is(lean.Events?.find((e) => e.EventType === 'StepSucceeded')?.StepSucceededDetails?.Result, undefined)
  const bad = await failure(h.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn, Marker: 'garbage' })))
  assert.is(bad.name, 'InvalidParameterValueException')
})

test('should list executions of a function filtered by status and name, and refuse a bad MaxItems', async () => {
  await h.engine.run({ functionName: 'add', input: { n: 1 }, name: 'listed' })
  const ok = await h.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'add', Statuses: ['SUCCEEDED'] }))
  assert.ok((ok.DurableExecutions ?? []).length >= 2)
  assert.ok(ok.DurableExecutions?.every((e) => e.Status === 'SUCCEEDED' && e.StartTimestamp instanceof Date))
  const running = await h.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'add', Statuses: ['RUNNING'] }))
  assert.is(running.DurableExecutions?.length ?? 0, 0)
  const byName = await h.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'add', DurableExecutionName: 'listed' }))
  assert.equal(byName.DurableExecutions?.map((e) => e.DurableExecutionName), ['listed'])
  const page = await h.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'add', MaxItems: 1 }))
  assert.is(page.DurableExecutions?.length, 1)
  assert.ok(page.NextMarker)
  const bad = await failure(h.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'add', MaxItems: 5000 })))
  assert.is(bad.name, 'InvalidParameterValueException')
  assert.is(bad.$metadata.httpStatusCode, 400)
})

test('should page the newest-first list without repeating or skipping when an execution starts between pages', async () => {
  const list = (Marker?: string) =>
    h.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'add', MaxItems: 1, ...(Marker ? { Marker } : {}) }))
  const before = await h.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'add' }))
  const expected = (before.DurableExecutions ?? []).map((e) => e.DurableExecutionArn)
  const seen: (string | undefined)[] = []
  let page = await list()
  seen.push(...(page.DurableExecutions ?? []).map((e) => e.DurableExecutionArn))
  await h.engine.run({ functionName: 'add', input: { n: 2 }, name: 'started-between-pages' })
  while (page.NextMarker) {
    page = await list(page.NextMarker)
    seen.push(...(page.DurableExecutions ?? []).map((e) => e.DurableExecutionArn))
  }
  assert.equal(seen, expected)
})

test('should complete a callback with the raw success payload, after a heartbeat', async () => {
  const { DurableExecutionArn } = h.engine.startExecution({ functionName: 'approval' })
  const seen = h.callbackIds.length
  await until(() => h.callbackIds.length > seen)
  const CallbackId = h.callbackIds[seen] ?? ''
  await h.client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId }))
  await h.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId, Result: json({ ok: 'yes' }) }))
  const view = await h.engine.waitForExecution(DurableExecutionArn)
  assert.is(view.Status, 'SUCCEEDED')
  // waitForCallback hands back the payload text as sent (the default callback serdes passes it through).
  assert.equal(JSON.parse(view.Result ?? ''), { answer: '{"ok":"yes"}' })
  const again = await failure(h.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId, Result: json(1) })))
  assert.is(again.name, 'ResourceNotFoundException')
})

test('should fail a callback with the ErrorObject body', async () => {
  const { DurableExecutionArn } = h.engine.startExecution({ functionName: 'approval' })
  const seen = h.callbackIds.length
  await until(() => h.callbackIds.length > seen)
  const CallbackId = h.callbackIds[seen] ?? ''
  await h.client.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId, Error: { ErrorType: 'Denied', ErrorMessage: 'no way' } }))
  const view = await h.engine.waitForExecution(DurableExecutionArn)
  assert.is(view.Status, 'FAILED')
  assert.match(view.Error?.ErrorMessage ?? '', 'no way')
})

test('should refuse an unknown callback id and a bad failure body, leaving the callback open', async () => {
  const { DurableExecutionArn } = h.engine.startExecution({ functionName: 'approval' })
  const seen = h.callbackIds.length
  await until(() => h.callbackIds.length > seen)
  const CallbackId = h.callbackIds[seen] ?? ''
  const unknown = await failure(h.client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: 'x'.repeat(40) })))
  assert.is(unknown.name, 'ResourceNotFoundException')
  assert.is(unknown.$metadata.httpStatusCode, 404)
  const res = await fetch(`${h.server.url}/2025-12-01/durable-execution-callbacks/${encodeURIComponent(CallbackId)}/fail`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ErrorType: 42 }),
  })
  assert.is(res.status, 400)
  assert.is(res.headers.get('x-amzn-errortype'), 'InvalidParameterValueException')
  assert.match(((await res.json()) as { message: string }).message, 'ErrorType')
  assert.is(h.engine.getExecution({ DurableExecutionArn }).Status, 'RUNNING')
  await h.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId, Result: json('late') }))
  assert.is((await h.engine.waitForExecution(DurableExecutionArn)).Status, 'SUCCEEDED')
})

test('should stop a running execution once, with the given error', async () => {
  const { DurableExecutionArn } = h.engine.startExecution({ functionName: 'approval' })
  const seen = h.callbackIds.length
  await until(() => h.callbackIds.length > seen)
  const out = await h.client.send(new StopDurableExecutionCommand({ DurableExecutionArn, Error: { ErrorType: 'Halt', ErrorMessage: 'enough' } }))
  assert.instance(out.StopTimestamp, Date)
  const view = await h.client.send(new GetDurableExecutionCommand({ DurableExecutionArn }))
  assert.is(view.Status, 'STOPPED')
  assert.is(view.Error?.ErrorType, 'Halt')
  const again = await failure(h.client.send(new StopDurableExecutionCommand({ DurableExecutionArn })))
  assert.is(again.name, 'InvalidParameterValueException')
  assert.is((await h.client.send(new GetDurableExecutionCommand({ DurableExecutionArn }))).Error?.ErrorType, 'Halt')
})

test('should refuse query values that do not decode, naming the parameter', async () => {
  const cases = [
    ['/2025-12-01/functions/add/durable-executions?MaxItems=ten', 'MaxItems'],
    ['/2025-12-01/functions/add/durable-executions?Statuses=DONE', 'Statuses'],
    ['/2025-12-01/functions/add/durable-executions?StartedAfter=yesterday', 'StartedAfter'],
    [`/2025-12-01/durable-executions/${encodeURIComponent(MISSING_ARN)}/history?ReverseOrder=maybe`, 'ReverseOrder'],
    [`/2025-12-01/durable-executions/${encodeURIComponent(MISSING_ARN)}/state`, 'CheckpointToken'],
  ]
  for (const [path, name] of cases) {
    const res = await fetch(`${h.server.url}${path}`)
    assert.is(res.status, 400, path)
    assert.is(res.headers.get('x-amzn-errortype'), 'InvalidParameterValueException')
    assert.match(((await res.json()) as { message: string }).message, name ?? '')
  }
})

test('should answer an unknown route with 404 UnknownOperationException', async () => {
  const res = await fetch(`${h.server.url}/2025-12-01/nothing-here`)
  assert.is(res.status, 404)
  assert.is(res.headers.get('x-amzn-errortype'), 'UnknownOperationException')
})

test.run()
