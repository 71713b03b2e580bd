/** Requirement 9-6: map "throwing", fail-fast (tolerated-failure-count 0): item 0 fails, item 1 never starts; throwIfError rethrows. */
import { durable, map } from '../../../shell/index.js'

export const handler = durable(function* () {
  const result = yield* map(
    'throwing',
    ['i0', 'i1'],
    function* (item): Generator<never, string> {
      throw new Error(`item ${item} failed`)
    },
    { maxConcurrency: 1, completionConfig: { toleratedFailureCount: 0 } },
  )
  result.throwIfError()
  return result.getResults()
})
