/** Requirement 9-4: map "empty" over no items completes at once; returns the (empty) results. */
import { durable, map } from '../../../shell/index.js'

export const handler = durable(function* (items: string[]) {
  const result = yield* map('empty', items, function* (item) {
    return item
  })
  return result.getResults()
})
