/** Requirement 8-8: min-successful 2 ends the parallel after branches 0 and 1; 2 and 3 never start. */
import { durable, parallel } from '../../../shell/index.js'

export const handler = durable(function* () {
  const result = yield* parallel('min-successful', [
    function* () { return 'b0' },
    function* () { return 'b1' },
    function* () { return 'b2' },
    function* () { return 'b3' },
  ], { maxConcurrency: 1, completionConfig: { minSuccessful: 2 } })
  const { completionReason, successCount, totalCount } = result
  return { completionReason, successCount, totalCount }
})
