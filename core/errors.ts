/**
 * The one table of error codes. Each code names a failure class (what the invocation answers) and
 * says what the user should do; the shell turns these into typed Error classes and the wire's
 * ErrorObject. Durable operation errors (StepError, CallbackTimeoutError, …) are described as plain
 * data here so that decisions stay comparable; `fromErrorObject` is the pure half of PROTOCOL.md §9.3.
 */
import type { ErrorObject } from './types.js'

export type FailureClass = 'execution' | 'invocation'

export const ERROR_CODES = {
  NON_DETERMINISM: {
    errorType: 'NonDeterministicExecutionError',
    failure: 'execution',
    hint: 'Keep the order, types and names of durable operations stable between deployments, or start a new execution.',
  },
  CORRUPT_HISTORY: {
    errorType: 'CorruptHistoryError',
    failure: 'execution',
    hint: 'The recorded state is missing data this operation needs; inspect the execution history.',
  },
  CONFIG_VALIDATION: {
    errorType: 'ConfigValidationError',
    failure: 'execution',
    hint: 'Fix the operation options named in the message.',
  },
  INVALID_EVENT: {
    errorType: 'InvalidInvocationEventError',
    failure: 'invocation',
    hint: 'Configure the function for durable execution so Lambda sends a durable invocation event.',
  },
  INVALID_SERVICE_RESPONSE: {
    errorType: 'InvalidServiceResponseError',
    failure: 'invocation',
    hint: 'The service answered with data that does not decode; the invocation is retried.',
  },
  CHECKPOINT_INVOCATION: {
    errorType: 'CheckpointUnrecoverableInvocationError',
    failure: 'invocation',
    hint: 'A transient checkpoint failure; Lambda retries the invocation.',
  },
  CHECKPOINT_EXECUTION: {
    errorType: 'CheckpointUnrecoverableExecutionError',
    failure: 'execution',
    hint: 'The service rejected the checkpoint; check payload sizes, names and permissions.',
  },
  SERDES_FAILED: {
    errorType: 'SerdesFailedError',
    failure: 'invocation',
    hint: 'Make the serializer/deserializer of this operation accept its value.',
  },
} as const

export type ErrorCode = keyof typeof ERROR_CODES

/** The durable error classes users catch (PROTOCOL.md §9.4), by wire ErrorType. */
export type DurableErrorType =
  | 'StepError'
  | 'CallbackError'
  | 'CallbackExternalError'
  | 'CallbackTimeoutError'
  | 'CallbackSubmitterError'
  | 'InvokeError'
  | 'ChildContextError'
  | 'WaitForConditionError'
  | 'PromiseCombinatorError'

export const DEFAULT_MESSAGES: Readonly<Record<DurableErrorType, string>> = {
  StepError: 'Step failed',
  CallbackError: 'Callback failed',
  CallbackExternalError: 'Callback failed',
  CallbackTimeoutError: 'Callback timed out',
  CallbackSubmitterError: 'Callback submitter failed',
  InvokeError: 'Invoke failed',
  ChildContextError: 'Child context failed',
  WaitForConditionError: 'Wait for condition failed',
  PromiseCombinatorError: 'Promise combinator failed',
}

/** The original error a durable error wraps, as far as the wire remembers it. */
export interface CauseData {
  readonly name: string
  readonly message: string
  readonly stack?: string
}

/** A durable error as data: the shell builds the class instance from it. */
export interface DurableErrorData {
  readonly errorType: DurableErrorType
  readonly message: string
  readonly errorData?: string
  /** A recorded durable error (e.g. the StepError inside a ChildContextError) or a plain cause. */
  readonly cause?: DurableErrorData | CauseData
}

export function isDurableErrorData(value: DurableErrorData | CauseData): value is DurableErrorData {
  return 'errorType' in value
}

function isDurableErrorType(value: string | undefined): value is DurableErrorType {
  return value !== undefined && Object.prototype.hasOwnProperty.call(DEFAULT_MESSAGES, value)
}

export function causeOf(error: ErrorObject): CauseData {
  const cause = { name: error.ErrorType || 'Error', message: error.ErrorMessage ?? '' }
  return error.StackTrace === undefined ? cause : { ...cause, stack: error.StackTrace.join('\n') }
}

/** Wraps a recorded error as `errorType`, keeping the recorded message when there is one. */
export function wrap(errorType: DurableErrorType, error: ErrorObject | undefined): DurableErrorData {
  if (error === undefined) return { errorType, message: DEFAULT_MESSAGES[errorType] }
  const data: DurableErrorData = {
    errorType,
    message: error.ErrorMessage || DEFAULT_MESSAGES[errorType],
    cause: causeOf(error),
  }
  return error.ErrorData === undefined ? data : { ...data, errorData: error.ErrorData }
}

/** PROTOCOL.md §9.3: known durable ErrorTypes come back as themselves, anything else as StepError. */
export function fromErrorObject(error: ErrorObject): DurableErrorData {
  const known = isDurableErrorType(error.ErrorType)
  const errorType = isDurableErrorType(error.ErrorType) ? error.ErrorType : 'StepError'
  const data: DurableErrorData = {
    errorType,
    message: error.ErrorMessage || (known ? DEFAULT_MESSAGES[errorType] : 'Unknown error'),
    cause: causeOf(error),
  }
  return error.ErrorData === undefined ? data : { ...data, errorData: error.ErrorData }
}

/** The message of a NonDeterministicExecutionError, byte for byte as the official SDK words it. */
export function nonDeterminismMessage(field: 'type' | 'name' | 'subtype', rawId: string, expected: unknown, actual: unknown): string {
  const show = (v: unknown) => `"${v === undefined ? 'undefined' : String(v)}"`
  return (
    `[Unrecoverable Execution] Non-deterministic execution detected: Operation ${field} mismatch for step "${rawId}". ` +
    `Expected ${field} ${show(expected)}, but got ${show(actual)}. ` +
    'This indicates non-deterministic control flow in your workflow code.'
  )
}
