/** Requirement 9-8: map "tolerated" with tolerated-failure-count 1: item 1 fails, every item still runs. */
import { durable, map } from '../../../shell/index.js'

export const handler = durable(function* () {
  const result = yield* map(
    'tolerated',
    ['i0', 'i1', 'i2'],
    function* (item) {
      if (item === 'i1') throw new Error('item i1 failed')
      return item
    },
    { maxConcurrency: 1, completionConfig: { toleratedFailureCount: 1 } },
  )
  return { completionReason: result.completionReason, status: result.status, successCount: result.successCount, failureCount: result.failureCount, totalCount: result.totalCount }
})
