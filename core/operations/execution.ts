/**
 * EXECUTION (PROTOCOL.md §2.2–2.3): what the invocation answers when the workflow ends. Results
 * above 6 MiB − 50 bytes are checkpointed as an EXECUTION SUCCEED (the service ignores its Id, which
 * is derived from the clock value passed in) and the response carries an empty Result.
 *
 * | workflow ended with            | output                          | updates                       |
 * |--------------------------------|---------------------------------|-------------------------------|
 * | value, JSON ≤ 6 291 406 bytes  | SUCCEEDED, Result = JSON        | —                             |
 * | undefined                      | SUCCEEDED, no Result            | —                             |
 * | value, JSON > 6 291 406 bytes  | SUCCEEDED, Result = ""          | EXECUTION SUCCEED Payload=JSON|
 * | error                          | FAILED, Error                   | —                             |
 */
import { wireId } from '../ids.js'
import type { ErrorObject, InvocationOutput, OperationUpdate } from '../types.js'
import { utf8Length } from './child-context.js'

export const RESPONSE_LIMIT_BYTES = 6_291_406

export interface Completion {
  readonly output: InvocationOutput
  readonly updates: readonly OperationUpdate[]
}

export function succeeded(resultJson: string | undefined, nowMs: number): Completion {
  if (resultJson === undefined) return { output: { Status: 'SUCCEEDED' }, updates: [] }
  const oversized = resultJson.length > RESPONSE_LIMIT_BYTES || (resultJson.length * 3 > RESPONSE_LIMIT_BYTES && utf8Length(resultJson) > RESPONSE_LIMIT_BYTES)
  if (!oversized) return { output: { Status: 'SUCCEEDED', Result: resultJson }, updates: [] }
  const update: OperationUpdate = {
    Id: wireId(`execution-result-${nowMs}`),
    Type: 'EXECUTION',
    Action: 'SUCCEED',
    Payload: resultJson,
  }
  return { output: { Status: 'SUCCEEDED', Result: '' }, updates: [update] }
}

export function failed(error: ErrorObject): Completion {
  return { output: { Status: 'FAILED', Error: error }, updates: [] }
}
