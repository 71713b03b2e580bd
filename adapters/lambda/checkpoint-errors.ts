/**
 * Classifies a failed checkpoint request (PROTOCOL.md §7.6): a stale token, throttling, 5xx and
 * network errors are invocation-level (throw, Lambda re-invokes with a fresh token); other 4xx and
 * KMS errors are execution-level (the execution ends FAILED). A transport may state the scope itself.
 */
import { DurableSdkError } from '../../shell/errors.js'

const KMS_ERRORS = new Set(['KMSAccessDeniedException', 'KMSDisabledException', 'KMSInvalidStateException', 'KMSNotFoundException'])

interface ErrorShape {
  readonly name?: unknown
  readonly message?: unknown
  readonly scope?: unknown
  readonly $metadata?: { readonly httpStatusCode?: unknown }
}

function shapeOf(error: unknown): ErrorShape {
  return typeof error === 'object' && error !== null ? (error as ErrorShape) : {}
}

export function classify(error: unknown): DurableSdkError {
  if (error instanceof DurableSdkError) return error
  const shape = shapeOf(error)
  const message = typeof shape.message === 'string' && shape.message !== '' ? shape.message : String(error)
  const name = typeof shape.name === 'string' ? shape.name : ''
  const status = typeof shape.$metadata?.httpStatusCode === 'number' ? shape.$metadata.httpStatusCode : undefined
  const execution = () =>
    new DurableSdkError('CHECKPOINT_EXECUTION', `[Unrecoverable Execution] Checkpoint failed: ${message}`, undefined, { cause: error })
  const invocation = () =>
    new DurableSdkError('CHECKPOINT_INVOCATION', `[Unrecoverable Invocation] Checkpoint failed: ${message}`, undefined, { cause: error })
  if (name === 'DurableExecutionClientError' && (shape.scope === 'EXECUTION' || shape.scope === 'INVOCATION')) {
    return shape.scope === 'EXECUTION' ? execution() : invocation()
  }
  if (status !== undefined && status >= 400 && status < 500) {
    if (name === 'InvalidParameterValueException' && message.startsWith('Invalid Checkpoint Token')) return invocation()
    if (status !== 429) return execution()
  }
  if (KMS_ERRORS.has(name)) return execution()
  return invocation()
}
