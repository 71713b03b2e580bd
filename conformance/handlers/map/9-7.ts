/** Requirement 9-7: map "min-successful" over four constant items with min-successful 2, max-concurrency 1. */
import { durable, map } from '../../../shell/index.js'

export const handler = durable(function* () {
  const result = yield* map(
    'min-successful',
    ['i0', 'i1', 'i2', 'i3'],
    function* () {
      return 'done'
    },
    { maxConcurrency: 1, completionConfig: { minSuccessful: 2 } },
  )
  return { completionReason: result.completionReason, successCount: result.successCount, totalCount: result.totalCount }
})
