// Differential tests for the experimental `pluginsConfig.childOperationsDepth`: one workflow written
// with the official SDK 2.4 and with ours (contexts three levels deep, a FLAT map and a parallel whose
// items hold contexts, a failing child caught, an oversized result, and waits so that later invocations
// replay the kept contexts), run at several depths through the fake service; every checkpoint request,
// the outputs, the final outcome and the operations the service holds must match. Invalid depths must
// fail the execution with the official error.
import { NestingType, withDurableExecution } from '@aws/durable-execution-sdk-js'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { childContext, durable, map, parallel, step, wait } from '../../shell/index.js'
import { fakeClient as client } from '../support/fake-client.js'
import { comparable, normalise } from '../support/normalise.js'
import { runScenario } from '../support/run-scenario.js'
import type { LambdaHandler, Recording } from '../support/scenario-types.js'

const noRetry = () => ({ shouldRetry: false }) as const
const BIG = 300_000

const official = (childOperationsDepth: number | undefined): LambdaHandler =>
  withDurableExecution(async (_event, ctx) => {
    const nested = await ctx.runInChildContext('l1', async (c1) => {
      const a = await c1.step('s1', async () => 1)
      const b = await c1.runInChildContext('l2', async (c2) => {
        const t = await c2.step('s2', async () => 2)
        const u = await c2.runInChildContext('l3', async (c3) => {
          await c3.wait('inner-wait', { seconds: 1 })
          return c3.step('s3', async () => 3)
        })
        return t + u
      })
      return a + b
    })
    let caught: string | undefined
    try {
      await ctx.runInChildContext('bad', async (c) =>
        c.runInChildContext('bad-inner', async (ci) => ci.step('boom', async () => { throw new Error('nope') }, { retryStrategy: noRetry })),
      )
    } catch (e) {
      caught = (e as Error).message
    }
    const flat = await ctx.map('flat', [1, 2], async (c, item) => c.runInChildContext('item', async (ic) => ic.step('double', async () => item * 2)), { nesting: NestingType.FLAT })
    const par = await ctx.parallel('par', [async (c) => c.runInChildContext('pc', async (cc) => cc.step('p1', async () => 'x')), async (c) => c.runInChildContext('pc', async (cc) => cc.step('p2', async () => 'y'))])
    const big = await ctx.runInChildContext('big', async (c) => (await c.step('seed', async () => 'z')).repeat(BIG))
    await ctx.wait('pause', { seconds: 5 })
    return { nested, caught, flat: flat.getResults(), par: par.getResults(), big: big.length }
  }, { client, pluginsConfig: { childOperationsDepth } })

const ours = (childOperationsDepth: number | undefined): LambdaHandler =>
  durable(function* () {
    const nested = yield* childContext('l1', function* () {
      const a = yield* step('s1', async () => 1)
      const b = yield* childContext('l2', function* () {
        const t = yield* step('s2', async () => 2)
        const u = yield* childContext('l3', function* () {
          yield* wait('inner-wait', { seconds: 1 })
          return yield* step('s3', async () => 3)
        })
        return t + u
      })
      return a + b
    })
    let caught: string | undefined
    try {
      yield* childContext('bad', () => childContext('bad-inner', () => step('boom', async (): Promise<number> => { throw new Error('nope') }, { retryStrategy: noRetry })))
    } catch (e) {
      caught = (e as Error).message
    }
    const flat = yield* map('flat', [1, 2], (item) => childContext('item', () => step('double', async () => item * 2)), { nesting: 'FLAT' })
    const par = yield* parallel<string>('par', [() => childContext('pc', () => step('p1', async () => 'x')), () => childContext('pc', () => step('p2', async () => 'y'))])
    const big = yield* childContext('big', function* () {
      return (yield* step('seed', async () => 'z')).repeat(BIG)
    })
    yield* wait('pause', { seconds: 5 })
    return { nested, caught, flat: flat.getResults(), par: par.getResults(), big: big.length }
  }, { client, pluginsConfig: { childOperationsDepth } })

const record = async (handler: LambdaHandler) => comparable(normalise(await runScenario({ handler, maxInvocations: 10 })))

/** Ids of the CONTEXT updates of a recording that carry ReplayChildren, in order. */
const keptContexts = (r: unknown): string[] =>
  (r as { invocations: { requests: { Type: string; Name?: string; ContextOptions?: { ReplayChildren?: boolean } }[][] }[] }).invocations
    .flatMap((i) => i.requests.flat())
    .filter((u) => u.Type === 'CONTEXT' && u.ContextOptions?.ReplayChildren === true)
    .map((u) => u.Name ?? '?')

/** Contexts recording ReplayChildren, in checkpoint order: l1 ends in the 2nd invocation, after l3's wait. */
const EXPECTED_KEPT: readonly [number | undefined, readonly string[]][] = [
  [undefined, ['big']],
  [0, ['big']],
  [1, ['l1', 'bad', 'flat', 'par', 'big']],
  [2, ['l2', 'l1', 'bad-inner', 'bad', 'item', 'item', 'flat', 'parallel-branch-0', 'parallel-branch-1', 'par', 'big']],
  [Infinity, ['l3', 'l2', 'l1', 'bad-inner', 'bad', 'item', 'item', 'flat', 'pc', 'pc', 'parallel-branch-0', 'parallel-branch-1', 'par', 'big']],
]

for (const [depth, kept] of EXPECTED_KEPT) {
  test(`should record childOperationsDepth ${String(depth)} exactly as the official SDK does, replays included`, async () => {
    const [expected, actual] = [await record(official(depth)), await record(ours(depth))]
    const r = actual as { status: string; result?: string; invocations: unknown[] }
    assert.is(r.status, 'SUCCEEDED')
    assert.equal(JSON.parse(r.result ?? 'null'), { nested: 6, caught: 'nope', flat: [2, 4], par: ['x', 'y'], big: BIG })
    assert.is(r.invocations.length, 3)
    assert.equal(keptContexts(expected), kept)
    assert.equal(actual, expected)
  })
}

for (const depth of [-1, 1.5, Number.NaN, -Infinity]) {
  test(`should fail the execution as the official SDK does for childOperationsDepth ${String(depth)}`, async () => {
    const [expected, actual] = [await record(official(depth)), await record(ours(depth))]
    const r = actual as { status: string; error?: unknown; invocations: { requests: unknown[] }[] }
    assert.is(r.status, 'FAILED')
    assert.equal(r.error, {
      ErrorType: 'Error',
      ErrorMessage: `pluginsConfig.childOperationsDepth must be a non-negative integer or Infinity; got ${String(depth)}.`,
    })
    assert.equal(r.invocations[0]?.requests, [])
    assert.equal(actual, expected)
  })
}

test.run()
