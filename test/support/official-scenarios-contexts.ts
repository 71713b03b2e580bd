/**
 * Scenarios written with the official SDK 2.4 around child contexts: nesting, a failing child caught
 * by the handler, virtual contexts (at the root, and virtual-in-virtual under a real one, whose ops
 * re-parent to the nearest real context) and a child whose result exceeds 256 KiB (ReplayChildren,
 * then replayed from its kept children after a wait). Workflows follow PROTOCOL.md TV5, TV14, TV15.
 */
import { withDurableExecution } from '@aws/durable-execution-sdk-js'
import { fakeClient } from './fake-client.js'
import type { Scenario } from './scenario-types.js'

const client = fakeClient
const noRetry = () => ({ shouldRetry: false })

/** TV5 (first half): a child with a step and a grandchild context. */
export const nestedChildContexts: Scenario = {
  name: 'nested-child-contexts',
  handler: withDurableExecution(async (_event, ctx) => {
    const total = await ctx.runInChildContext('outer', async (c) => {
      const x = await c.step('s1', async () => 1)
      const y = await c.runInChildContext(async (cc) => cc.step(async () => x + 1))
      return x + y
    })
    return { total }
  }, { client }),
  expected: { status: 'SUCCEEDED', result: { total: 3 } },
}

/** TV5 (second half): a child whose step fails without retry; the handler catches the ChildContextError. */
export const failingChildCaught: Scenario = {
  name: 'failing-child-caught',
  handler: withDurableExecution(async (_event, ctx) => {
    try {
      await ctx.runInChildContext('bad', async (c) =>
        c.step('boom', async () => {
          throw new Error('nope')
        }, { retryStrategy: noRetry }),
      )
      return { caught: false }
    } catch (e) {
      const err = e as Error & { errorType?: string; cause?: Error & { errorType?: string } }
      return { caught: err.errorType, message: err.message, cause: err.cause?.errorType }
    }
  }, { client }),
  expected: { status: 'SUCCEEDED', result: { caught: 'ChildContextError', message: 'nope', cause: 'StepError' } },
}

/** §12.1 #4: a virtual context at the root sends nothing for itself; a real child inside has no ParentId. */
export const virtualContexts: Scenario = {
  name: 'virtual-contexts',
  handler: withDurableExecution(async (_event, ctx) => {
    const v = await ctx.runInChildContext('v', async (c) => {
      const a = await c.step('in-virtual', async () => 'a')
      const b = await c.runInChildContext('real-inside', async (cc) => cc.step(async () => 'b'))
      return a + b
    }, { virtualContext: true })
    return { v }
  }, { client }),
  expected: { status: 'SUCCEEDED', result: { v: 'ab' } },
}

/** TV14 (second part): real → virtual → virtual → step; the step goes out as H(1-1-1-1) with ParentId H(1). */
export const virtualInVirtual: Scenario = {
  name: 'virtual-in-virtual',
  handler: withDurableExecution(async (_event, ctx) => {
    const deep = await ctx.runInChildContext('real', async (c) =>
      c.runInChildContext('v1', async (v1) =>
        v1.runInChildContext('v2', async (v2) => v2.step('deep', async () => 'deep'), { virtualContext: true }),
      { virtualContext: true }),
    )
    return { deep }
  }, { client }),
  expected: { status: 'SUCCEEDED', result: { deep: 'deep' } },
}

/** TV15 (second bullet): a child returning 300 000 chars (> 256 KiB) then a wait; resumed from kept children. */
export const childResultAbove256KiB: Scenario = {
  name: 'child-result-above-256k',
  handler: withDurableExecution(async (_event, ctx) => {
    const big = await ctx.runInChildContext('big', async (c) => {
      let s = ''
      for (let i = 0; i < 300; i++) s += await c.step(async () => 'x'.repeat(1000))
      return s
    })
    await ctx.wait({ seconds: 5 })
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
