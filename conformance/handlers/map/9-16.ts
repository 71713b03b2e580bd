/** Requirement 9-16: map "large" over four items each returning ~70 KB, so the Map result (>256 KB) replays its children. */
import { durable, map } from '../../../shell/index.js'

const LARGE_ITEM_CHARS = 70_000

export const handler = durable(function* () {
  const result = yield* map(
    'large',
    ['a', 'b', 'c', 'd'],
    function* (item) {
      return item.repeat(LARGE_ITEM_CHARS)
    },
    { maxConcurrency: 1 },
  )
  return { successCount: result.successCount, totalCount: result.totalCount }
})
