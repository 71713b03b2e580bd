/**
 * ListDurableExecutionsByFunction with every filter of the REST API. The engine's own listing knows
 * function name, statuses and order; the name and start-time filters are applied here over the
 * whole ordered list before paging, so markers stay consistent with the filtered result. Function
 * names may arrive as a name, `name:qualifier` or a function ARN, as Lambda accepts them.
 */
import type { Engine } from '../engine.js'
import * as Err from '../errors.js'
import { MAX_PAGE_SIZE } from '../limits.js'
import * as View from '../state-view.js'
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

function allExecutions(engine: Engine, functionName: string, q: ListQuery): ExecutionView[] {
  const out: ExecutionView[] = []
  let marker: string | undefined
  do {
    const page = engine.listExecutionsByFunction({
      FunctionName: functionName,
      MaxItems: MAX_PAGE_SIZE,
      ...(q.Statuses ? { Statuses: q.Statuses } : {}),
      ...(q.ReverseOrder !== undefined ? { ReverseOrder: q.ReverseOrder } : {}),
      ...(marker !== undefined ? { Marker: marker } : {}),
    })
    out.push(...page.DurableExecutions)
    marker = page.NextMarker
  } while (marker !== undefined)
  return out
}

export type ExecutionSummary = Omit<ExecutionView, 'InputPayload' | 'Result' | 'Error'>

export function listExecutions(
  engine: Engine,
  label: string,
  q: ListQuery,
): { DurableExecutions: ExecutionSummary[]; NextMarker?: string } {
  const functionName = functionNameOf(label)
  const chosen = allExecutions(engine, functionName, q).filter(
    (e) =>
      (q.DurableExecutionName === undefined || e.DurableExecutionName === q.DurableExecutionName) &&
      (q.StartedAfter === undefined || e.StartTimestamp.getTime() >= q.StartedAfter) &&
      (q.StartedBefore === undefined || e.StartTimestamp.getTime() <= q.StartedBefore),
  )
  const page = View.page(chosen, q.Marker, q.MaxItems)
  if (page instanceof Err.EngineError) throw page
  // The list shows summaries: no input, result or error payloads, as the service's list does.
  const summaries = page.items.map(({ InputPayload: _i, Result: _r, Error: _e, ...summary }): ExecutionSummary => summary)
  return { DurableExecutions: summaries, ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}) }
}
