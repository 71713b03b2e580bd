/** Requirement 5-11: a step, then invoke the echo target with the step result. */
import { durable, invoke, step } from '../../../shell/index.js'
import { ECHO_FUNCTION } from './targets.js'

export const handler = durable(function* () {
  const value = yield* step(async () => ({ computed: 42 }))
  return yield* invoke<{ computed: number }>('echo-step-result', ECHO_FUNCTION, value)
})
