/**
 * Our API's versions of the map/parallel oracle scenarios (official-scenarios-batch.ts): concurrency
 * limits, minSuccessful, tolerated failures, early completion abandoning a waiting branch, and FLAT
 * nesting. Results are returned as the same plain summaries the official scenarios build.
 */
import { childContext, durable, map, parallel, step, wait, type BatchResult } from '../../shell/index.js'
import { fakeClient } from '../support/fake-client.js'
import type { Scenario } from '../support/scenario-types.js'

const client = fakeClient
const noRetry = () => ({ shouldRetry: false }) as const

const summary = <T>(r: BatchResult<T>) => ({
  results: r.all.map((i) => (i.status === 'SUCCEEDED' ? i.result : i.status)),
  status: r.status,
  reason: r.completionReason,
  successCount: r.successCount,
  failureCount: r.failureCount,
})

export const mapNested: Scenario = {
  name: 'map-nested',
  handler: durable(function* () {
    const r = yield* map('map', [1, 2, 3, 4, 5], (item) => step(async () => item * 2), { maxConcurrency: 2 })
    return summary(r)
  }, { client }),
  expected: {
    status: 'SUCCEEDED',
    result: { results: [2, 4, 6, 8, 10], status: 'SUCCEEDED', reason: 'ALL_COMPLETED', successCount: 5, failureCount: 0 },
  },
}

export const mapMinSuccessful: Scenario = {
  name: 'map-min-successful',
  handler: durable(function* () {
    const r = yield* map('m', ['a', 'b', 'c', 'd', 'e'], (item) => step(async () => item.toUpperCase()), {
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

export const mapToleratedFailure: Scenario = {
  name: 'map-tolerated-failure',
  handler: durable(function* () {
    const r = yield* map('map', [1, 2, 3], (item, i) =>
      step(async () => {
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

export const parallelToleratedFailure: Scenario = {
  name: 'parallel-tolerated-failure',
  handler: durable(function* () {
    const r = yield* parallel<number>('p', [
      () => step('one', async () => 1),
      function* () {
        throw new Error('branch broke')
      },
      () => step('three', async () => 3),
    ], { completionConfig: { toleratedFailureCount: 1 } })
    return summary(r)
  }, { client }),
  expected: {
    status: 'SUCCEEDED',
    result: { results: [1, 'FAILED', 3], status: 'FAILED', reason: 'ALL_COMPLETED', successCount: 2, failureCount: 1 },
  },
}

export const parallelEarlyCompletion: Scenario = {
  name: 'parallel-early-completion',
  handler: durable(function* () {
    const r = yield* parallel<string>('p', [
      { name: 'fast', func: () => step(async () => 'F') },
      function* () {
        yield* wait({ seconds: 30 })
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

export const mapFlat: Scenario = {
  name: 'map-flat',
  handler: durable(function* () {
    const r = yield* map('flat', ['a', 'b'], function* (item) {
      const v = yield* step(`s-${item}`, async () => item)
      yield* childContext('inner', () => step(async () => 1))
      return v
    }, { nesting: 'FLAT' })
    return summary(r)
  }, { client }),
  expected: {
    status: 'SUCCEEDED',
    result: { results: ['a', 'b'], status: 'SUCCEEDED', reason: 'ALL_COMPLETED', successCount: 2, failureCount: 0 },
  },
}

const p1 = function* () {
  return yield* step('p1', async () => 1)
}
const pc = function* () {
  return yield* childContext('pc', function* () {
    return yield* step('p2', async () => 2)
  })
}

export const parallelMixedBranches: Scenario = {
  name: 'parallel-mixed-branches',
  handler: durable(function* () {
    return summary(yield* parallel<number>('par', [p1, pc]))
  }, { client }),
  expected: {
    status: 'SUCCEEDED',
    result: { results: [1, 2], status: 'SUCCEEDED', reason: 'ALL_COMPLETED', successCount: 2, failureCount: 0 },
  },
}

export const parallelMixedBranchesSwapped: Scenario = {
  name: 'parallel-mixed-branches-swapped',
  handler: durable(function* () {
    return summary(yield* parallel<number>('par', [pc, p1]))
  }, { client }),
  expected: {
    status: 'SUCCEEDED',
    result: { results: [2, 1], status: 'SUCCEEDED', reason: 'ALL_COMPLETED', successCount: 2, failureCount: 0 },
  },
}

/** A branch that runs two steps beside a context branch: where the second step's SUCCEED falls. */
export const parallelMixedBranchesTwoSteps: Scenario = {
  name: 'parallel-mixed-branches-two-steps',
  handler: durable(function* () {
    const twoSteps = function* () {
      const a = yield* step('p1', async () => 1)
      return a + (yield* step('p1b', async () => 10))
    }
    return summary(yield* parallel<number>('par', [twoSteps, pc]))
  }, { client }),
  expected: {
    status: 'SUCCEEDED',
    result: { results: [11, 2], status: 'SUCCEEDED', reason: 'ALL_COMPLETED', successCount: 2, failureCount: 0 },
  },
}

export const mapMixedItems: Scenario = {
  name: 'map-mixed-items',
  handler: durable(function* () {
    return summary(yield* map<number, number>('map', [0, 1], (i) => (i === 0 ? p1() : pc())))
  }, { client }),
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
