/**
 * The engine's error table: every refusal is an `EngineError` carrying the service's exception
 * `name`, its HTTP status, a stable `code`, and a message that says what to do. The object also
 * carries `$metadata.httpStatusCode` and `$fault` like AWS SDK errors, because the official SDK
 * classifies checkpoint failures from exactly those fields (PROTOCOL.md §7.6).
 */

export type EngineErrorName =
  | 'InvalidParameterValueException'
  | 'ResourceNotFoundException'
  | 'ResourceConflictException'
  | 'ServiceException'

export type EngineErrorCode =
  | 'INVALID_TOKEN'
  | 'INVALID_REQUEST'
  | 'INVALID_UPDATE'
  | 'BATCH_RULE'
  | 'PAYLOAD_TOO_LARGE'
  | 'EXECUTION_NOT_FOUND'
  | 'EXECUTION_FINISHED'
  | 'EXECUTION_EXISTS'
  | 'CALLBACK_NOT_FOUND'
  | 'CALLBACK_FINISHED'
  | 'FUNCTION_NOT_FOUND'
  | 'INVALID_MARKER'
  | 'ENGINE_CLOSED'

const STATUS: Record<EngineErrorName, number> = {
  InvalidParameterValueException: 400,
  ResourceNotFoundException: 404,
  ResourceConflictException: 409,
  ServiceException: 500,
}

export class EngineError extends Error {
  override readonly name: EngineErrorName
  readonly code: EngineErrorCode
  readonly statusCode: number
  readonly $metadata: { readonly httpStatusCode: number }
  readonly $fault: 'client' | 'server'

  constructor(name: EngineErrorName, code: EngineErrorCode, message: string) {
    super(message)
    this.name = name
    this.code = code
    this.statusCode = STATUS[name]
    this.$metadata = { httpStatusCode: this.statusCode }
    this.$fault = this.statusCode >= 500 ? 'server' : 'client'
  }
}

export const invalidToken = (detail: string): EngineError =>
  new EngineError(
    'InvalidParameterValueException',
    'INVALID_TOKEN',
    `Invalid Checkpoint Token: ${detail}. Use the token from the latest checkpoint response of the current invocation.`,
  )

export const invalidRequest = (message: string): EngineError =>
  new EngineError('InvalidParameterValueException', 'INVALID_REQUEST', message)

export const invalidUpdate = (index: number, message: string): EngineError =>
  new EngineError('InvalidParameterValueException', 'INVALID_UPDATE', `Updates[${index}]: ${message}`)

export const batchRule = (index: number, message: string): EngineError =>
  new EngineError('InvalidParameterValueException', 'BATCH_RULE', `Updates[${index}]: ${message}`)

export const payloadTooLarge = (where: string, bytes: number, limit: number): EngineError =>
  new EngineError(
    'InvalidParameterValueException',
    'PAYLOAD_TOO_LARGE',
    `${where} is ${bytes} bytes, above the ${limit}-byte limit; store large data elsewhere and checkpoint a reference.`,
  )

export const executionNotFound = (arn: string): EngineError =>
  new EngineError('ResourceNotFoundException', 'EXECUTION_NOT_FOUND', `Durable execution not found: ${arn}. Check the ARN.`)

export const executionFinished = (arn: string): EngineError =>
  new EngineError(
    'InvalidParameterValueException',
    'EXECUTION_FINISHED',
    `Durable execution ${arn} has already finished; it accepts no more checkpoints.`,
  )

export const callbackNotFound = (): EngineError =>
  new EngineError(
    'ResourceNotFoundException',
    'CALLBACK_NOT_FOUND',
    'Callback not found: the id is unknown or belongs to no running execution. Use the CallbackId from CallbackStarted.',
  )

export const callbackFinished = (): EngineError =>
  new EngineError(
    'InvalidParameterValueException',
    'CALLBACK_FINISHED',
    'Callback has already completed, failed or timed out; it cannot be completed again.',
  )

export const functionNotFound = (name: string): EngineError =>
  new EngineError(
    'ResourceNotFoundException',
    'FUNCTION_NOT_FOUND',
    `Function not found: ${name}. Register a handler for it with the engine's invoker.`,
  )

export const invalidMarker = (): EngineError =>
  new EngineError('InvalidParameterValueException', 'INVALID_MARKER', 'Invalid Marker: pass the NextMarker of a previous page.')

export const engineClosed = (): EngineError =>
  new EngineError('ServiceException', 'ENGINE_CLOSED', 'The engine was closed; a restarted engine re-invokes the execution, so retry there.')

export const isEngineError = (e: unknown): e is EngineError => e instanceof EngineError
