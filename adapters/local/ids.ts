/**
 * Identifiers the engine mints: execution ids, ARNs (PROTOCOL.md §1.2), checkpoint tokens, request
 * ids and callback ids. Callback ids and tokens come from node:crypto (callback ids carry 192 random
 * bits, so they cannot be guessed); a callback id is bound to its execution by the store's callback
 * table, never by parsing the id, so one execution's id can never complete another's operation.
 */
import { randomFillSync, randomUUID } from 'node:crypto'
import { CALLBACK_ID_RANDOM_BYTES } from './limits.js'

export interface ArnParts {
  readonly partition: string
  readonly region: string
  readonly account: string
  readonly functionName: string
  readonly version: string
}

export const DEFAULT_ARN_PARTS: Omit<ArnParts, 'functionName'> = {
  partition: 'aws',
  region: 'us-east-1',
  account: '123456789012',
  version: '$LATEST',
}

export function functionArn(p: ArnParts): string {
  return `arn:${p.partition}:lambda:${p.region}:${p.account}:function:${p.functionName}:${p.version}`
}

export function executionArn(p: ArnParts, executionName: string, executionId: string): string {
  return `${functionArn(p)}/durable-execution/${executionName}/${executionId}`
}

const ARN_RE = /^arn:[a-z-]+:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+:(\$LATEST|\d+)\/durable-execution\/[^/]+\/[^/]+$/
export const isExecutionArn = (s: string): boolean => ARN_RE.test(s)

export const newExecutionId = (): string => randomUUID()
export const newRequestId = (): string => randomUUID()
// Random bytes are drawn from the CSPRNG a few KB at a time (one call per ~200 tokens instead of one
// per token, which showed up in checkpoint profiles); each byte is handed out once.
const pool = Buffer.alloc(4096)
let used = pool.length

function randomText(bytes: number): string {
  if (used + bytes > pool.length) {
    randomFillSync(pool)
    used = 0
  }
  used += bytes
  return pool.toString('base64url', used - bytes, used)
}

export const newToken = (): string => randomText(18)
export const newCallbackId = (): string => randomText(CALLBACK_ID_RANDOM_BYTES)
