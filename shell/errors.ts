/**
 * The error classes users catch, named and shaped as in the official SDK (PROTOCOL.md §9.4), and the
 * two conversions at the boundary: any thrown value → wire ErrorObject (§9.2), and the core's
 * DurableErrorData → a class instance (§9.3). SDK failures that end an invocation carry a stable
 * code from core/errors and say what to do.
 */
import * as CoreErrors from '../core/errors.js'
import type { ErrorObject } from '../core/types.js'

export class DurableOperationError extends Error {
  readonly errorType: string = 'DurableOperationError'
  errorData: string | undefined
  constructor(message: string, cause?: Error, errorData?: string) {
    super(message, cause === undefined ? undefined : { cause })
    this.name = new.target.name
    this.errorData = errorData
  }
  toErrorObject(): ErrorObject {
    let errorData = this.errorData
    let node: unknown = this.cause
    for (let i = 0; errorData === undefined && i < 10 && node instanceof Error; i++) {
      if (node instanceof DurableOperationError && typeof node.errorData === 'string') errorData = node.errorData
      node = node.cause
    }
    const out: { ErrorType: string; ErrorMessage: string; ErrorData?: string } = { ErrorType: this.errorType, ErrorMessage: this.message }
    if (errorData !== undefined) out.ErrorData = errorData
    return out
  }
}

export class StepError extends DurableOperationError { override readonly errorType = 'StepError' }
export class CallbackError extends DurableOperationError { override readonly errorType: string = 'CallbackError' }
export class CallbackExternalError extends CallbackError { override readonly errorType = 'CallbackExternalError' }
export class CallbackTimeoutError extends CallbackError { override readonly errorType = 'CallbackTimeoutError' }
export class CallbackSubmitterError extends CallbackError { override readonly errorType = 'CallbackSubmitterError' }
export class InvokeError extends DurableOperationError { override readonly errorType = 'InvokeError' }
export class ChildContextError extends DurableOperationError { override readonly errorType = 'ChildContextError' }
export class WaitForConditionError extends DurableOperationError { override readonly errorType = 'WaitForConditionError' }
export class PromiseCombinatorError extends DurableOperationError { override readonly errorType = 'PromiseCombinatorError' }
export class BatchCompletionError extends DurableOperationError {
  override readonly errorType = 'BatchCompletionError'
  constructor(readonly completionReason: string) {
    super(`Batch completed as failed by shouldComplete (${completionReason})`)
  }
}

const CLASSES: Readonly<Record<CoreErrors.DurableErrorType, new (m: string, c?: Error, d?: string) => DurableOperationError>> = {
  StepError,
  CallbackError,
  CallbackExternalError,
  CallbackTimeoutError,
  CallbackSubmitterError,
  InvokeError,
  ChildContextError,
  WaitForConditionError,
  PromiseCombinatorError,
}

/** Builds the class instance a core decision describes, causes included. */
export function fromData(data: CoreErrors.DurableErrorData | CoreErrors.CauseData): Error {
  if (!CoreErrors.isDurableErrorData(data)) {
    const cause = new Error(data.message)
    cause.name = data.name
    if (data.stack !== undefined) cause.stack = data.stack
    return cause
  }
  const cause = data.cause === undefined ? undefined : fromData(data.cause)
  return new CLASSES[data.errorType](data.message, cause, data.errorData)
}

function isErrorLike(value: unknown): value is { name: string; message: string } {
  return typeof value === 'object' && value !== null && 'name' in value && 'message' in value
}

/** PROTOCOL.md §9.2: what the wire records for a thrown value. */
export function toErrorObject(error: unknown): ErrorObject {
  if (error instanceof DurableOperationError) return error.toErrorObject()
  if (isErrorLike(error)) return { ErrorType: String(error.name), ErrorMessage: String(error.message) }
  return { ErrorMessage: 'Unknown error' }
}

/** A failure of the SDK itself (not of user code): it ends the invocation as its code says. */
export class DurableSdkError extends Error {
  readonly code: CoreErrors.ErrorCode
  readonly failure: CoreErrors.FailureClass
  readonly operationId: string | undefined
  constructor(code: CoreErrors.ErrorCode, message: string, operationId?: string, options?: { cause?: unknown }) {
    super(message, options)
    const entry = CoreErrors.ERROR_CODES[code]
    this.name = entry.errorType
    this.code = code
    this.failure = entry.failure
    this.operationId = operationId
  }
  /** The message plus what to do, for logs and the FAILED response. */
  describe(): string {
    return `${this.message} ${CoreErrors.ERROR_CODES[this.code].hint}`
  }
}
