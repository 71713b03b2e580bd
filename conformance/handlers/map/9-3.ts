/** Requirement 9-3: map "indexed" returns item + index directly (no step), max-concurrency 1. */
import { durable, map } from '../../../shell/index.js'

export const handler = durable(function* (items: number[]) {
  const result = yield* map(
    'indexed',
    items,
    function* (item, index) {
      return item + index
    },
    { maxConcurrency: 1 },
  )
  return result.getResults()
})
