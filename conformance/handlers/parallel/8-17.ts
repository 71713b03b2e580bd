/** Requirement 8-17: min-successful 3 is never reached; all branches run; ALL_COMPLETED, status FAILED. */
import { durable, parallel } from '../../../shell/index.js'

export const handler = durable(function* () {
  const result = yield* parallel('min-not-reached', [
    function* () { return 'b0' },
    function* (): Generator<never, string> { throw new Error('branch 1 failed') },
    function* () { return 'b2' },
  ], { maxConcurrency: 1, completionConfig: { minSuccessful: 3 } })
  const { completionReason, status, successCount, failureCount, totalCount } = result
  return { completionReason, status, successCount, failureCount, totalCount }
})
