/** Requirement 9-15: map "suspend", max-concurrency 1: item 0 runs a step; item 1 waits 1 s, then runs a step. */
import { durable, map, step, wait } from '../../../shell/index.js'

export const handler = durable(function* () {
  const result = yield* map(
    'suspend',
    ['r0', 'r1'],
    function* (item, index) {
      if (index === 1) yield* wait({ seconds: 1 })
      return yield* step(async () => item)
    },
    { maxConcurrency: 1 },
  )
  return result.getResults()
})
