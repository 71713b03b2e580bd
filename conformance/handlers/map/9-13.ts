/** Requirement 9-13: map "named-items" with an item namer ("item-<item>"), returning item * 10, max-concurrency 1. */
import { durable, map } from '../../../shell/index.js'

export const handler = durable(function* (items: number[]) {
  const result = yield* map(
    'named-items',
    items,
    function* (item) {
      return item * 10
    },
    { maxConcurrency: 1, itemNamer: (item) => `item-${item}` },
  )
  return result.getResults()
})
