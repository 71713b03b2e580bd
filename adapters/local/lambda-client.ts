/**
 * `engine.lambdaClient`: an object with LambdaClient's `send(command)` that answers the durable
 * execution commands of @aws-sdk/client-lambda from the engine in-process, for handlers configured
 * with `{ client }`. Commands are recognised by class name, so any copy of the AWS SDK works;
 * anything else is refused with a message naming the command.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ErrorObject } from '../../core/types.js'
import * as W from '../wire/codecs.js'
import type { Engine } from './engine.js'
import * as Err from './errors.js'

export interface LambdaClientLike {
  send(command: unknown): Promise<unknown>
}

function partsOf(command: unknown): { name: string; input: Record<string, unknown> } {
  if (typeof command !== 'object' || command === null) return { name: '', input: {} }
  const name = command.constructor?.name ?? ''
  const input = 'input' in command && typeof command.input === 'object' && command.input !== null ? command.input : {}
  return { name, input: input as Record<string, unknown> }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/** StopDurableExecution's optional Error, decoded once here like every other command input. */
function stopError(value: unknown): { Error?: ErrorObject } {
  if (value === undefined) return {}
  const r = W.decode(W.ErrorObjectC, value, 'StopDurableExecution Error')
  if (E.isLeft(r)) throw Err.invalidRequest(r.left.message)
  return { Error: r.right }
}

export function createLambdaClient(engine: () => Engine): LambdaClientLike {
  return {
    async send(command) {
      const { name, input } = partsOf(command)
      const e = engine()
      const arn = str(input.DurableExecutionArn)
      const callbackId = str(input.CallbackId)
      switch (name) {
        case 'CheckpointDurableExecutionCommand':
          return { $metadata: {}, ...(await e.checkpoint(input)) }
        case 'GetDurableExecutionStateCommand':
          return { $metadata: {}, ...(await e.getExecutionState(input)) }
        case 'GetDurableExecutionCommand':
          return { $metadata: {}, ...e.getExecution({ DurableExecutionArn: arn }) }
        case 'GetDurableExecutionHistoryCommand':
          return { $metadata: {}, ...e.getExecutionHistory({ ...input, DurableExecutionArn: arn }) }
        case 'ListDurableExecutionsByFunctionCommand':
          return { $metadata: {}, ...e.listExecutionsByFunction({ ...input, FunctionName: str(input.FunctionName) }) }
        case 'StopDurableExecutionCommand':
          return { $metadata: {}, ...e.stopExecution({ DurableExecutionArn: arn, ...stopError(input.Error) }) }
        case 'SendDurableExecutionCallbackSuccessCommand': {
          const result = input.Result
          e.sendCallbackSuccess({
            CallbackId: callbackId,
            ...(typeof result === 'string' || result instanceof Uint8Array ? { Result: result } : {}),
          })
          return { $metadata: {} }
        }
        case 'SendDurableExecutionCallbackFailureCommand':
          e.sendCallbackFailure({ CallbackId: callbackId, Error: input.Error })
          return { $metadata: {} }
        case 'SendDurableExecutionCallbackHeartbeatCommand':
          e.sendCallbackHeartbeat({ CallbackId: callbackId })
          return { $metadata: {} }
        default:
          throw Err.invalidRequest(`The embedded engine does not serve ${name || 'this command'}; use a real LambdaClient for it.`)
      }
    },
  }
}
