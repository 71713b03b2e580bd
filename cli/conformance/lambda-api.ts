/**
 * The part of a `ConformanceTarget` that speaks the Lambda durable-execution HTTP API through the real
 * `@aws-sdk/client-lambda`: history (GetDurableExecutionHistory, every page, with execution data),
 * the execution record (GetDurableExecution) and callback success/failure/heartbeat. Going through
 * the SDK client checks the engine's HTTP API the way the official runner (boto3) uses the service.
 * Responses are normalised to plain JSON (timestamps become ISO strings, `$metadata` is dropped), the
 * shape the requirement files are written against. The engine supplies invoke, logs and the clock.
 */
import {
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  SendDurableExecutionCallbackFailureCommand,
  SendDurableExecutionCallbackHeartbeatCommand,
  SendDurableExecutionCallbackSuccessCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda'
import type { ConformanceTarget } from './target.js'

export type LambdaApiOperations = Pick<ConformanceTarget, 'getHistory' | 'getExecution' | 'sendCallbackSuccess' | 'sendCallbackFailure' | 'sendCallbackHeartbeat'>

/** Dates become ISO strings and SDK-only fields vanish: plain JSON, as boto3's output would be dumped. */
function toPlainJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null)) as unknown
}

export function lambdaApiOperations(client: LambdaClient, pageSize = 1000): LambdaApiOperations {
  return {
    async getHistory(executionArn) {
      const events: unknown[] = []
      let marker: string | undefined
      do {
        const page = await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: executionArn, IncludeExecutionData: true, MaxItems: pageSize, Marker: marker }))
        for (const event of page.Events ?? []) events.push(toPlainJson(event))
        marker = page.NextMarker || undefined
      } while (marker !== undefined)
      return events
    },
    async getExecution(executionArn) {
      const execution = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: executionArn }))
      return { Status: execution.Status ?? 'UNKNOWN', Result: execution.Result }
    },
    async sendCallbackSuccess(callbackId, result) {
      await client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: result === undefined ? undefined : new TextEncoder().encode(result) }))
    },
    async sendCallbackFailure(callbackId, error) {
      const hasError = Object.keys(error).length > 0
      await client.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId: callbackId, Error: hasError ? { ...error, StackTrace: error.StackTrace ? [...error.StackTrace] : undefined } : undefined }))
    },
    async sendCallbackHeartbeat(callbackId) {
      await client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: callbackId }))
    },
  }
}
