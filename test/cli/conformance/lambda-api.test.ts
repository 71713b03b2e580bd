import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { LambdaClient } from '@aws-sdk/client-lambda'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { lambdaApiOperations } from '../../../cli/conformance/lambda-api.js'

const ARN = 'arn:aws:lambda:us-east-1:000000000000:function:f:$LATEST/durable-execution/run/1'
const received: string[] = []

const readBody = (request: IncomingMessage) =>
  new Promise<string>((done) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => done(body))
  })

// A stand-in for the engine's HTTP API: just enough of the REST shapes for the real client.
const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost')
  const body = await readBody(request)
  received.push(`${request.method} ${decodeURIComponent(url.pathname)}${url.search} ${body}`)
  const json = (value: unknown) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value))
  if (url.pathname.endsWith('/history')) {
    const first = url.searchParams.get('Marker') === null
    const events = first
      ? [{ EventType: 'ExecutionStarted', EventId: 1, EventTimestamp: 1767225600 }]
      : [{ EventType: 'ExecutionSucceeded', EventId: 2, EventTimestamp: 1767225601, ExecutionSucceededDetails: { Result: { Payload: '"ok"' } } }]
    return json(first ? { Events: events, NextMarker: 'page-2' } : { Events: events })
  }
  if (url.pathname.startsWith('/2025-12-01/durable-executions/')) {
    return json({ DurableExecutionArn: ARN, DurableExecutionName: 'run', FunctionArn: 'arn:f', Status: 'SUCCEEDED', Result: '"ok"', StartTimestamp: 1767225600 })
  }
  return json({})
})

const start = () => new Promise<number>((done) => server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)))

test('lambdaApiOperations should speak the durable-execution REST API through the real client', async () => {
  const port = await start()
  try {
    const client = new LambdaClient({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 })
    const api = lambdaApiOperations(client)
    const history = await api.getHistory(ARN)
    assert.equal(history, [
      { EventType: 'ExecutionStarted', EventId: 1, EventTimestamp: '2026-01-01T00:00:00.000Z' },
      { EventType: 'ExecutionSucceeded', EventId: 2, EventTimestamp: '2026-01-01T00:00:01.000Z', ExecutionSucceededDetails: { Result: { Payload: '"ok"' } } },
    ])
    assert.equal(await api.getExecution(ARN), { Status: 'SUCCEEDED', Result: '"ok"' })
    await api.sendCallbackSuccess('cb-1', '{"status": "approved"}')
    await api.sendCallbackFailure('cb-2', { ErrorType: 'RejectedError', ErrorMessage: 'not approved' })
    await api.sendCallbackHeartbeat('cb-3')
    assert.ok(received[0]?.startsWith(`GET /2025-12-01/durable-executions/${ARN}/history?IncludeExecutionData=true&MaxItems=1000`))
    assert.ok(received[1]?.includes('Marker=page-2'))
    assert.is(received[3], 'POST /2025-12-01/durable-execution-callbacks/cb-1/succeed {"status": "approved"}')
    assert.is(received[4], 'POST /2025-12-01/durable-execution-callbacks/cb-2/fail {"ErrorMessage":"not approved","ErrorType":"RejectedError"}')
    assert.is(received[5], 'POST /2025-12-01/durable-execution-callbacks/cb-3/heartbeat ')
  } finally {
    server.close()
  }
})

test.run()
