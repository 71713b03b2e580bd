/** Requirement 5-9: invoke the echo target, then wait 1 second; on the last replay the invoke result comes from history. */
import { durable, invoke, wait } from '../../../shell/index.js'
import { ECHO_FUNCTION } from './targets.js'

export const handler = durable(function* () {
  const result = yield* invoke<string>('echo', ECHO_FUNCTION, 'cached')
  yield* wait({ seconds: 1 })
  return result
})
