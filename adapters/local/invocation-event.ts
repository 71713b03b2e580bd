/**
 * What a handler receives when the engine invokes it in-process, exactly as the official testing
 * library builds it: an event object of class `DurableExecutionInvocationInputWithClient` (the 2.4
 * SDK recognises it by class name and toStringTag) carrying the invocation input with ISO timestamps
 * and a `durableExecutionClient` whose checkpoint/getExecutionState take AWS SDK command inputs and
 * answer command outputs; and a Lambda context with a constant remaining time.
 */
import { REMAINING_TIME_MS } from './limits.js'

export interface DurableExecutionClient {
  checkpoint(params: unknown): Promise<unknown>
  getExecutionState(params: unknown): Promise<unknown>
}

export interface InvocationInput {
  readonly DurableExecutionArn: string
  readonly CheckpointToken: string
  readonly InitialExecutionState: { readonly Operations: readonly unknown[]; readonly NextMarker: string }
  readonly UpdatedOperationIds?: readonly string[]
}

// The class name is part of the contract: the official SDK checks `constructor.name`.
export class DurableExecutionInvocationInputWithClient implements InvocationInput {
  readonly DurableExecutionArn: string
  readonly CheckpointToken: string
  readonly InitialExecutionState: InvocationInput['InitialExecutionState']
  readonly UpdatedOperationIds?: readonly string[]
  readonly durableExecutionClient: DurableExecutionClient

  constructor(input: InvocationInput, client: DurableExecutionClient) {
    this.DurableExecutionArn = input.DurableExecutionArn
    this.CheckpointToken = input.CheckpointToken
    this.InitialExecutionState = input.InitialExecutionState
    if (input.UpdatedOperationIds) this.UpdatedOperationIds = input.UpdatedOperationIds
    this.durableExecutionClient = client
  }

  get [Symbol.toStringTag](): string {
    return 'DurableExecutionInvocationInputWithClient'
  }
}

export interface LambdaContext {
  readonly functionName: string
  readonly functionVersion: string
  readonly invokedFunctionArn: string
  readonly memoryLimitInMB: string
  readonly awsRequestId: string
  readonly logGroupName: string
  readonly logStreamName: string
  readonly callbackWaitsForEmptyEventLoop: boolean
  getRemainingTimeInMillis(): number
  done(): never
  fail(): never
  succeed(): never
}

const notImplemented = (): never => {
  throw new Error('Not available in the embedded engine: return a value or throw from the handler instead.')
}

export function lambdaContext(functionName: string, functionArn: string, requestId: string): LambdaContext {
  return {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: functionArn,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'durable-yield-local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => REMAINING_TIME_MS,
    done: notImplemented,
    fail: notImplemented,
    succeed: notImplemented,
  }
}

/** A Lambda handler as the engine calls it. */
export type Handler = (event: unknown, context: LambdaContext) => Promise<unknown> | unknown

/** Resolves function names to handlers (the chained-invoke registry). */
export interface Invoker {
  has(functionName: string): boolean
  invoke(functionName: string, event: unknown, context: LambdaContext): Promise<unknown>
}

export function createRegistryInvoker(handlers: Readonly<Record<string, Handler>>): Invoker & {
  register(functionName: string, handler: Handler): void
} {
  const table = new Map(Object.entries(handlers))
  return {
    has: (name) => table.has(name),
    register: (name, handler) => void table.set(name, handler),
    async invoke(name, event, context) {
      const handler = table.get(name)
      if (!handler) throw new Error(`No handler registered for function ${name}`)
      return await handler(event, context)
    },
  }
}
