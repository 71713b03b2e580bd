/** Small generated workflows for the reducer properties: a few operations, nested at most three deep. */
import * as fc from 'fast-check'
import type { Node } from './model.js'

const name = fc.option(fc.constantFrom('a', 'b', 'charge', 'x y'), { nil: undefined })

const step: fc.Arbitrary<Node> = fc.record({
  kind: fc.constant('step' as const),
  name,
  failures: fc.nat({ max: 2 }),
  fails: fc.boolean(),
  atMostOnce: fc.boolean(),
  undefinedResult: fc.boolean(),
})
const wait: fc.Arbitrary<Node> = fc.record({ kind: fc.constant('wait' as const), name, seconds: fc.integer({ min: 1, max: 600 }) })
const callback: fc.Arbitrary<Node> = fc.record({ kind: fc.constant('callback' as const), name })

const tree = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'workflow' },
    step,
    wait,
    callback,
    fc.record({
      kind: fc.constant('child' as const),
      name,
      virtual: fc.boolean(),
      body: fc.array(tie('node'), { maxLength: 3, depthIdentifier: 'workflow' }),
    }),
  ),
}))

export const workflow: fc.Arbitrary<readonly Node[]> = fc.array(tree.node, { minLength: 1, maxLength: 4 })

export const RUNS = { numRuns: 100 }
