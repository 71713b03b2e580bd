/**
 * Shared set-up for the HTTP server tests: an engine on a memory store with a few handlers written
 * with our API, its HTTP server, and a real LambdaClient pointed at it with dummy credentials.
 */
import { LambdaClient } from '@aws-sdk/client-lambda'
import * as Local from '../../../../adapters/local/index.js'
import { durable, step, waitForCallback } from '../../../../shell/index.js'

export interface Harness {
  readonly engine: Local.Engine
  readonly server: Local.HttpServer
  readonly client: LambdaClient
  /** Callback ids handed to the `approval` handler's submitter, in order. */
  readonly callbackIds: string[]
  close(): Promise<void>
}

export function lambdaClientFor(url: string): LambdaClient {
  return new LambdaClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  })
}

export async function startHarness(extra: Readonly<Record<string, Local.Handler>> = {}): Promise<Harness> {
  const callbackIds: string[] = []
  const handlers: Record<string, Local.Handler> = {
    add: durable(function* (input: { n: number }) {
      const a = yield* step('one', async () => input.n + 1)
      return { n: yield* step('two', async () => a + 1) }
    }) as Local.Handler,
    approval: durable(function* () {
      const answer = yield* waitForCallback('approve', async (id: string) => void callbackIds.push(id), { heartbeatTimeout: { hours: 1 } })
      return { answer }
    }) as Local.Handler,
    broken: durable(function* () {
      yield* step('boom', async () => {
        throw new Error('kaput')
      }, { retryStrategy: () => ({ shouldRetry: false }) })
      return 1
    }) as Local.Handler,
    ...extra,
  }
  const engine = Local.createEngine({
    store: Local.createMemoryStore(),
    clock: Local.createRealClock(),
    invoker: Local.createRegistryInvoker(handlers),
  })
  const server = await Local.startHttpServer(engine)
  const client = lambdaClientFor(server.url)
  return {
    engine,
    server,
    client,
    callbackIds,
    async close() {
      client.destroy()
      await server.close()
      engine.close()
    },
  }
}

/** Resolves when `check` holds, polling each turn (up to 5 s). */
export async function until(check: () => boolean): Promise<void> {
  const end = Date.now() + 5000
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached within 5 s')
    await new Promise((r) => setTimeout(r, 2))
  }
}

/** The error a rejected promise carries (fails the test if it resolves). */
export async function failure(p: Promise<unknown>): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number } }> {
  try {
    await p
  } catch (e) {
    return e as { name: string; message: string; $metadata: { httpStatusCode?: number } }
  }
  throw new Error('expected the call to fail')
}
