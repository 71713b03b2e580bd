/** Requirement 4-13: a failed callback is caught and turned into a message, then a 2-second wait, then the message. */
import { createCallback, durable, wait } from '../../../shell/index.js'

export const handler = durable(function* (name: string) {
  const [result] = yield* createCallback(name)
  let message: string
  try {
    message = `callback succeeded: ${yield* result}`
  } catch (error) {
    message = `callback failed: ${error instanceof Error ? error.message : String(error)}`
  }
  yield* wait({ seconds: 2 })
  return message
})
