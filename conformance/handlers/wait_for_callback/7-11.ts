/** Requirement 7-11: the callback payload is deserialized as a JSON object; returns its `status`. */
import { durable, jsonSerdes, waitForCallback } from '../../../shell/index.js'

interface Approval {
  readonly status: string
}

export const handler = durable(function* (name: string) {
  const approval = yield* waitForCallback<Approval>(name, async () => {}, { serdes: jsonSerdes })
  return approval.status
})
