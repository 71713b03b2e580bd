/** Requirement 8-20: the batch result accessors (hasFailure, succeeded, failed, getErrors) after one failure. */
import { durable, parallel } from '../../../shell/index.js'

export const handler = durable(function* () {
  const result = yield* parallel('accessors', [
    function* () { return 'b0' },
    function* (): Generator<never, string> { throw new Error('branch 1 failed') },
    function* () { return 'b2' },
  ], { maxConcurrency: 1, completionConfig: { toleratedFailureCount: 1 } })
  return {
    hasFailure: result.hasFailure,
    successCount: result.succeeded().length,
    failureCount: result.failed().length,
    errorCount: result.getErrors().length,
  }
})
