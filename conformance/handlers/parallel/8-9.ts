/** Requirement 8-9: one tolerated failure: all three branches run; ALL_COMPLETED with status FAILED. */
import { durable, parallel } from '../../../shell/index.js'

export const handler = durable(function* () {
  const result = yield* parallel('tolerated', [
    function* () { return 'b0' },
    function* (): Generator<never, string> { throw new Error('branch 1 failed') },
    function* () { return 'b2' },
  ], { maxConcurrency: 1, completionConfig: { toleratedFailureCount: 1 } })
  const { completionReason, status, successCount, failureCount, totalCount } = result
  return { completionReason, status, successCount, failureCount, totalCount }
})
