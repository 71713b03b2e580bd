/**
 * What the HTTP server writes back, in the restJson1 shapes @aws-sdk/client-lambda deserialises:
 * JSON bodies with timestamps as epoch seconds, and errors as a status code, an
 * `x-amzn-errortype` header and a `{ Type, message, Message }` body (the Lambda model names the
 * message member `message` on some exceptions and `Message` on others, so both are sent).
 * `HttpError` covers refusals the engine has no code for (unknown route, unparseable JSON).
 */
import { randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { EngineError } from '../errors.js'

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorType: string,
    message: string,
  ) {
    super(message)
    this.name = errorType
  }
}

export interface Reply {
  readonly status: number
  readonly headers?: Readonly<Record<string, string>>
  /** A JSON value (serialised with epoch-second dates), raw bytes, or nothing. */
  readonly json?: unknown
  readonly raw?: string | Uint8Array
}

/** JSON text with every Date written as epoch seconds, the restJson1 default for timestamps. */
export function toWireJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const original = this[key]
    return original instanceof Date ? original.getTime() / 1000 : v
  })
}

export const invalidParameter = (message: string): HttpError => new HttpError(400, 'InvalidParameterValueException', message)

/** The reply for any error thrown while serving a request. */
export function errorReply(error: unknown): Reply {
  let status = 500
  let type = 'ServiceException'
  let message = 'The embedded engine failed while serving this request; see its log.'
  if (error instanceof EngineError) [status, type, message] = [error.statusCode, error.name, error.message]
  else if (error instanceof HttpError) [status, type, message] = [error.statusCode, error.errorType, error.message]
  else console.error('durable-yield http: unexpected error', error)
  return {
    status,
    headers: { 'x-amzn-errortype': type },
    json: { Type: status >= 500 ? 'Service' : 'User', message, Message: message },
  }
}

export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string | number> = { ...reply.headers }
  let body: string | Uint8Array = ''
  if (reply.json !== undefined) {
    body = toWireJson(reply.json)
    headers['content-type'] = 'application/json'
  } else if (reply.raw !== undefined) {
    body = reply.raw
    headers['content-type'] ??= 'application/json'
  }
  headers['content-length'] = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength
  headers['x-amzn-requestid'] = randomUUID()
  res.writeHead(reply.status, headers)
  res.end(body)
}
