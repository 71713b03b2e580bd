/**
 * The durable-execution routes of the Lambda REST API 2025-12-01 (paths as @aws-sdk/client-lambda
 * builds them): checkpoint, state, execution, history, stop, list by function and the three
 * callback calls. Each route decodes its path labels, query and body first, then makes exactly one
 * engine call, so a refused request has changed nothing. Outputs keep the engine's Date
 * timestamps; responses.ts writes them as epoch seconds.
 */
import type { Engine } from '../engine.js'
import * as Ids from '../ids.js'
import * as H from '../../wire/http-codecs.js'
import { listExecutions } from './list-executions.js'
import { decodeOrRefuse, parseJson } from './request.js'
import { invalidParameter, type Reply } from './responses.js'

export interface RouteInput {
  readonly engine: Engine
  /** Path labels, already percent-decoded. */
  readonly labels: Readonly<Record<string, string>>
  readonly query: Readonly<Record<string, string | string[]>>
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly body: Buffer
}

export interface Route {
  readonly method: 'GET' | 'POST'
  /** Path segments; `{Name}` is a label. */
  readonly path: readonly string[]
  readonly serve: (input: RouteInput) => Reply | Promise<Reply>
}

const ok = (json?: unknown): Reply => ({ status: 200, ...(json !== undefined ? { json } : {}) })

function arnLabel(input: RouteInput): string {
  const arn = input.labels['DurableExecutionArn'] ?? ''
  if (!Ids.isExecutionArn(arn)) throw invalidParameter(`DurableExecutionArn is not a durable execution ARN: ${JSON.stringify(arn.slice(0, 120))}.`)
  return arn
}

function callbackLabel(input: RouteInput): string {
  const id = input.labels['CallbackId'] ?? ''
  if (id.length < 1 || id.length > 1024) throw invalidParameter('CallbackId must be 1-1024 characters; use the CallbackId from CallbackStarted.')
  return id
}

const PAYLOAD_KEYS = new Set(['Payload', 'InputPayload', 'Result', 'Error'])

/** Drops execution data (payloads, results, errors) when a caller asks for IncludeExecutionData=false. */
function withoutData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutData)
  if (typeof value !== 'object' || value === null || value instanceof Date) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) if (!PAYLOAD_KEYS.has(k)) out[k] = withoutData(v)
  return out
}

async function checkpoint(input: RouteInput): Promise<Reply> {
  const DurableExecutionArn = arnLabel(input)
  const body = decodeOrRefuse(H.CheckpointBodyC, parseJson(input.body, 'CheckpointDurableExecution'), 'CheckpointDurableExecution body')
  return ok(await input.engine.checkpoint({ DurableExecutionArn, ...body }))
}

async function state(input: RouteInput): Promise<Reply> {
  const DurableExecutionArn = arnLabel(input)
  const q = decodeOrRefuse(H.StateQueryC, input.query, 'GetDurableExecutionState query')
  return ok(await input.engine.getExecutionState({ DurableExecutionArn, ...q }))
}

function execution(input: RouteInput): Reply {
  const DurableExecutionArn = arnLabel(input)
  const q = decodeOrRefuse(H.ExecutionQueryC, input.query, 'GetDurableExecution query')
  const view = input.engine.getExecution({ DurableExecutionArn })
  const included = q.IncludeExecutionData !== false
  return ok({ ...(included ? view : (withoutData(view) as object)), ExecutionDataIncluded: included })
}

function history(input: RouteInput): Reply {
  const DurableExecutionArn = arnLabel(input)
  const { IncludeExecutionData, ...q } = decodeOrRefuse(H.HistoryQueryC, input.query, 'GetDurableExecutionHistory query')
  const page = input.engine.getExecutionHistory({ DurableExecutionArn, ...q })
  return ok(IncludeExecutionData === false ? withoutData(page) : page)
}

function stop(input: RouteInput): Reply {
  const DurableExecutionArn = arnLabel(input)
  const error = decodeOrRefuse(H.ErrorBodyC, parseJson(input.body, 'StopDurableExecution'), 'StopDurableExecution body')
  return ok(input.engine.stopExecution({ DurableExecutionArn, ...(error ? { Error: error } : {}) }))
}

function list(input: RouteInput): Reply {
  const functionName = input.labels['FunctionName'] ?? ''
  const q = decodeOrRefuse(H.ListQueryC, input.query, 'ListDurableExecutionsByFunction query')
  return ok(listExecutions(input.engine, functionName, q))
}

function callbackSuccess(input: RouteInput): Reply {
  const CallbackId = callbackLabel(input)
  // The Result member is the raw HTTP payload (a blob): bytes in, stored as UTF-8 text.
  input.engine.sendCallbackSuccess({ CallbackId, ...(input.body.length ? { Result: new Uint8Array(input.body) } : {}) })
  return ok({})
}

function callbackFailure(input: RouteInput): Reply {
  const CallbackId = callbackLabel(input)
  const error = decodeOrRefuse(H.ErrorBodyC, parseJson(input.body, 'SendDurableExecutionCallbackFailure'), 'SendDurableExecutionCallbackFailure body')
  input.engine.sendCallbackFailure({ CallbackId, ...(error ? { Error: error } : {}) })
  return ok({})
}

function callbackHeartbeat(input: RouteInput): Reply {
  input.engine.sendCallbackHeartbeat({ CallbackId: callbackLabel(input) })
  return ok({})
}

const EXEC = ['2025-12-01', 'durable-executions', '{DurableExecutionArn}']
const CALLBACK = ['2025-12-01', 'durable-execution-callbacks', '{CallbackId}']

export const EXECUTION_ROUTES: readonly Route[] = [
  { method: 'POST', path: [...EXEC, 'checkpoint'], serve: checkpoint },
  { method: 'GET', path: [...EXEC, 'state'], serve: state },
  { method: 'GET', path: [...EXEC, 'history'], serve: history },
  { method: 'POST', path: [...EXEC, 'stop'], serve: stop },
  { method: 'GET', path: EXEC, serve: execution },
  { method: 'GET', path: ['2025-12-01', 'functions', '{FunctionName}', 'durable-executions'], serve: list },
  { method: 'POST', path: [...CALLBACK, 'succeed'], serve: callbackSuccess },
  { method: 'POST', path: [...CALLBACK, 'fail'], serve: callbackFailure },
  { method: 'POST', path: [...CALLBACK, 'heartbeat'], serve: callbackHeartbeat },
]
