/**
 * `durable-yield callback succeed|fail|heartbeat <callbackId> [payload]`: completes, fails or
 * heartbeats a callback on a running `serve` through the real LambdaClient. A success payload is
 * sent as the raw bytes given (text, or `@file`); a failure payload is an ErrorObject as JSON
 * (decoded with io-ts, so a wrong field is refused before anything is sent) or plain text, which
 * becomes the ErrorMessage. Exit codes: 0 done, 1 refused/unreachable, 2 usage errors.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  type LambdaClient,
  SendDurableExecutionCallbackFailureCommand,
  SendDurableExecutionCallbackHeartbeatCommand,
  SendDurableExecutionCallbackSuccessCommand,
} from '@aws-sdk/client-lambda'
import * as E from 'fp-ts/lib/Either.js'
import type { ErrorObject } from '../core/types.js'
import * as W from '../adapters/wire/codecs.js'
import type { Parsed } from './args.js'
import { createClient, describeFailure, endpointOf } from './endpoint.js'
import { parseFlags } from './flags.js'
import type { CommandIo } from './main.js'

export const CALLBACK_USAGE = 'Usage: durable-yield callback succeed|fail|heartbeat <callbackId> [payload|@file] [--endpoint url]'

type CallbackAction =
  | { readonly kind: 'succeed'; readonly result?: string }
  | { readonly kind: 'fail'; readonly error?: ErrorObject }
  | { readonly kind: 'heartbeat' }

interface CallbackArgs {
  readonly callbackId: string
  readonly action: CallbackAction
  readonly endpoint?: string
}

function readPayload(raw: string, cwd: string): Parsed<string> {
  if (!raw.startsWith('@')) return { ok: true, value: raw }
  try {
    return { ok: true, value: readFileSync(resolve(cwd, raw.slice(1)), 'utf8') }
  } catch {
    return { ok: false, error: `cannot read payload file ${raw.slice(1)}` }
  }
}

/** A JSON object is an ErrorObject (checked); anything else is the error message. */
export function parseFailure(text: string): Parsed<ErrorObject> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: true, value: { ErrorMessage: text } }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: true, value: { ErrorMessage: text } }
  const decoded = W.decode(W.ErrorObjectC, value, 'failure payload')
  return E.isRight(decoded) ? { ok: true, value: decoded.right } : { ok: false, error: decoded.left.message }
}

function actionOf(verb: string, payload: string | undefined): Parsed<CallbackAction> {
  if (verb === 'heartbeat') {
    return payload === undefined ? { ok: true, value: { kind: 'heartbeat' } } : { ok: false, error: 'heartbeat takes no payload' }
  }
  if (verb === 'succeed') return { ok: true, value: { kind: 'succeed', ...(payload !== undefined ? { result: payload } : {}) } }
  if (verb !== 'fail') return { ok: false, error: `unknown action ${verb} (succeed, fail or heartbeat)` }
  if (payload === undefined) return { ok: true, value: { kind: 'fail' } }
  const error = parseFailure(payload)
  return error.ok ? { ok: true, value: { kind: 'fail', error: error.value } } : error
}

export function parseCallbackArgs(argv: readonly string[], cwd: string): Parsed<CallbackArgs> {
  const parsed = parseFlags(argv, { values: ['--endpoint'] })
  if (!parsed.ok) return parsed
  const [verb, callbackId, rawPayload, extra] = parsed.value.positional
  if (verb === undefined || callbackId === undefined) return { ok: false, error: 'callback needs an action and a callback id' }
  if (extra !== undefined) return { ok: false, error: `unexpected argument ${extra}` }
  const payload = rawPayload === undefined ? undefined : readPayload(rawPayload, cwd)
  if (payload && !payload.ok) return payload
  const action = actionOf(verb, payload?.value)
  if (!action.ok) return action
  const endpoint = parsed.value.values.get('--endpoint')
  return { ok: true, value: { callbackId, action: action.value, ...(endpoint !== undefined ? { endpoint } : {}) } }
}

/** The AWS SDK's ErrorObject takes a mutable StackTrace array. */
const sdkError = ({ StackTrace, ...rest }: ErrorObject) => ({ ...rest, ...(StackTrace ? { StackTrace: [...StackTrace] } : {}) })

async function send(client: LambdaClient, CallbackId: string, action: CallbackAction): Promise<void> {
  switch (action.kind) {
    case 'succeed': {
      const Result = action.result !== undefined ? new TextEncoder().encode(action.result) : undefined
      await client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId, ...(Result ? { Result } : {}) }))
      return
    }
    case 'fail':
      await client.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId, ...(action.error ? { Error: sdkError(action.error) } : {}) }))
      return
    case 'heartbeat':
      await client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId }))
  }
}

export async function callbackCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const parsed = parseCallbackArgs(argv, io.cwd)
  if (!parsed.ok) {
    io.stderr(`durable-yield callback: ${parsed.error} (${CALLBACK_USAGE.replace('Usage: ', '')})\n`)
    return 2
  }
  const { callbackId, action } = parsed.value
  const endpoint = endpointOf(parsed.value.endpoint, process.env)
  const client = createClient(endpoint, process.env)
  try {
    await send(client, callbackId, action)
    io.stdout(`callback ${callbackId}: ${action.kind === 'succeed' ? 'succeeded' : action.kind === 'fail' ? 'failed' : 'heartbeat sent'}\n`)
    return 0
  } catch (e) {
    io.stderr(`durable-yield callback: ${describeFailure(e, endpoint)}\n`)
    return 1
  } finally {
    client.destroy()
  }
}
