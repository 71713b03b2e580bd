/** Requirement 5-16: invoke the echo target with a result serdes that uppercases the raw result text. */
import { durable, invoke, type Serdes } from '../../../shell/index.js'
import { ECHO_FUNCTION } from './targets.js'

const upperCaseResult: Serdes<string> = {
  serialize: (value) => value,
  deserialize: (data) => data?.toUpperCase(),
}

export const handler = durable(function* (payload: string) {
  return yield* invoke<string>('echo-uppercase', ECHO_FUNCTION, payload, { resultSerdes: upperCaseResult })
})
