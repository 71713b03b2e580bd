/** Requirement 8-21: a parallel inside a parallel branch; the outer result is the inner result list. */
import { durable, parallel, step } from '../../../shell/index.js'

export const handler = durable(function* () {
  const outer = yield* parallel('outer', [
    function* () {
      const inner = yield* parallel('inner', [
        function* () { return yield* step(async () => 'i1') },
        function* () { return yield* step(async () => 'i2') },
      ], { maxConcurrency: 1 })
      return inner.getResults()
    },
  ], { maxConcurrency: 1 })
  return outer.getResults()
})
