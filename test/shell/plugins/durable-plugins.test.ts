// plugins on durable() end to end: a plugin that throws from every hook never changes the result,
// the history or what a healthy plugin after it receives; test-runner plugins reach the handler;
// the replay flags are right for an operation still open in a later invocation.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { runLocal } from '../../../adapters/local/testing.js'
import { durable, parallel, step, wait } from '../../../shell/index.js'
import type { DurableInstrumentationPlugin } from '../../../shell/index.js'
import { recordingPlugin, type Call } from './recording-plugin.js'

const HOOKS = ['onInvocationStart', 'onInvocationEnd', 'onOperationStart', 'onOperationEnd', 'onOperationAttemptStart', 'onOperationAttemptEnd', 'onOperationChange'] as const

function faulty(counter: { n: number }): DurableInstrumentationPlugin {
  const plugin: Record<string, unknown> = {}
  for (const hook of HOOKS) plugin[hook] = () => { counter.n++; throw new Error(`faulty ${hook}`) }
  plugin.wrapOperationAttemptFn = () => { counter.n++; throw new Error('faulty wrap') }
  plugin.wrapChildContextFn = async () => { counter.n++; throw new Error('faulty child wrap') }
  return plugin as DurableInstrumentationPlugin
}

const workflow = function* (name: string) {
  const greeting = yield* step('greet', async () => `Hello, ${name}!`)
  const both = yield* parallel('pair', [function* () { return yield* step(async () => 1) }, function* () { return 2 }])
  return { greeting, both: both.getResults() }
}

test('should give the same result and history with a plugin that throws from every hook', async () => {
  const warn = console.warn
  const warnings: string[] = []
  console.warn = (line: string) => void warnings.push(line)
  try {
    const counter = { n: 0 }
    const calls: Call[] = []
    const plain = await runLocal(durable(workflow), 'Ada', { skipTime: true })
    const healthyOnly = await runLocal(durable(workflow, { plugins: [recordingPlugin([])] }), 'Ada', { skipTime: true })
    const broken = await runLocal(durable(workflow, { plugins: [faulty(counter), recordingPlugin(calls)] }), 'Ada', { skipTime: true })
    assert.is(broken.status, 'SUCCEEDED')
    assert.equal(broken.result, plain.result)
    const shape = (h: readonly Record<string, unknown>[]) => h.map((e) => [e.EventType, e.Id, e.Name].join(' '))
    // Awaited hooks may move sibling events relative to a run without plugins, never add or drop one;
    // the faulty plugin changes nothing against the healthy plugin alone.
    assert.equal(shape(broken.history).sort(), shape(plain.history).sort())
    assert.equal(shape(broken.history), shape(healthyOnly.history))
    assert.ok(counter.n > 10)
    const healthy = new Set(calls.map((c) => c.hook))
    for (const hook of [...HOOKS, 'wrapOperationAttemptFn', 'wrapChildContextFn']) assert.ok(healthy.has(hook), hook)
    assert.is(new Set(warnings).size, warnings.length)
    assert.ok(warnings.some((w) => w.includes('onOperationStart')))
  } finally {
    console.warn = warn
  }
})

test('should hand test-runner plugins to a durable() handler after its own', async () => {
  const own: Call[] = []
  const extra: Call[] = []
  const result = await runLocal(durable(workflow, { plugins: [recordingPlugin(own)] }), 'Bo', { skipTime: true, plugins: [recordingPlugin(extra)] })
  assert.is(result.status, 'SUCCEEDED')
  assert.ok(own.length > 0)
  assert.equal(extra.map((c) => c.hook), own.map((c) => c.hook))
})

test('should re-announce a wait still open in a later invocation as a replay, and never a finished one', async () => {
  const calls: Call[] = []
  const waits = durable(function* () {
    return (yield* parallel('waits', [
      function* () { yield* wait('short', { seconds: 2 }); return 'short-done' },
      function* () { yield* wait('long', { seconds: 8 }); return 'long-done' },
    ])).getResults()
  })
  const result = await runLocal(waits, undefined, { skipTime: true, plugins: [recordingPlugin(calls)] })
  assert.equal(result.result, ['short-done', 'long-done'])
  const starts = (name: string) => calls.filter((c) => c.hook === 'onOperationStart' && c.name === name).map((c) => [c.isReplay, c.status])
  assert.equal(starts('short'), [[false, 'STARTED']])
  assert.equal(starts('long'), [[false, 'STARTED'], [true, 'STARTED']])
  const ends = calls.filter((c) => c.hook === 'onOperationEnd' && c.type === 'WAIT').map((c) => [c.name, c.status, c.isReplay])
  assert.equal(ends, [['short', 'SUCCEEDED', false], ['long', 'SUCCEEDED', false]])
})

test('should add enrichLogContext fields to the workflow and step log records', async () => {
  const write = process.stdout.write
  const lines: string[] = []
  process.stdout.write = ((chunk: string) => (lines.push(String(chunk)), true)) as typeof process.stdout.write
  try {
    const logged = durable(
      function* (_input: unknown, ctx) {
        const v = yield* step('work', async ({ logger }) => { logger.info('inside step'); return 1 })
        ctx.logger.info('after step')
        return v
      },
      { plugins: [{ enrichLogContext: () => ({ traceId: 't-1' }) }] },
    )
    const result = await runLocal(logged, undefined, { skipTime: true })
    assert.is(result.status, 'SUCCEEDED')
  } finally {
    process.stdout.write = write
  }
  const records = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>)
  const inside = records.find((r) => r.message === 'inside step')
  const after = records.find((r) => r.message === 'after step')
  assert.is(inside?.traceId, 't-1')
  assert.is(after?.traceId, 't-1')
})

test('should end an invocation that throws for a retry with RETRYING and the error, then rethrow', async () => {
  const calls: Call[] = []
  const handler = durable(function* () { return yield* step('work', async () => 1) }, { plugins: [recordingPlugin(calls)] })
  const arn = 'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST/durable-execution/run/x'
  const event = {
    DurableExecutionArn: arn,
    CheckpointToken: 't0',
    InitialExecutionState: { Operations: [{ Id: 'e', Type: 'EXECUTION', Status: 'STARTED', StartTimestamp: 1_000, ExecutionDetails: { InputPayload: '{}' } }] },
    durableExecutionClient: {
      checkpoint: async () => { throw Object.assign(new Error('service unavailable'), { name: 'ServiceException', $metadata: { httpStatusCode: 503 } }) },
      getExecutionState: async () => ({ Operations: [] }),
    },
  }
  let thrown: unknown
  try {
    await handler(event, { awsRequestId: 'req-1' })
  } catch (error) {
    thrown = error
  }
  assert.ok(thrown instanceof Error)
  const end = calls.find((c) => c.hook === 'onInvocationEnd')
  assert.is(end?.status, 'RETRYING')
  assert.is(end?.executionError, (thrown as Error).message)
  assert.equal(calls.filter((c) => c.hook === 'wrapInvocation').map((c) => c.phase), ['before'])
})

test('should give plugins the execution start timestamp from the event (timestamps parsed when a plugin listens)', async () => {
  const seen: unknown[] = []
  const plugin: DurableInstrumentationPlugin = {
    onInvocationStart: (info) => void seen.push(info.executionStartTimestamp),
  }
  const ISO = '2025-12-03T22:57:12.070Z'
  const handler = durable(function* () { return yield* step('work', async () => 1) }, { plugins: [plugin] })
  const out = await handler({
    DurableExecutionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST/durable-execution/run/y',
    CheckpointToken: 't0',
    InitialExecutionState: {
      Operations: [
        { Id: 'e', Type: 'EXECUTION', Status: 'STARTED', StartTimestamp: ISO, ExecutionDetails: { InputPayload: '{}' } },
        { Id: 'c4ca4238a0b92382', Type: 'STEP', SubType: 'Step', Name: 'work', Status: 'SUCCEEDED', StartTimestamp: ISO, EndTimestamp: ISO, StepDetails: { Attempt: 1, Result: '1' } },
      ],
    },
    durableExecutionClient: { checkpoint: async () => ({ CheckpointToken: 't1' }), getExecutionState: async () => ({ Operations: [] }) },
  })
  assert.is(out.Status, 'SUCCEEDED')
  assert.equal(seen[0], new Date(ISO))
})

test.run()
