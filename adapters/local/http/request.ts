/**
 * Reading an HTTP request into decoded values: the raw body (bounded, so a huge upload cannot
 * exhaust memory), a JSON body decoded with an io-ts codec, and the query string decoded the same
 * way. Every failure is an `InvalidParameterValueException` (or the content error Lambda uses for
 * unparseable JSON) naming what was wrong, thrown before the engine is touched.
 */
import type { IncomingMessage } from 'node:http'
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import * as W from '../../wire/codecs.js'
import { HttpError, invalidParameter } from './responses.js'

/** Above the 6 MB synchronous payload limit with room for JSON framing of a checkpoint batch. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024

/** Query keys the Lambda model declares as lists: always decoded as arrays, even with one value. */
const LIST_KEYS = new Set(['Statuses'])

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () =>
      size > MAX_BODY_BYTES
        ? reject(new HttpError(413, 'RequestTooLargeException', `Request body is ${size} bytes, above the ${MAX_BODY_BYTES}-byte limit.`))
        : resolve(Buffer.concat(chunks)),
    )
    req.on('error', reject)
  })
}

/** Parses a JSON body; an empty body is `undefined` (the SDK sends none for an absent payload). */
export function parseJson(body: Buffer, what: string): unknown {
  if (body.length === 0) return undefined
  try {
    return JSON.parse(body.toString('utf8')) as unknown
  } catch (e) {
    throw new HttpError(400, 'InvalidRequestContentException', `${what}: could not parse the body as JSON (${(e as Error).message}).`)
  }
}

export function decodeOrRefuse<A, O>(codec: t.Type<A, O, unknown>, value: unknown, what: string): A {
  const r = W.decode(codec, value, what)
  if (E.isLeft(r)) throw invalidParameter(r.left.message)
  return r.right
}

/** The query string as an object: one string per key, or a list for repeated and list-typed keys. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key)
    out[key] = LIST_KEYS.has(key) || values.length > 1 ? values : (values[0] as string)
  }
  return out
}
