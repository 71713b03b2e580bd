/** Requirement 8-5: parallel with no branches completes at once with an empty result list. */
import { durable, parallel } from '../../../shell/index.js'

export const handler = durable(function* () {
  const result = yield* parallel<string>('empty', [])
  return result.getResults()
})
