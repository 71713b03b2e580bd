/** Requirement 9-17: map "then-wait" uppercases two items, then a 1-second wait; returns the results. */
import { durable, map, wait } from '../../../shell/index.js'

export const handler = durable(function* () {
  const result = yield* map(
    'then-wait',
    ['a', 'b'],
    function* (item) {
      return item.toUpperCase()
    },
    { maxConcurrency: 1 },
  )
  yield* wait({ seconds: 1 })
  return result.getResults()
})
