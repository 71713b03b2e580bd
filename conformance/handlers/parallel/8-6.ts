/** Requirement 8-6: fail-fast (tolerated failure count 0) stops after branch 1 fails; branch 2 never starts. */
import { durable, parallel } from '../../../shell/index.js'

export const handler = durable(function* () {
  const result = yield* parallel('failfast', [
    function* () { return 'ok' },
    function* (): Generator<never, string> { throw new Error('branch 1 failed') },
    function* () { return 'never' },
  ], { maxConcurrency: 1, completionConfig: { toleratedFailureCount: 0 } })
  const { completionReason, status, successCount, failureCount, totalCount } = result
  return { completionReason, status, successCount, failureCount, totalCount }
})
