/**
 * ListDurableExecutionsByFunction with every filter of the REST API, all applied by the engine's own
 * listing (whose markers name the last item handed out, so paging neither repeats nor skips). Function
 * names may arrive as a name, `name:qualifier` or a function ARN, as Lambda accepts them.
 */
import type { Engine } from '../engine.js'
import * as Err from '../errors.js'
import type { ExecutionView } from '../tooling-api.js'
import type { ListQuery } from '../../wire/http-codecs.js'

const FUNCTION_ARN = /^arn:[a-z-]+:lambda:[a-z0-9-]+:\d{12}:function:([A-Za-z0-9_-]+)(?::[A-Za-z0-9$_-]+)?$/
const FUNCTION_NAME = /^([A-Za-z0-9_-]{1,140})(?::[A-Za-z0-9$_-]+)?$/

/** The bare function name from any form Lambda accepts in a `{FunctionName}` label. */
export function functionNameOf(label: string): string {
  const m = FUNCTION_ARN.exec(label) ?? FUNCTION_NAME.exec(label)
  if (!m?.[1]) throw Err.invalidRequest(`FunctionName is not a function name or ARN: ${JSON.stringify(label.slice(0, 120))}.`)
  return m[1]
}

export type ExecutionSummary = Omit<ExecutionView, 'InputPayload' | 'Result' | 'Error'>

export function listExecutions(
  engine: Engine,
  label: string,
  q: ListQuery,
): { DurableExecutions: ExecutionSummary[]; NextMarker?: string } {
  const page = engine.listExecutionsByFunction({
    FunctionName: functionNameOf(label),
    ...(q.Statuses ? { Statuses: q.Statuses } : {}),
    ...(q.DurableExecutionName !== undefined ? { DurableExecutionName: q.DurableExecutionName } : {}),
    ...(q.StartedAfter !== undefined ? { StartedAfter: q.StartedAfter } : {}),
    ...(q.StartedBefore !== undefined ? { StartedBefore: q.StartedBefore } : {}),
    ...(q.ReverseOrder !== undefined ? { ReverseOrder: q.ReverseOrder } : {}),
    ...(q.MaxItems !== undefined ? { MaxItems: q.MaxItems } : {}),
    ...(q.Marker !== undefined ? { Marker: q.Marker } : {}),
  })
  // The list shows summaries: no input, result or error payloads, as the service's list does.
  const summaries = page.DurableExecutions.map(({ InputPayload: _i, Result: _r, Error: _e, ...summary }): ExecutionSummary => summary)
  return { DurableExecutions: summaries, ...(page.NextMarker ? { NextMarker: page.NextMarker } : {}) }
}
