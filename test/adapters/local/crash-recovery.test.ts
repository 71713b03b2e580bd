import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { type Event, GetDurableExecutionCommand, GetDurableExecutionHistoryCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda'
import { fixtures, type Served, startServe } from '../../cli/serve-support.js'

const STEPS = 150
const WAIT_SECONDS = 2
const dir = mkdtempSync(join(tmpdir(), 'dy-crash-'))
const log = join(dir, 'steps.log')

const serve = (): Promise<Served> => startServe(['--data-dir', join(dir, 'data'), '--http-checkpoints', '--function', `counter=${fixtures}#counter`])
const lines = (): string[] => {
  try {
    return readFileSync(log, 'utf8').split('\n').filter((l) => l !== '')
  } catch {
    return []
  }
}
const clientFor = (s: Served) => new LambdaClient({ endpoint: s.url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 })

async function poll<T>(what: string, read: () => Promise<T> | T, done: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = await read()
    if (done(v)) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 3))
  }
}

async function kill9(s: Served): Promise<void> {
  s.child.kill('SIGKILL')
  await s.exited
}

async function history(client: LambdaClient, arn: string): Promise<Event[]> {
  const out = await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, MaxItems: 1000 }))
  return out.Events ?? []
}

test.after(() => rmSync(dir, { recursive: true, force: true }))

test('should keep every acknowledged checkpoint across kill -9 and finish the execution, timers included', async () => {
  // Run 1: killed in the middle of the steps, while checkpoints stream over HTTP.
  let served = await serve()
  let client = clientFor(served)
  const started = await client.send(
    new InvokeCommand({ FunctionName: 'counter', InvocationType: 'Event', Payload: JSON.stringify({ steps: STEPS, waitSeconds: WAIT_SECONDS, log }) }),
  )
  const arn = started.DurableExecutionArn ?? ''
  await poll('40 steps', lines, (l) => l.length >= 40)
  await kill9(served)
  client.destroy()
  const beforeCrash = lines()
  const last = Number(beforeCrash.at(-1)?.slice(1))
  assert.ok(last >= 39 && last < STEPS - 1, `killed after step ${last}`)

  // Run 2: resumes; steps whose successor had started were acknowledged and must not run again.
  served = await serve()
  client = clientFor(served)
  await poll('the wait to start', () => history(client, arn), (h) => h.some((e) => e.EventType === 'WaitStarted'))
  const waitStarted = (await history(client, arn)).find((e) => e.EventType === 'WaitStarted')
  const rerun = lines().slice(beforeCrash.length)
  for (let i = 0; i < last; i++) assert.not.ok(rerun.includes(`s${i}`), `acknowledged step s${i} ran again`)
  assert.ok(rerun.includes(`s${STEPS - 1}`))
  await new Promise((r) => setTimeout(r, 300))
  await kill9(served)
  client.destroy()

  // Run 3: the wait survives the crash and fires at its recorded time; the rest runs once.
  served = await serve()
  client = clientFor(served)
  const done = await poll('completion', () => client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn })), (v) => v.Status !== 'RUNNING')
  assert.is(done.Status, 'SUCCEEDED', JSON.stringify(done.Error))
  assert.equal(JSON.parse(done.Result ?? ''), { sum: 2 * ((STEPS * (STEPS - 1)) / 2) })
  const events = await history(client, arn)
  const count = (type: string, name?: string) => events.filter((e) => e.EventType === type && (name === undefined || e.Name === name)).length
  assert.is(count('WaitStarted'), 1)
  assert.is(count('WaitSucceeded'), 1)
  const waitEnded = events.find((e) => e.EventType === 'WaitSucceeded')?.EventTimestamp?.getTime() ?? 0
  assert.ok(waitEnded - (waitStarted?.EventTimestamp?.getTime() ?? 0) >= WAIT_SECONDS * 1000 - 5)
  for (let i = 0; i < STEPS; i++) {
    assert.is(count('StepSucceeded', `s${i}`), 1, `s${i}`)
    assert.is(count('StepSucceeded', `t${i}`), 1, `t${i}`)
  }
  assert.is(lines().filter((l) => l.startsWith('t')).length, STEPS)
  served.child.kill('SIGTERM')
  await served.exited
  client.destroy()
})

test.run()
