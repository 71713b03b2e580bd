/** Requirement 8-12: FLAT nesting: branch steps sit directly under the Parallel context. */
import { durable, parallel, step } from '../../../shell/index.js'

export const handler = durable(function* () {
  const result = yield* parallel('flat', [
    function* () { return yield* step(async () => 'fa') },
    function* () { return yield* step(async () => 'fb') },
  ], { maxConcurrency: 1, nesting: 'FLAT' })
  return result.getResults()
})
