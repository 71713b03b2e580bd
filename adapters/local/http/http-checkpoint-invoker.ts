/**
 * `withHttpCheckpoints(invoker)`: an invoker whose handlers reach the engine over HTTP, as on AWS.
 * The engine normally hands a handler an event carrying an in-process `durableExecutionClient`;
 * this wrapper hands it the plain JSON invocation event instead (what Lambda delivers), so the
 * official SDK — and `durable()` without `options.client` — build their own LambdaClient from the
 * environment and checkpoint through `AWS_ENDPOINT_URL_LAMBDA` (point it at `startHttpServer`).
 */
import {
  DurableExecutionInvocationInputWithClient,
  type Invoker,
} from '../invocation-event.js'

/** The event as it crosses the wire: JSON only, timestamps as ISO strings, no client. */
export function plainEvent(event: unknown): unknown {
  if (!(event instanceof DurableExecutionInvocationInputWithClient)) return event
  const { DurableExecutionArn, CheckpointToken, InitialExecutionState, UpdatedOperationIds } = event
  return JSON.parse(
    JSON.stringify({ DurableExecutionArn, CheckpointToken, InitialExecutionState, ...(UpdatedOperationIds ? { UpdatedOperationIds } : {}) }),
  ) as unknown
}

export function withHttpCheckpoints(invoker: Invoker): Invoker {
  return {
    has: (name) => invoker.has(name),
    invoke: (name, event, context) => invoker.invoke(name, plainEvent(event), context),
  }
}
