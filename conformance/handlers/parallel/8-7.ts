/** Requirement 8-7: fail-fast parallel whose batch result is asked to rethrow: the execution fails. */
import { durable, parallel } from '../../../shell/index.js'

export const handler = durable(function* () {
  const result = yield* parallel('throwing', [
    function* (): Generator<never, string> { throw new Error('branch 0 failed') },
    function* () { return 'never' },
  ], { maxConcurrency: 1, completionConfig: { toleratedFailureCount: 0 } })
  result.throwIfError()
  return result.getResults()
})
