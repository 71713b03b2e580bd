/**
 * The BatchResult that map and parallel return, with the official SDK's accessors, and its default
 * serdes: the payload is core/operations/batch's exact JSON, and errors come back as durable error
 * classes when their ErrorType is known (plain Errors named after ErrorType otherwise).
 */
import * as Batch from '../core/operations/batch.js'
import { BatchCompletionError, DurableOperationError, fromData } from './errors.js'
import type { Serdes } from './serdes.js'
import * as CoreErrors from '../core/errors.js'

export interface BatchItemResult<R> {
  readonly index: number
  readonly status: Batch.ItemStatus
  readonly result?: R
  readonly error?: Error
}

export class BatchResult<R> {
  constructor(
    readonly all: readonly BatchItemResult<R>[],
    readonly completionReason: Batch.CompletionReason,
  ) {}
  get successCount(): number { return this.all.filter((i) => i.status === 'SUCCEEDED').length }
  get failureCount(): number { return this.all.filter((i) => i.status === 'FAILED').length }
  get startedCount(): number { return this.all.filter((i) => i.status === 'STARTED').length }
  get totalCount(): number { return this.all.length }
  get hasFailure(): boolean { return this.failureCount > 0 }
  get status(): 'SUCCEEDED' | 'FAILED' { return Batch.batchStatus(this.all.map(toItem), this.completionReason) }
  succeeded(): BatchItemResult<R>[] { return this.all.filter((i) => i.status === 'SUCCEEDED' && i.result !== undefined) }
  failed(): BatchItemResult<R>[] { return this.all.filter((i) => i.status === 'FAILED' && i.error !== undefined) }
  started(): BatchItemResult<R>[] { return this.all.filter((i) => i.status === 'STARTED') }
  getResults(): R[] { return this.succeeded().map((i) => i.result as R) }
  getErrors(): Error[] { return this.failed().map((i) => i.error!) }
  throwIfError(): void {
    const first = this.all.find((i) => i.status === 'FAILED')?.error
    if (first !== undefined) throw first
    if (this.status === 'FAILED') throw new BatchCompletionError(this.completionReason)
  }
}

export function batchErrorOf(error: unknown, depth = 0): Batch.BatchError {
  const type = error instanceof DurableOperationError ? error.errorType : error instanceof Error ? error.name : 'Error'
  const message = error instanceof Error ? error.message : String(error)
  const data = error instanceof DurableOperationError ? error.errorData : undefined
  const cause = error instanceof Error && error.cause !== undefined && depth < 10 ? batchErrorOf(error.cause, depth + 1) : undefined
  return Batch.batchError({ ErrorType: type, ErrorMessage: message, ...(data !== undefined ? { ErrorData: data } : {}), ...(cause !== undefined ? { Cause: cause } : {}) })
}

export function toItem<R>(item: BatchItemResult<R>): Batch.BatchItem {
  if (item.status === 'SUCCEEDED') return { index: item.index, status: 'SUCCEEDED', result: item.result }
  if (item.status === 'FAILED') return { index: item.index, status: 'FAILED', error: batchErrorOf(item.error) }
  return { index: item.index, status: 'STARTED' }
}

function rebuildError(error: Batch.BatchError): Error {
  const known = Object.hasOwn(CoreErrors.DEFAULT_MESSAGES, error.ErrorType)
  const cause = error.Cause === undefined ? undefined : rebuildError(error.Cause)
  if (!known) {
    const plain = new Error(error.ErrorMessage, cause === undefined ? undefined : { cause })
    plain.name = error.ErrorType
    return plain
  }
  const rebuilt = fromData({ errorType: error.ErrorType as CoreErrors.DurableErrorType, message: error.ErrorMessage, ...(error.ErrorData !== undefined ? { errorData: error.ErrorData } : {}) })
  if (cause !== undefined) Object.defineProperty(rebuilt, 'cause', { value: cause, writable: true, configurable: true })
  return rebuilt
}

interface Encoded {
  all?: { index: number; status: Batch.ItemStatus; result?: unknown; error?: Batch.BatchError }[]
  completionReason?: Batch.CompletionReason
}

export const batchResultSerdes: Serdes<BatchResult<unknown>> = {
  serialize: (value) => (value === undefined ? undefined : Batch.encodeResult(value.all.map(toItem), value.completionReason)),
  deserialize: (data) => {
    if (data === undefined) return undefined
    const parsed = JSON.parse(data) as Encoded
    const items = (parsed.all ?? []).map((i): BatchItemResult<unknown> =>
      i.status === 'FAILED' && i.error !== undefined ? { index: i.index, status: 'FAILED', error: rebuildError(i.error) } : i.status === 'SUCCEEDED' ? { index: i.index, status: 'SUCCEEDED', result: i.result } : { index: i.index, status: i.status },
    )
    return new BatchResult(items, parsed.completionReason ?? 'ALL_COMPLETED')
  },
}
