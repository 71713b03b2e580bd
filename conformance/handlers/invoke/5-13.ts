/** Requirement 5-13: a child context holding an invoke of the echo target; the context returns the invoke result. */
import { childContext, durable, invoke } from '../../../shell/index.js'
import { ECHO_FUNCTION } from './targets.js'

export const handler = durable(function* () {
  return yield* childContext(function* () {
    return yield* invoke<string>('echo-in-child', ECHO_FUNCTION, 'from child')
  })
})
