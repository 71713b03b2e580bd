/** Requirement 8-2: parallel without an operation name; each branch returns a constant directly. */
import { durable, parallel } from '../../../shell/index.js'

export const handler = durable(function* () {
  const result = yield* parallel([
    function* () { return 'alpha' },
    function* () { return 'beta' },
  ], { maxConcurrency: 1 })
  return result.getResults()
})
