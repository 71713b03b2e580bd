// Inline answers (shell/runtime/runtime.ts `answerInline`) are a shortcut, never a change of behaviour:
// for any generated workflow of steps (flaky, failing, caught), waits, child contexts and `all`, the
// run with inline answers and the same run with them turned off for the workflow's own generator (every
// effect it yields goes through the loop, as before the shortcut) send the same checkpoints in the same
// order, invocation by invocation, and end the same way.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as fc from 'fast-check'
import { all, childContext, durable, step, wait, type Op } from '../../shell/index.js'
import { withoutInline } from '../../shell/runtime/runtime.js'
import { fakeClient } from '../support/fake-client.js'
import { comparable, normalise } from '../support/normalise.js'
import { runScenario } from '../support/run-scenario.js'

type Node =
  | { readonly kind: 'step'; readonly name?: string; readonly value: number; readonly failures: number; readonly fails: boolean }
  | { readonly kind: 'wait'; readonly seconds: number }
  | { readonly kind: 'child'; readonly name?: string; readonly body: readonly Node[] }
  | { readonly kind: 'all'; readonly left: Node; readonly right: Node }

const name = fc.option(fc.constantFrom('a', 'b', 'charge'), { nil: undefined })
const leaf: fc.Arbitrary<Node> = fc.oneof(
  fc.record({ kind: fc.constant('step' as const), name, value: fc.integer({ min: 0, max: 99 }), failures: fc.nat({ max: 2 }), fails: fc.boolean() }),
  fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 5 }) }),
)
const tree = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 2, depthIdentifier: 'program' },
    leaf,
    fc.record({ kind: fc.constant('child' as const), name, body: fc.array(tie('node'), { maxLength: 3, depthIdentifier: 'program' }) }),
    fc.record({ kind: fc.constant('all' as const), left: leaf, right: leaf }),
  ),
}))
const program = fc.array(tree.node, { minLength: 1, maxLength: 5 })

function* run(nodes: readonly Node[]): Op<unknown[]> {
  const out: unknown[] = []
  for (const n of nodes) out.push(yield* node(n))
  return out
}

function* node(n: Node): Op<unknown> {
  switch (n.kind) {
    case 'step':
      try {
        return yield* step(n.name, async ({ attempt }) => {
          if (attempt <= n.failures) throw new Error(`flaky ${attempt}`)
          if (n.fails) throw new Error('broke')
          return n.value
        }, { retryStrategy: (_error, attempts) => (attempts <= n.failures ? { shouldRetry: true, delay: { seconds: 1 } } : { shouldRetry: false }) })
      } catch (error) {
        return `caught ${(error as Error).message}`
      }
    case 'wait':
      yield* wait({ seconds: n.seconds })
      return 'waited'
    case 'child':
      return yield* childContext(n.name, () => run(n.body))
    case 'all':
      return yield* all(undefined, [node(n.left), node(n.right)])
  }
}

/** Drives `op` with inline answers off: every effect it yields goes up to the runtime's loop. */
function* throughTheLoop<A>(op: Op<A>): Op<A> {
  let next = withoutInline(() => op.next())
  while (next.done !== true) {
    let answer: unknown
    try {
      answer = yield next.value
    } catch (error) {
      next = withoutInline(() => op.throw(error))
      continue
    }
    next = withoutInline(() => op.next(answer))
  }
  return next.value
}

const record = async (workflow: () => Op<unknown>) =>
  comparable(normalise(await runScenario({ handler: durable(workflow, { client: fakeClient }), input: {} })))

test('should send the same checkpoints and end the same way with inline answers as through the loop', async () => {
  await fc.assert(
    fc.asyncProperty(program, async (nodes) => {
      const inline = await record(() => run(nodes))
      const looped = await record(() => throughTheLoop(run(nodes)))
      assert.equal(inline, looped)
      assert.is((inline as { status: string }).status, 'SUCCEEDED')
    }),
    { numRuns: 100 },
  )
})

test.run()
