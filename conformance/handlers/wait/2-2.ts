/** Requirement 2-2: a 2-second wait with an explicit name. */
import { durable, wait } from '../../../shell/index.js'

export const handler = durable(function* () {
  yield* wait('custom_wait_name', { seconds: 2 })
  return null
})
