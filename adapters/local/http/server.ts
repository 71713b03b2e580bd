/**
 * `startHttpServer(engine, { port?, host? })`: the embedded engine behind the Lambda REST API
 * (node:http, no framework), so an unmodified @aws-sdk/client-lambda — and through it the official
 * SDK — works with `AWS_ENDPOINT_URL_LAMBDA`. Bound to 127.0.0.1 unless told otherwise: the API is
 * unauthenticated (signatures are accepted, never checked). Routing matches path segments after
 * percent-decoding each one, because the SDK encodes the ARN's `/` and `:` inside one label.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Engine } from '../engine.js'
import { EXECUTION_ROUTES, type Route } from './execution-routes.js'
import { INVOKE_ROUTE } from './invoke-route.js'
import { queryObject, readBody } from './request.js'
import { errorReply, HttpError, send } from './responses.js'

export interface HttpServerOptions {
  /** 0 or absent: any free port. */
  readonly port?: number
  readonly host?: string
  /** Function names for ListFunctions (the engine's registry cannot be enumerated). */
  readonly functions?: readonly string[]
}

export interface HttpServer {
  readonly url: string
  readonly port: number
  close(): Promise<void>
}

export const DEFAULT_HOST = '127.0.0.1'

function listFunctionsRoute(names: readonly string[]): Route {
  const Functions = names.map((FunctionName) => ({ FunctionName, FunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${FunctionName}` }))
  return { method: 'GET', path: ['2015-03-31', 'functions'], serve: () => ({ status: 200, json: { Functions } }) }
}

function match(route: Route, method: string, segments: readonly string[]): Record<string, string> | undefined {
  if (route.method !== method || route.path.length !== segments.length) return undefined
  const labels: Record<string, string> = {}
  for (let i = 0; i < segments.length; i++) {
    const want = route.path[i] as string
    const got = segments[i] as string
    if (want.startsWith('{')) labels[want.slice(1, -1)] = got
    else if (want !== got) return undefined
  }
  return labels
}

function decodeSegments(pathname: string): string[] {
  try {
    return pathname.split('/').filter((s) => s !== '').map(decodeURIComponent)
  } catch {
    throw new HttpError(400, 'InvalidParameterValueException', `Malformed percent-encoding in path ${pathname.slice(0, 200)}.`)
  }
}

async function serve(engine: Engine, routes: readonly Route[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const segments = decodeSegments(url.pathname)
    const method = req.method ?? 'GET'
    for (const route of routes) {
      const labels = match(route, method, segments)
      if (!labels) continue
      const body = await readBody(req)
      send(res, await route.serve({ engine, labels, query: queryObject(url.searchParams), headers: req.headers, body }))
      return
    }
    req.resume()
    throw new HttpError(404, 'UnknownOperationException', `No Lambda API operation for ${method} ${url.pathname.slice(0, 200)}.`)
  } catch (error) {
    if (!res.headersSent) send(res, errorReply(error))
    else res.destroy()
  }
}

export function startHttpServer(engine: Engine, options: HttpServerOptions = {}): Promise<HttpServer> {
  const host = options.host ?? DEFAULT_HOST
  const routes = [...EXECUTION_ROUTES, INVOKE_ROUTE, listFunctionsRoute(options.functions ?? [])]
  const server = createServer((req, res) => void serve(engine, routes, req, res))
  // RequestResponse invokes hold the request until the execution ends, which may take long.
  server.requestTimeout = 0
  server.keepAliveTimeout = 60_000
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      const address: AddressInfo | string | null = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      const shownHost = host.includes(':') ? `[${host}]` : host
      resolve({
        url: `http://${shownHost}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}
