/**
 * CHAINED_INVOKE / SubType `ChainedInvoke` (PROTOCOL.md §5.5). The service starts the target at most
 * once; the workflow parks until the target execution finishes.
 *
 * | recorded                     | request     | decision            | updates                                   | confirm |
 * |------------------------------|-------------|---------------------|-------------------------------------------|---------|
 * | absent                       | InvokeBegin | Park(Invoke)        | START Payload?, FunctionName, TenantId?   | yes     |
 * | absent (recheck)             | InvokeBegin | Corrupt             | —                                         | —       |
 * | STARTED / PENDING / READY    | InvokeBegin | Park(Invoke)        | —                                         | —       |
 * | SUCCEEDED                    | InvokeBegin | Replay(Result)      | —                                         | —       |
 * | FAILED / TIMED_OUT / STOPPED / CANCELLED | InvokeBegin | Raise(InvokeError, cause Error(msg)) | —          | —       |
 */
import * as Errors from '../errors.js'
import type { RequestOf } from '../request.js'
import { decide, type Transition } from '../transition.js'
import type { ErrorObject, Operation } from '../types.js'
import { update } from './update.js'

export function begin(record: Operation | undefined, request: RequestOf<'InvokeBegin'>): Transition {
  switch (record?.Status) {
    case undefined: {
      if (request.recheck === true) {
        return decide({ _tag: 'Corrupt', operationId: request.id.raw, message: 'the service did not record the invoke' })
      }
      const options =
        request.tenantId === undefined
          ? { FunctionName: request.functionName }
          : { FunctionName: request.functionName, TenantId: request.tenantId }
      const start = update(request.id, 'CHAINED_INVOKE', 'ChainedInvoke', 'START', request.name, {
        Payload: request.payload,
        ChainedInvokeOptions: options,
      })
      return decide({ _tag: 'Park', reason: 'Invoke' }, [start], true)
    }
    case 'SUCCEEDED': {
      const payload = record.ChainedInvokeDetails?.Result
      return decide(payload === undefined ? { _tag: 'Replay' } : { _tag: 'Replay', payload })
    }
    case 'FAILED':
    case 'TIMED_OUT':
    case 'STOPPED':
    case 'CANCELLED':
      return decide({ _tag: 'Raise', error: invokeError(record.ChainedInvokeDetails?.Error) })
    default:
      return decide({ _tag: 'Park', reason: 'Invoke' })
  }
}

/** 2.4 keeps only a plain Error(ErrorMessage) as the cause: the recorded ErrorType is not its name. */
function invokeError(error: ErrorObject | undefined): Errors.DurableErrorData {
  const data: Errors.DurableErrorData = { errorType: 'InvokeError', message: error?.ErrorMessage || Errors.DEFAULT_MESSAGES.InvokeError }
  const withCause = error?.ErrorMessage ? { ...data, cause: { name: 'Error', message: error.ErrorMessage } } : data
  return error?.ErrorData === undefined ? withCause : { ...withCause, errorData: error.ErrorData }
}
