/** Requirement 5-7: invoke a target with a payload near the 256 KB invoke payload limit; it answers with the size. */
import { durable, invoke } from '../../../shell/index.js'
import { SIZE_FUNCTION } from './targets.js'

/** About 240 KB once JSON-encoded: under the 256 KB asynchronous invoke payload limit. */
const LARGE_PAYLOAD = 'x'.repeat(240_000)

export const handler = durable(function* () {
  return yield* invoke<{ receivedLength: number }>('large-payload', SIZE_FUNCTION, LARGE_PAYLOAD)
})
