/** Requirement 7-1: waitForCallback named after the input; the external success payload is the result. */
import { durable, waitForCallback } from '../../../shell/index.js'

export const handler = durable(function* (name: string) {
  return yield* waitForCallback(name, async () => {})
})
