/** Requirement 3-16: a named child context that returns null without any durable operation. */
import { childContext, durable } from '../../../shell/index.js'

export const handler = durable(function* () {
  // eslint-disable-next-line require-yield
  return yield* childContext('null-child', function* () {
    return null
  })
})
