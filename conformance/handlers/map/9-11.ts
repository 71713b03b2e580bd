/** Requirement 9-11: map "concurrent" over three items with max-concurrency 2; results come back in index order. */
import { durable, map } from '../../../shell/index.js'

export const handler = durable(function* () {
  const result = yield* map(
    'concurrent',
    ['i0', 'i1', 'i2'],
    function* (_item, index) {
      return `r${index}`
    },
    { maxConcurrency: 2 },
  )
  return result.getResults()
})
