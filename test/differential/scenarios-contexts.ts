/**
 * Our API's versions of the child-context oracle scenarios (official-scenarios-contexts.ts): nesting,
 * a failing child caught by the workflow, virtual contexts at the root and virtual-in-virtual under a
 * real one, and a child whose result exceeds 256 KiB. Names and expectations match the official ones.
 */
import { childContext, durable, step, wait } from '../../shell/index.js'
import { fakeClient } from '../support/fake-client.js'
import type { Scenario } from '../support/scenario-types.js'

const client = fakeClient
const noRetry = () => ({ shouldRetry: false }) as const

export const nestedChildContexts: Scenario = {
  name: 'nested-child-contexts',
  handler: durable(function* () {
    const total = yield* childContext('outer', function* () {
      const x = yield* step('s1', async () => 1)
      const y = yield* childContext(function* () {
        return yield* step(async () => x + 1)
      })
      return x + y
    })
    return { total }
  }, { client }),
  expected: { status: 'SUCCEEDED', result: { total: 3 } },
}

export const failingChildCaught: Scenario = {
  name: 'failing-child-caught',
  handler: durable(function* () {
    try {
      yield* childContext('bad', function* () {
        return yield* step('boom', async () => {
          throw new Error('nope')
        }, { retryStrategy: noRetry })
      })
      return { caught: false }
    } catch (e) {
      const err = e as Error & { errorType?: string; cause?: Error & { errorType?: string } }
      return { caught: err.errorType, message: err.message, cause: err.cause?.errorType }
    }
  }, { client }),
  expected: { status: 'SUCCEEDED', result: { caught: 'ChildContextError', message: 'nope', cause: 'StepError' } },
}

export const virtualContexts: Scenario = {
  name: 'virtual-contexts',
  handler: durable(function* () {
    const v = yield* childContext('v', function* () {
      const a = yield* step('in-virtual', async () => 'a')
      const b = yield* childContext('real-inside', function* () {
        return yield* step(async () => 'b')
      })
      return a + b
    }, { virtualContext: true })
    return { v }
  }, { client }),
  expected: { status: 'SUCCEEDED', result: { v: 'ab' } },
}

export const virtualInVirtual: Scenario = {
  name: 'virtual-in-virtual',
  handler: durable(function* () {
    const deep = yield* childContext('real', function* () {
      return yield* childContext('v1', function* () {
        return yield* childContext('v2', function* () {
          return yield* step('deep', async () => 'deep')
        }, { virtualContext: true })
      }, { virtualContext: true })
    })
    return { deep }
  }, { client }),
  expected: { status: 'SUCCEEDED', result: { deep: 'deep' } },
}

export const childResultAbove256KiB: Scenario = {
  name: 'child-result-above-256k',
  handler: durable(function* () {
    const big = yield* childContext('big', function* () {
      let s = ''
      for (let i = 0; i < 300; i++) s += yield* step(async () => 'x'.repeat(1000))
      return s
    })
    yield* wait({ seconds: 5 })
    return big.length
  }, { client }),
  expected: { status: 'SUCCEEDED', result: 300000 },
}

export const contextScenarios: readonly Scenario[] = [
  nestedChildContexts,
  failingChildCaught,
  virtualContexts,
  virtualInVirtual,
  childResultAbove256KiB,
]
