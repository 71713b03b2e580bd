/**
 * Map and parallel (PROTOCOL.md §5.8): when to start another item, when the batch is complete, why,
 * and the exact JSON the outer context records. The outer context and each item are child contexts
 * (see child-context.ts); this module only decides the policy over item outcomes. A custom
 * `shouldComplete` predicate is a user function: the shell evaluates it and passes its verdict in.
 *
 * | progress                                            | shouldContinue | isComplete | reason                      |
 * |-----------------------------------------------------|----------------|------------|-----------------------------|
 * | custom verdict complete (SUCCEEDED / FAILED outcome)| false          | true       | CUSTOM_COMPLETION_SUCCEEDED / _FAILED |
 * | custom verdict not complete                         | true           | all done   | ALL_COMPLETED               |
 * | no criteria, a failure                              | false          | all done   | FAILURE_TOLERANCE_EXCEEDED  |
 * | failures > toleratedFailureCount                    | false          | all done   | FAILURE_TOLERANCE_EXCEEDED  |
 * | failure % > toleratedFailurePercentage              | false          | all done   | FAILURE_TOLERANCE_EXCEEDED  |
 * | all items done                                      | —              | true       | ALL_COMPLETED               |
 * | successes ≥ minSuccessful                           | true           | true       | MIN_SUCCESSFUL_REACHED      |
 */
import type { ErrorObject } from '../types.js'

export type BatchKind = 'Map' | 'Parallel'
export type ItemStatus = 'SUCCEEDED' | 'FAILED' | 'STARTED'
export type CompletionReason =
  | 'ALL_COMPLETED'
  | 'MIN_SUCCESSFUL_REACHED'
  | 'FAILURE_TOLERANCE_EXCEEDED'
  | 'CUSTOM_COMPLETION_SUCCEEDED'
  | 'CUSTOM_COMPLETION_FAILED'

export const COMPLETION_REASONS: readonly CompletionReason[] = [
  'ALL_COMPLETED',
  'MIN_SUCCESSFUL_REACHED',
  'FAILURE_TOLERANCE_EXCEEDED',
  'CUSTOM_COMPLETION_SUCCEEDED',
  'CUSTOM_COMPLETION_FAILED',
]

export interface CompletionPolicy {
  readonly minSuccessful?: number
  readonly toleratedFailureCount?: number
  readonly toleratedFailurePercentage?: number
  /** True when a custom `shouldComplete` predicate owns the decision. */
  readonly custom?: boolean
}

export type CustomVerdict = { readonly complete: false } | { readonly complete: true; readonly outcome: 'SUCCEEDED' | 'FAILED' }

export interface Progress {
  readonly totalCount: number
  readonly successCount: number
  readonly failureCount: number
  readonly completedCount: number
}

function hasCriteria(policy: CompletionPolicy | undefined): policy is CompletionPolicy {
  return (
    policy !== undefined &&
    (policy.minSuccessful !== undefined || policy.toleratedFailureCount !== undefined || policy.toleratedFailurePercentage !== undefined)
  )
}

function toleranceExceeded(progress: Progress, policy: CompletionPolicy | undefined): boolean {
  if (!hasCriteria(policy)) return progress.failureCount > 0
  if (policy.toleratedFailureCount !== undefined && progress.failureCount > policy.toleratedFailureCount) return true
  return (
    policy.toleratedFailurePercentage !== undefined &&
    (progress.failureCount / progress.totalCount) * 100 > policy.toleratedFailurePercentage
  )
}

export function shouldContinue(progress: Progress, policy: CompletionPolicy | undefined, verdict?: CustomVerdict): boolean {
  if (policy?.custom === true && verdict !== undefined) return !verdict.complete
  return !toleranceExceeded(progress, policy)
}

export function isComplete(progress: Progress, policy: CompletionPolicy | undefined, verdict?: CustomVerdict): boolean {
  if (progress.completedCount === progress.totalCount) return true
  if (policy?.custom === true && verdict !== undefined) return verdict.complete
  return policy?.minSuccessful !== undefined && progress.successCount >= policy.minSuccessful
}

export function completionReason(progress: Progress, policy: CompletionPolicy | undefined, verdict?: CustomVerdict): CompletionReason {
  if (policy?.custom === true && verdict !== undefined) {
    if (!verdict.complete) return 'ALL_COMPLETED'
    return verdict.outcome === 'FAILED' ? 'CUSTOM_COMPLETION_FAILED' : 'CUSTOM_COMPLETION_SUCCEEDED'
  }
  if (toleranceExceeded(progress, policy)) return 'FAILURE_TOLERANCE_EXCEEDED'
  if (progress.completedCount === progress.totalCount) return 'ALL_COMPLETED'
  if (policy?.minSuccessful !== undefined && progress.successCount >= policy.minSuccessful) return 'MIN_SUCCESSFUL_REACHED'
  return 'ALL_COMPLETED'
}

/** Configuration errors that end the execution (CONFIG_VALIDATION), worded as the official SDK does. */
export function validate(maxConcurrency: number | undefined, policy: CompletionPolicy | undefined): string | undefined {
  if (policy?.custom === true && hasCriteria(policy)) {
    return 'completionConfig.shouldComplete is mutually exclusive with minSuccessful, toleratedFailureCount, and toleratedFailurePercentage'
  }
  if (maxConcurrency !== undefined && maxConcurrency !== null && maxConcurrency <= 0) {
    return `Invalid maxConcurrency: ${maxConcurrency}. Must be a positive number or undefined for unlimited concurrency.`
  }
  return undefined
}

export function itemName(kind: BatchKind, index: number, explicit?: string): string {
  if (explicit !== undefined && explicit !== '') return explicit
  return kind === 'Map' ? `map-item-${index}` : `parallel-branch-${index}`
}

/** An item error as the BatchResult payload nests it: ErrorType, ErrorMessage, ErrorData?, Cause?. */
export interface BatchError {
  readonly ErrorType: string
  readonly ErrorMessage: string
  readonly ErrorData?: string
  readonly Cause?: BatchError
}

export type BatchItem =
  | { readonly index: number; readonly status: 'SUCCEEDED'; readonly result: unknown }
  | { readonly index: number; readonly status: 'FAILED'; readonly error: BatchError }
  | { readonly index: number; readonly status: 'STARTED' }

export function progressOf(items: readonly BatchItem[], totalCount: number): Progress {
  let successCount = 0
  let failureCount = 0
  for (const item of items) {
    if (item.status === 'SUCCEEDED') successCount++
    else if (item.status === 'FAILED') failureCount++
  }
  return { totalCount, successCount, failureCount, completedCount: successCount + failureCount }
}

/** The default serialization of a BatchResult, key order as the official SDK writes it. */
export function encodeResult(items: readonly BatchItem[], reason: CompletionReason): string {
  const all = items.map((item) => {
    if (item.status === 'SUCCEEDED') return { result: item.result, index: item.index, status: item.status }
    if (item.status === 'FAILED') return { error: item.error, index: item.index, status: item.status }
    return { index: item.index, status: item.status }
  })
  return JSON.stringify({ all, completionReason: reason })
}

export function batchStatus(items: readonly BatchItem[], reason: CompletionReason): 'SUCCEEDED' | 'FAILED' {
  if (reason === 'CUSTOM_COMPLETION_FAILED') return 'FAILED'
  if (reason === 'CUSTOM_COMPLETION_SUCCEEDED') return 'SUCCEEDED'
  return items.some((item) => item.status === 'FAILED') ? 'FAILED' : 'SUCCEEDED'
}

/** The summary recorded instead of an oversized BatchResult (PROTOCOL.md §5.8 "Summaries"). */
export function encodeSummary(kind: BatchKind, items: readonly BatchItem[], totalCount: number, reason: CompletionReason, userSummary?: string): string {
  const progress = progressOf(items, totalCount)
  const highest = items.reduce((max, item) => Math.max(max, item.index), -1)
  const markers = new Array<string>(highest + 1).fill('-')
  for (const item of items) markers[item.index] = item.status === 'SUCCEEDED' ? 'S' : item.status === 'FAILED' ? 'F' : '-'
  const started = items.filter((item) => item.status === 'STARTED').length
  const summary = {
    type: kind === 'Map' ? 'MapResult' : 'ParallelResult',
    totalCount,
    successCount: progress.successCount,
    failureCount: progress.failureCount,
    ...(kind === 'Parallel' ? { startedCount: started } : {}),
    completionReason: reason,
    status: batchStatus(items, reason),
    itemStatuses: markers.join(''),
    ...(userSummary !== undefined ? { summary: userSummary } : {}),
  }
  return JSON.stringify(summary)
}

/** Reads back a summary or full payload: the recorded reason and per-item markers, if trustworthy. */
export function decodeRecorded(payload: string | undefined): { reason?: CompletionReason; markers?: string } {
  if (payload === undefined || payload === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(payload)
  } catch {
    return {}
  }
  if (typeof parsed !== 'object' || parsed === null) return {}
  const record = parsed as Record<string, unknown>
  const reason = COMPLETION_REASONS.find((r) => Object.hasOwn(record, 'completionReason') && record['completionReason'] === r)
  const markers = recordedMarkers(record)
  return { ...(reason !== undefined ? { reason } : {}), ...(markers !== undefined ? { markers } : {}) }
}

/**
 * The per-item markers of a recorded payload: a summary's `itemStatuses` (trusted only when well
 * formed), else those of a full BatchResult's `all` entries, which a context kept within
 * `childOperationsDepth` records in place of a summary.
 */
function recordedMarkers(record: Record<string, unknown>): string | undefined {
  if (Object.hasOwn(record, 'itemStatuses')) {
    const statuses = record['itemStatuses']
    return typeof statuses === 'string' && /^[SF-]+$/.test(statuses) ? statuses : undefined
  }
  const all = Object.hasOwn(record, 'all') ? record['all'] : undefined
  return Array.isArray(all) ? markersOfItems(all) : undefined
}

/**
 * `S`/`F`/`-` per index of a recorded `all` array; undefined when no entry carries a usable index.
 * An index is used only when it is an integer within the array (one entry per item), so a damaged
 * payload cannot ask for a huge marker string.
 */
function markersOfItems(entries: readonly unknown[]): string | undefined {
  const indexOf = (item: Record<string, unknown>): number | undefined => {
    const index = item['index']
    return typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < entries.length ? index : undefined
  }
  const items = entries.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
  const highest = items.reduce((max, item) => Math.max(max, indexOf(item) ?? -1), -1)
  if (highest < 0) return undefined
  const markers = new Array<string>(highest + 1).fill('-')
  for (const item of items) {
    const index = indexOf(item)
    if (index === undefined) continue
    if (item['status'] === 'SUCCEEDED') markers[index] = 'S'
    else if (item['status'] === 'FAILED') markers[index] = 'F'
  }
  return markers.join('')
}

/** An ErrorObject-with-causes as the BatchResult payload nests it. */
export function batchError(error: ErrorObject & { readonly Cause?: BatchError }): BatchError {
  const out: { -readonly [K in keyof BatchError]?: BatchError[K] } = {
    ErrorType: error.ErrorType ?? 'Error',
    ErrorMessage: error.ErrorMessage ?? '',
  }
  if (error.ErrorData !== undefined) out.ErrorData = error.ErrorData
  if (error.Cause !== undefined) out.Cause = error.Cause
  return out as BatchError
}
