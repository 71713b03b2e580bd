/**
 * The one narrow interface the shell talks to the service through, and its three sources: an
 * `event.durableExecutionClient` injected by a test runner (as the official testing library does), any
 * object with LambdaClient's `send(command)`, or a LambdaClient built from the environment. Every
 * response is decoded once with the wire codecs; a response that does not decode is an invocation
 * error (the service is retried), never a cast.
 */
import {
  CheckpointDurableExecutionCommand,
  GetDurableExecutionStateCommand,
  LambdaClient,
  type OperationUpdate as SdkOperationUpdate,
} from '@aws-sdk/client-lambda'
import * as E from 'fp-ts/lib/Either.js'
import type { Operation, OperationUpdate } from '../../core/types.js'
import { DurableSdkError } from '../../shell/errors.js'
import { CheckpointResponseC, StateResponseC, decode } from '../wire/codecs.js'

export interface CheckpointResult {
  readonly token: string | undefined
  readonly operations: readonly Operation[]
  readonly nextMarker: string | undefined
}

export interface StatePage {
  readonly operations: readonly Operation[]
  readonly nextMarker: string | undefined
}

export interface DurableClient {
  checkpoint(arn: string, token: string, updates: readonly OperationUpdate[], clientToken: string): Promise<CheckpointResult>
  getState(arn: string, token: string, marker: string, maxItems: number): Promise<StatePage>
}

/** What the official testing library injects into the event. */
export interface InjectedClient {
  checkpoint(params: Record<string, unknown>): Promise<unknown>
  getExecutionState(params: Record<string, unknown>): Promise<unknown>
}

export interface CommandSender {
  send(command: unknown): Promise<unknown>
}

function decodeOrThrow<A>(result: E.Either<{ message: string }, A>): A {
  if (E.isRight(result)) return result.right
  throw new DurableSdkError('INVALID_SERVICE_RESPONSE', result.left.message)
}

function checkpointResult(response: unknown): CheckpointResult {
  const decoded = decodeOrThrow(decode(CheckpointResponseC, response, 'CheckpointDurableExecution response'))
  return {
    token: decoded.CheckpointToken,
    operations: decoded.NewExecutionState?.Operations ?? [],
    nextMarker: decoded.NewExecutionState?.NextMarker || undefined,
  }
}

function statePage(response: unknown): StatePage {
  const decoded = decodeOrThrow(decode(StateResponseC, response, 'GetDurableExecutionState response'))
  return { operations: decoded.Operations ?? [], nextMarker: decoded.NextMarker || undefined }
}

/** The AWS SDK's update type differs from core's only in readonly-ness of StackTrace. */
function toSdkUpdate(update: OperationUpdate): SdkOperationUpdate {
  const { Error: error, ...rest } = update
  if (error === undefined) return rest
  const { StackTrace: stack, ...fields } = error
  return { ...rest, Error: stack === undefined ? fields : { ...fields, StackTrace: [...stack] } }
}

function checkpointParams(arn: string, token: string, updates: readonly OperationUpdate[], clientToken: string) {
  return { DurableExecutionArn: arn, CheckpointToken: token, Updates: updates.map(toSdkUpdate), ClientToken: clientToken }
}

export function fromInjected(client: InjectedClient): DurableClient {
  return {
    checkpoint: async (arn, token, updates, clientToken) =>
      checkpointResult(await client.checkpoint(checkpointParams(arn, token, updates, clientToken))),
    getState: async (arn, token, marker, maxItems) =>
      statePage(await client.getExecutionState({ DurableExecutionArn: arn, CheckpointToken: token, Marker: marker, MaxItems: maxItems })),
  }
}

export function fromSender(sender: CommandSender): DurableClient {
  return {
    checkpoint: async (arn, token, updates, clientToken) =>
      checkpointResult(await sender.send(new CheckpointDurableExecutionCommand(checkpointParams(arn, token, updates, clientToken)))),
    getState: async (arn, token, marker, maxItems) =>
      statePage(
        await sender.send(
          new GetDurableExecutionStateCommand({ DurableExecutionArn: arn, CheckpointToken: token, Marker: marker, MaxItems: maxItems }),
        ),
      ),
  }
}

let environmentClient: LambdaClient | undefined

/** A LambdaClient from the environment, made once per process with the official SDK's timeouts. */
export function fromEnvironment(): DurableClient {
  environmentClient ??= new LambdaClient({
    customUserAgent: [['durable-yield', '0.1.0']],
    requestHandler: { connectionTimeout: 5_000, socketTimeout: 50_000, requestTimeout: 55_000 },
  })
  return fromSender(environmentClient)
}
