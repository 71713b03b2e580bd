/** Requirement 8-11: three branches, two at a time; results come back in branch order. */
import { durable, parallel } from '../../../shell/index.js'

export const handler = durable(function* () {
  const result = yield* parallel('concurrent', [
    function* () { return 'r0' },
    function* () { return 'r1' },
    function* () { return 'r2' },
  ], { maxConcurrency: 2 })
  return result.getResults()
})
