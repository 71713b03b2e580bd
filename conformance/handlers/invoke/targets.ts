/**
 * The chained-invoke targets of the invoke suite, and the FunctionName each is deployed under in
 * conformance/template.yaml (the engine resolves chained invokes by that name).
 */
import { durable } from '../../../shell/index.js'

export const ECHO_FUNCTION = 'conformance-invoke-echo'
export const FAILING_FUNCTION = 'conformance-invoke-failing'
export const SIZE_FUNCTION = 'conformance-invoke-size'

/** Returns whatever it receives. */
export const echo = durable(function* (event: unknown) {
  return event
})

/** Always throws, so the caller's invoke fails. */
export const failing = durable(function* (): Generator<never, never> {
  throw new Error('The invoked target function failed on purpose')
})

/** Receives a (large) string and answers with its length. */
export const size = durable(function* (event: string) {
  return { receivedLength: event.length }
})
