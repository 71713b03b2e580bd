// The OpenTelemetry plugin on a sample workflow (a step, a retried step, a wait, a child context and
// a map) run to the end across suspend and resume: one invocation span per invocation, one span per
// operation and per attempt, each under the right parent, with the durable.* attributes; the wait
// left open by a suspension is ended with its invocation and marked suspended; nothing replayed is
// reported as new work.
import { withDurableExecution } from '@aws/durable-execution-sdk-js'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { Attr, otelPlugin } from '../../../adapters/otel/index.js'
import { childContext, durable, map, step, wait } from '../../../shell/index.js'
import { fakeClient } from '../../support/fake-client.js'
import { runScenario } from '../../support/run-scenario.js'

const retry = (_e: Error, n: number) => (n < 3 ? { shouldRetry: true as const, delay: { seconds: 2 } } : { shouldRetry: false as const })

async function traced(sdk: 'ours' | 'official' = 'ours'): Promise<{ spans: ReadableSpan[]; arn: string; result: string | undefined }> {
  const exporter = new InMemorySpanExporter()
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
  const plugins = [otelPlugin({ tracer: provider.getTracer('test') })]
  const official = withDurableExecution(
    async (_event: unknown, ctx) => {
      const a = await ctx.step('a', async () => 1)
      const b = await ctx.step('flaky', async ({ attempt }) => { if (attempt === 1) throw new Error('boom'); return attempt }, { retryStrategy: retry })
      await ctx.wait('pause', { seconds: 5 })
      const c = await ctx.runInChildContext('child', async (child) => child.step('inner', async () => 3))
      const m = await ctx.map('m', [1, 2], async (item, x) => item.step(async () => x * 2))
      return { a, b, c, m: m.getResults() }
    },
    { client: fakeClient, plugins },
  )
  const ours = durable(
    function* () {
      const a = yield* step('a', async () => 1)
      const b = yield* step('flaky', async ({ attempt }) => { if (attempt === 1) throw new Error('boom'); return attempt }, { retryStrategy: retry })
      yield* wait('pause', { seconds: 5 })
      const c = yield* childContext('child', function* () { return yield* step('inner', async () => 3) })
      const m = yield* map('m', [1, 2], function* (x) { return yield* step(async () => x * 2) })
      return { a, b, c, m: m.getResults() }
    },
    { client: fakeClient, plugins },
  )
  const recording = await runScenario({ handler: sdk === 'ours' ? ours : official, input: {} })
  const spans = exporter.getFinishedSpans()
  const arn = String(spans[0]?.attributes[Attr.EXECUTION_ARN])
  return { spans, arn, result: recording.result }
}

const parentOf = (span: ReadableSpan): string | undefined => span.parentSpanContext?.spanId
const named = (spans: ReadableSpan[], name: string) => spans.filter((s) => s.name === name)
const one = (spans: ReadableSpan[], name: string): ReadableSpan => {
  const found = named(spans, name)
  assert.is(found.length, 1, `exactly one span "${name}", got ${found.length}`)
  return found[0]!
}

test('should open one invocation span per invocation with its status', async () => {
  const { spans, result } = await traced()
  assert.is(result, JSON.stringify({ a: 1, b: 2, c: 3, m: [2, 4] }))
  const invocations = named(spans, 'durable.invocation')
  assert.equal(invocations.map((s) => s.attributes[Attr.INVOCATION_STATUS]), ['PENDING', 'PENDING', 'SUCCEEDED'])
  assert.equal(invocations.map((s) => s.attributes[Attr.FIRST_INVOCATION]), [true, false, false])
  for (const s of invocations) assert.is(parentOf(s), undefined)
})

test('should put every operation under its invocation or its parent context, with the durable attributes', async () => {
  const { spans, arn } = await traced()
  const [first, second, third] = named(spans, 'durable.invocation')
  const a = one(spans, 'STEP a')
  assert.is(parentOf(a), first!.spanContext().spanId)
  assert.equal(
    { ...a.attributes },
    {
      [Attr.EXECUTION_ARN]: arn,
      [Attr.OPERATION_ID]: 'c4ca4238a0b92382',
      [Attr.OPERATION_TYPE]: 'STEP',
      [Attr.OPERATION_SUB_TYPE]: 'Step',
      [Attr.OPERATION_NAME]: 'a',
      [Attr.OPERATION_STATUS]: 'SUCCEEDED',
      [Attr.OPERATION_ATTEMPT]: 1,
      [Attr.OPERATION_REPLAY]: false,
    },
  )
  const child = one(spans, 'CONTEXT child')
  const inner = one(spans, 'STEP inner')
  assert.is(parentOf(child), third!.spanContext().spanId)
  assert.is(parentOf(inner), child.spanContext().spanId)
  assert.is(inner.attributes[Attr.OPERATION_PARENT_ID], child.attributes[Attr.OPERATION_ID])
  const mapSpan = one(spans, 'CONTEXT m')
  const items = [one(spans, 'CONTEXT map-item-0'), one(spans, 'CONTEXT map-item-1')]
  for (const item of items) {
    assert.is(parentOf(item), mapSpan.spanContext().spanId)
    assert.is(item.attributes[Attr.OPERATION_SUB_TYPE], 'MapIteration')
  }
  const itemSteps = named(spans, 'STEP')
  assert.is(itemSteps.length, 2)
  assert.equal(itemSteps.map(parentOf).sort(), items.map((i) => i.spanContext().spanId).sort())
  assert.ok(second !== undefined)
})

test('should give each attempt its own span under the operation, failed then succeeded, the retry marked replay', async () => {
  const { spans } = await traced()
  const [first, second] = named(spans, 'durable.invocation')
  const attempts = [one(spans, 'STEP flaky attempt 1'), one(spans, 'STEP flaky attempt 2')]
  assert.equal(attempts.map((s) => s.attributes[Attr.ATTEMPT_OUTCOME]), ['FAILED', 'SUCCEEDED'])
  assert.equal(attempts.map((s) => s.status.code), [2, 0])
  assert.is(attempts[0]!.events[0]?.name, 'exception')
  const flaky = named(spans, 'STEP flaky')
  assert.is(flaky.length, 2)
  // Invocation 1: the operation is still retrying when the invocation suspends.
  assert.is(parentOf(flaky[0]!), first!.spanContext().spanId)
  assert.is(flaky[0]!.attributes[Attr.OPERATION_SUSPENDED], true)
  assert.is(parentOf(attempts[0]!), flaky[0]!.spanContext().spanId)
  // Invocation 2: resumed as a replay of the recorded operation, the new attempt is live work.
  assert.is(parentOf(flaky[1]!), second!.spanContext().spanId)
  assert.is(flaky[1]!.attributes[Attr.OPERATION_REPLAY], true)
  assert.is(flaky[1]!.attributes[Attr.OPERATION_STATUS], 'SUCCEEDED')
  assert.is(parentOf(attempts[1]!), flaky[1]!.spanContext().spanId)
  assert.is(attempts[1]!.attributes[Attr.OPERATION_REPLAY], false)
})

test('should end the waiting span with its invocation and report the wait finished on resume', async () => {
  const { spans } = await traced()
  const [, second, third] = named(spans, 'durable.invocation')
  const pause = named(spans, 'WAIT pause')
  assert.is(pause.length, 2)
  assert.is(parentOf(pause[0]!), second!.spanContext().spanId)
  assert.is(pause[0]!.attributes[Attr.OPERATION_SUSPENDED], true)
  assert.is(pause[0]!.attributes[Attr.OPERATION_STATUS], 'STARTED')
  assert.is(parentOf(pause[1]!), third!.spanContext().spanId)
  assert.is(pause[1]!.attributes[Attr.OPERATION_STATUS], 'SUCCEEDED')
  assert.is(pause[1]!.attributes[Attr.OPERATION_SUSPENDED], undefined)
  // The step finished in invocation 1 is replayed silently afterwards: no second span for it.
  assert.is(named(spans, 'STEP a').length, 1)
})

test('should produce the same span tree under the official SDK 2.4, the plugin being official-shape', async () => {
  const tree = (spans: ReadableSpan[]) => {
    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s.name]))
    return spans.map((s) => `${byId.get(parentOf(s) ?? '') ?? '-'} > ${s.name} ${String(s.attributes[Attr.OPERATION_REPLAY] ?? '')}`)
  }
  const [ours, theirs] = [await traced('ours'), await traced('official')]
  assert.ok(ours.spans.length > 20)
  assert.equal(tree(ours.spans), tree(theirs.spans))
})

test.run()
