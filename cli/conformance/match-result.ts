/**
 * Rules R: compares the execution record (never the history) with `ExpectedResult`. The status is
 * compared first; a non-SUCCEEDED execution stops there, because error payloads differ between SDKs
 * and are never compared. `Result` is compared only when the key is present in the requirement
 * (an empty `Result:` means null): the actual Result string is JSON-decoded (falling back to the raw
 * string; absent means null) and must deep-equal S(expected). The comparison is literal: `'*'`,
 * `{}` and `${/re/}` have no special meaning here.
 */
import { deepEqual, showValue } from './json-values.js'
import { substituteValue, type Bindings } from './substitute.js'

export interface ExecutionRecord {
  readonly Status: string
  /** The JSON text the execution returned, as GetDurableExecution reports it. */
  readonly Result?: string | undefined
}

export interface ExpectedResult {
  readonly ExecutionStatus?: string | undefined
  /** Present only when the requirement has a `Result` key. */
  readonly result?: { readonly value: unknown } | undefined
}

export function decodeResultText(text: string | undefined): unknown {
  if (text === undefined) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

export function matchResult(expected: ExpectedResult, execution: ExecutionRecord, bindings: Bindings): readonly string[] {
  if (expected.ExecutionStatus !== undefined && expected.ExecutionStatus !== execution.Status) {
    return [`ExpectedResult.ExecutionStatus: expected ${expected.ExecutionStatus}, got ${execution.Status}`]
  }
  if (execution.Status !== 'SUCCEEDED' || expected.result === undefined) return []
  const expectedValue = substituteValue(expected.result.value, bindings)
  const actualValue = decodeResultText(execution.Result)
  if (deepEqual(expectedValue, actualValue)) return []
  return [`ExpectedResult.Result: expected ${showValue(expectedValue)}, got ${showValue(actualValue)} (raw Result ${showValue(execution.Result)})`]
}
