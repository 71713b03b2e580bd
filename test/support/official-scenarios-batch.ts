/**
 * Scenarios written with the official SDK 2.4 around map and parallel: concurrency limits, completion
 * policies (minSuccessful, toleratedFailureCount, early completion abandoning a waiting branch) and
 * FLAT nesting. Results are returned as plain summaries (never the BatchResult object, whose methods do
 * not serialise). Workflows follow PROTOCOL.md TV12, TV13, TV14 and §12.1 #1.
 */
import { NestingType, withDurableExecution, type BatchResult, type DurableContext } from '@aws/durable-execution-sdk-js'
import { fakeClient } from './fake-client.js'
import type { Scenario } from './scenario-types.js'

const client = fakeClient
const noRetry = () => ({ shouldRetry: false })

const summary = <T>(r: BatchResult<T>) => ({
  results: r.all.map((i) => (i.status === 'SUCCEEDED' ? i.result : i.status)),
  status: r.status,
  reason: r.completionReason,
  successCount: r.successCount,
  failureCount: r.failureCount,
})

/** TV12: five items doubled by a step each, at most two in flight. */
export const mapNested: Scenario = {
  name: 'map-nested',
  handler: withDurableExecution(async (_event, ctx) => {
    const r = await ctx.map('map', [1, 2, 3, 4, 5], async (c, item) => c.step(async () => item * 2), { maxConcurrency: 2 })
    return summary(r)
  }, { client }),
  expected: {
    status: 'SUCCEEDED',
    result: { results: [2, 4, 6, 8, 10], status: 'SUCCEEDED', reason: 'ALL_COMPLETED', successCount: 5, failureCount: 0 },
  },
}

/** maxConcurrency 2 with minSuccessful 3: the batch stops once three items succeeded. */
export const mapMinSuccessful: Scenario = {
  name: 'map-min-successful',
  handler: withDurableExecution(async (_event, ctx) => {
    const r = await ctx.map('m', ['a', 'b', 'c', 'd', 'e'], async (c, item) => c.step(async () => item.toUpperCase()), {
      maxConcurrency: 2,
      completionConfig: { minSuccessful: 3 },
    })
    return summary(r)
  }, { client }),
  expected: {
    status: 'SUCCEEDED',
    result: { results: ['A', 'B', 'C', 'STARTED'], status: 'SUCCEEDED', reason: 'MIN_SUCCESSFUL_REACHED', successCount: 3, failureCount: 0 },
  },
}

/** TV12 (second part): item 2 fails, one failure tolerated; the outer context still SUCCEEDs. */
export const mapToleratedFailure: Scenario = {
  name: 'map-tolerated-failure',
  handler: withDurableExecution(async (_event, ctx) => {
    const r = await ctx.map('map', [1, 2, 3], async (c, item, i) =>
      c.step(async () => {
        if (i === 1) throw new Error('bad item')
        return item * 10
      }, { retryStrategy: noRetry }),
    { completionConfig: { toleratedFailureCount: 1 } })
    return summary(r)
  }, { client }),
  expected: {
    status: 'SUCCEEDED',
    result: { results: [10, 'FAILED', 30], status: 'FAILED', reason: 'ALL_COMPLETED', successCount: 2, failureCount: 1 },
  },
}

/** §12.1 #1: three branches, the middle one throws by itself, one failure tolerated. */
export const parallelToleratedFailure: Scenario = {
  name: 'parallel-tolerated-failure',
  handler: withDurableExecution(async (_event, ctx) => {
    const r = await ctx.parallel('p', [
      async (c) => c.step('one', async () => 1),
      async () => {
        throw new Error('branch broke')
      },
      async (c) => c.step('three', async () => 3),
    ], { completionConfig: { toleratedFailureCount: 1 } })
    return summary(r)
  }, { client }),
  expected: {
    status: 'SUCCEEDED',
    result: { results: [1, 'FAILED', 3], status: 'FAILED', reason: 'ALL_COMPLETED', successCount: 2, failureCount: 1 },
  },
}

/** TV13 (early completion): minSuccessful 1; the fast branch wins, the waiting branch is abandoned. */
export const parallelEarlyCompletion: Scenario = {
  name: 'parallel-early-completion',
  handler: withDurableExecution(async (_event, ctx) => {
    const r = await ctx.parallel('p', [
      { name: 'fast', func: async (c) => c.step(async () => 'F') },
      async (c) => {
        await c.wait({ seconds: 30 })
        return 'S'
      },
    ], { completionConfig: { minSuccessful: 1 } })
    return summary(r)
  }, { client }),
  expected: {
    status: 'SUCCEEDED',
    result: { results: ['F', 'STARTED'], status: 'SUCCEEDED', reason: 'MIN_SUCCESSFUL_REACHED', successCount: 1, failureCount: 0 },
  },
}

/** TV14: FLAT map; items are virtual, their ops re-parent to the map, a real child inside each item. */
export const mapFlat: Scenario = {
  name: 'map-flat',
  handler: withDurableExecution(async (_event, ctx) => {
    const r = await ctx.map('flat', ['a', 'b'], async (c, item) => {
      const v = await c.step(`s-${item}`, async () => item)
      await c.runInChildContext('inner', async (cc) => cc.step(async () => 1))
      return v
    }, { nesting: NestingType.FLAT })
    return summary(r)
  }, { client }),
  expected: {
    status: 'SUCCEEDED',
    result: { results: ['a', 'b'], status: 'SUCCEEDED', reason: 'ALL_COMPLETED', successCount: 2, failureCount: 0 },
  },
}

const p1 = async (c: DurableContext) => c.step('p1', async () => 1)
const pc = async (c: DurableContext) => c.runInChildContext('pc', async (cc) => cc.step('p2', async () => 2))

/** A plain-step branch beside a branch whose step runs in a child context: the order of their SUCCEEDs. */
export const parallelMixedBranches: Scenario = {
  name: 'parallel-mixed-branches',
  handler: withDurableExecution(async (_event, ctx) => summary(await ctx.parallel('par', [p1, pc])), { client }),
  expected: {
    status: 'SUCCEEDED',
    result: { results: [1, 2], status: 'SUCCEEDED', reason: 'ALL_COMPLETED', successCount: 2, failureCount: 0 },
  },
}

/** The same branches, the child-context one first. */
export const parallelMixedBranchesSwapped: Scenario = {
  name: 'parallel-mixed-branches-swapped',
  handler: withDurableExecution(async (_event, ctx) => summary(await ctx.parallel('par', [pc, p1])), { client }),
  expected: {
    status: 'SUCCEEDED',
    result: { results: [2, 1], status: 'SUCCEEDED', reason: 'ALL_COMPLETED', successCount: 2, failureCount: 0 },
  },
}

/** The same mix as map items: item 0 a plain step, item 1 a step in a child context. */
/** A branch that runs two steps beside a context branch: where the second step's SUCCEED falls. */
export const parallelMixedBranchesTwoSteps: Scenario = {
  name: 'parallel-mixed-branches-two-steps',
  handler: withDurableExecution(async (_event, ctx) => {
    const twoSteps = async (c: DurableContext) => (await c.step('p1', async () => 1)) + (await c.step('p1b', async () => 10))
    return summary(await ctx.parallel('par', [twoSteps, pc]))
  }, { client }),
  expected: {
    status: 'SUCCEEDED',
    result: { results: [11, 2], status: 'SUCCEEDED', reason: 'ALL_COMPLETED', successCount: 2, failureCount: 0 },
  },
}

export const mapMixedItems: Scenario = {
  name: 'map-mixed-items',
  handler: withDurableExecution(async (_event, ctx) => summary(await ctx.map('map', [0, 1], async (c, i) => (i === 0 ? p1(c) : pc(c)))), { client }),
  expected: {
    status: 'SUCCEEDED',
    result: { results: [1, 2], status: 'SUCCEEDED', reason: 'ALL_COMPLETED', successCount: 2, failureCount: 0 },
  },
}

export const batchScenarios: readonly Scenario[] = [
  mapNested,
  mapMinSuccessful,
  mapToleratedFailure,
  parallelToleratedFailure,
  parallelEarlyCompletion,
  mapFlat,
  parallelMixedBranches,
  parallelMixedBranchesSwapped,
  parallelMixedBranchesTwoSteps,
  mapMixedItems,
]
