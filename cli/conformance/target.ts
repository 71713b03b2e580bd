/**
 * What the validator needs from an engine, and nothing more: start an execution of a mapped handler
 * (sync: resolve once it is terminal; async: resolve once it exists), read its history and its
 * execution record, send callback success/failure/heartbeat, and read what it wrote to stdout.
 * Time goes through `clock`: the requirements assume ~2 s polls and 1–4 s callback delays, and a
 * target on a virtual clock makes `sleep` advance that clock (firing due timers) instead of waiting,
 * so a full suite runs in a few seconds. The embedded engine provides the real implementation over
 * HTTP (history, execution and callbacks through `lambda-api.ts`); tests use an in-memory fake.
 */
import type { CallbackFailurePayload } from './requirement.js'
import type { ExecutionRecord } from './match-result.js'
import type { FunctionMapping } from './template.js'

export interface ConformanceClock {
  /** Milliseconds on the target's clock (virtual or real). */
  now(): number
  /** Lets `seconds` pass on the target's clock; resolves once the engine has caught up with them. */
  sleep(seconds: number): Promise<void>
}

export interface ExecutionStarted {
  readonly executionArn: string
}

export interface ConformanceTarget {
  readonly clock: ConformanceClock
  /** Invokes synchronously: resolves only when the execution is terminal. */
  invokeSync(fn: FunctionMapping, input: unknown): Promise<ExecutionStarted>
  /** Invokes asynchronously (InvocationType Event): resolves as soon as the execution exists. */
  invokeAsync(fn: FunctionMapping, input: unknown): Promise<ExecutionStarted>
  /** All events, oldest first, as plain JSON (GetDurableExecutionHistory `Events`, all pages). */
  getHistory(executionArn: string): Promise<readonly unknown[]>
  /** The execution record: `Status` and the `Result` JSON text (GetDurableExecution). */
  getExecution(executionArn: string): Promise<ExecutionRecord>
  sendCallbackSuccess(callbackId: string, result: string | undefined): Promise<void>
  sendCallbackFailure(callbackId: string, error: CallbackFailurePayload): Promise<void>
  sendCallbackHeartbeat(callbackId: string): Promise<void>
  /** Lines the execution's invocations wrote to stdout, in order (the validator keeps its JSON records). */
  readLogLines(executionArn: string): Promise<readonly string[]>
  /** Releases servers, stores and workers; called once after the last requirement. */
  close?(): Promise<void>
}

export interface TargetContext {
  readonly templatePath: string
  readonly requirementsDir: string
}

export type ConformanceTargetFactory = (context: TargetContext) => Promise<ConformanceTarget>
