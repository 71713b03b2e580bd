/** Requirement 8-19: max concurrency 0 is rejected before the parallel starts: the execution fails. */
import { durable, parallel } from '../../../shell/index.js'

export const handler = durable(function* () {
  const result = yield* parallel('bad-concurrency', [
    function* () { return 'b0' },
    function* () { return 'b1' },
  ], { maxConcurrency: 0 })
  return result.getResults()
})
