import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda'
import { cli, fixtures, oneLine, type Served, startServe } from './serve-support.js'

let served: Served
let client: LambdaClient
let approvalArn = ''

test.before(async () => {
  served = await startServe(['--function', `approval=${fixtures}#approval`, '--function', `counter=${fixtures}#counter`, '--skip-time'])
  client = new LambdaClient({ endpoint: served.url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
})
test.after(() => {
  client?.destroy()
  if (served?.child.exitCode === null) served.child.kill('SIGKILL')
})

const historyOf = async (arn: string) => {
  const r = await cli(['history', arn, '--json', '--endpoint', served.url])
  assert.is(r.code, 0, r.stderr)
  return JSON.parse(r.stdout) as { execution: { Status: string; Result?: string }; events: Array<{ EventType: string; CallbackStartedDetails?: { CallbackId: string } }> }
}

test('serve should run a registered handler invoked through the Lambda API, skipping time', async () => {
  const out = await client.send(new InvokeCommand({ FunctionName: 'counter', Payload: JSON.stringify({ steps: 3, waitSeconds: 86_400, log: '/dev/null' }) }))
  assert.is(out.StatusCode, 200)
  assert.equal(JSON.parse(new TextDecoder().decode(out.Payload)), { sum: 6 })
})

test('list should show a running execution, filter by status and read AWS_ENDPOINT_URL_LAMBDA', async () => {
  const started = await client.send(new InvokeCommand({ FunctionName: 'approval', InvocationType: 'Event', Payload: '{"order":"A-1"}' }))
  approvalArn = started.DurableExecutionArn ?? ''
  const all = await cli(['list', '--json', '--endpoint', served.url])
  assert.is(all.code, 0, all.stderr)
  const rows = JSON.parse(all.stdout) as Array<{ DurableExecutionArn: string; Status: string }>
  assert.ok(rows.some((r) => r.DurableExecutionArn === approvalArn && r.Status === 'RUNNING'))
  assert.ok(rows.some((r) => r.DurableExecutionArn.includes(':function:counter:') && r.Status === 'SUCCEEDED'))
  const none = await cli(['list', '--function', 'approval', '--status', 'SUCCEEDED'], { AWS_ENDPOINT_URL_LAMBDA: served.url })
  assert.is(none.code, 0, none.stderr)
  assert.is(none.stdout, 'No executions.\n')
  const text = await cli(['list', '--function', 'approval'], { AWS_ENDPOINT_URL_LAMBDA: served.url })
  assert.match(text.stdout, `RUNNING`)
  assert.match(text.stdout, approvalArn)
})

test('callback succeed should complete the waiting execution, and history should show it', async () => {
  const before = await historyOf(approvalArn)
  const callbackId = before.events.find((e) => e.EventType === 'CallbackStarted')?.CallbackStartedDetails?.CallbackId ?? ''
  assert.ok(callbackId)
  const hb = await cli(['callback', 'heartbeat', callbackId, '--endpoint', served.url])
  assert.is(hb.code, 0, hb.stderr)
  const ok = await cli(['callback', 'succeed', callbackId, '"yes"', '--endpoint', served.url])
  assert.is(ok.code, 0, ok.stderr)
  let after = await historyOf(approvalArn)
  for (let i = 0; i < 50 && after.execution.Status === 'RUNNING'; i++) after = await historyOf(approvalArn)
  assert.is(after.execution.Status, 'SUCCEEDED')
  assert.equal(JSON.parse(after.execution.Result ?? ''), { order: 'A-1', answer: '"yes"' })
  const text = await cli(['history', approvalArn, '--endpoint', served.url])
  assert.match(text.stdout, /^Execution SUCCEEDED/)
  assert.match(text.stdout, 'CallbackSucceeded')
  const again = await cli(['callback', 'fail', callbackId, '{"ErrorMessage":"late"}', '--endpoint', served.url])
  assert.is(again.code, 1)
  assert.ok(oneLine(again.stderr), again.stderr)
  assert.match(again.stderr, 'ResourceNotFoundException')
})

test('commands should refuse wrong arguments with one line and exit 2', async () => {
  const cases = [
    ['serve', '--port', 'abc'],
    ['serve', '--function', 'x=does/not/exist.ts'],
    ['serve', '--function', 'bad name=x.ts'],
    ['list', 'extra'],
    ['list', '--status', 'DONE'],
    ['history'],
    ['callback', 'heartbeat', 'id', 'payload'],
    ['callback', 'fail', 'id', '{"ErrorType":7}'],
    ['callback', 'poke', 'id'],
  ]
  const results = await Promise.all(cases.map((args) => cli(args)))
  for (const [i, args] of cases.entries()) {
    const r = results[i] ?? { code: null, stderr: '' }
    assert.is(r.code, 2, `${args.join(' ')}: ${r.stderr}`)
    assert.ok(oneLine(r.stderr), `${args.join(' ')}: ${r.stderr}`)
  }
})

test('history should say in one line when no server answers, and refuse an unknown execution', async () => {
  const down = await cli(['history', 'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST/durable-execution/a/b', '--endpoint', 'http://127.0.0.1:9'])
  assert.is(down.code, 1)
  assert.ok(oneLine(down.stderr), down.stderr)
  assert.match(down.stderr, 'cannot reach')
  const missing = await cli(['history', 'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST/durable-execution/a/b', '--endpoint', served.url])
  assert.is(missing.code, 1)
  assert.match(missing.stderr, 'ResourceNotFoundException')
})

test('serve should stop cleanly on SIGTERM', async () => {
  served.child.kill('SIGTERM')
  assert.is(await served.exited, 0)
})

test.run()
