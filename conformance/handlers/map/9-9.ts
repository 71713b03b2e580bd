/** Requirement 9-9: map "tolerated-exceeded" with tolerated-failure-count 1: items 0 and 1 fail, item 2 never starts. */
import { durable, map } from '../../../shell/index.js'

export const handler = durable(function* () {
  const result = yield* map(
    'tolerated-exceeded',
    ['i0', 'i1', 'i2'],
    function* (item): Generator<never, string> {
      throw new Error(`item ${item} failed`)
    },
    { maxConcurrency: 1, completionConfig: { toleratedFailureCount: 1 } },
  )
  return { completionReason: result.completionReason, successCount: result.successCount, failureCount: result.failureCount, totalCount: result.totalCount }
})
