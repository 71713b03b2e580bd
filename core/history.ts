/**
 * The recorded operations of one execution, indexed once per invocation. The index is a Map from
 * wire id to operation that the shell keeps up to date in place as checkpoint responses arrive (last
 * write wins, as in the service): the core only reads it, so replay stays O(1) per operation and
 * nothing sized by the history is ever copied. Surprises in the recorded data (duplicate ids, a
 * parent that is not there, no EXECUTION operation) are reported as problems, never thrown.
 */
import type { Operation } from './types.js'

export type History = ReadonlyMap<string, Operation>

export type HistoryProblem =
  | { readonly _tag: 'DuplicateId'; readonly operationId: string }
  | { readonly _tag: 'MissingParent'; readonly operationId: string; readonly parentId: string }
  | { readonly _tag: 'MissingExecution' }

export interface IndexedHistory {
  readonly records: Map<string, Operation>
  readonly execution: Operation | undefined
  readonly problems: readonly HistoryProblem[]
}

export function index(operations: readonly Operation[]): IndexedHistory {
  const records = new Map<string, Operation>()
  const problems: HistoryProblem[] = []
  let execution: Operation | undefined
  let children = false
  for (const op of operations) {
    const size = records.size
    records.set(op.Id, op)
    // One lookup per operation: a set that does not grow the map replaced a record.
    if (records.size === size) problems.push({ _tag: 'DuplicateId', operationId: op.Id })
    if (op.Type === 'EXECUTION' && execution === undefined) execution = op
    if (op.ParentId !== undefined) children = true
  }
  if (children) missingParents(records, problems)
  if (execution === undefined) problems.push({ _tag: 'MissingExecution' })
  return { records, execution, problems }
}

/** A second pass only for histories with children (a cold process compiles it only for them). */
function missingParents(records: ReadonlyMap<string, Operation>, problems: HistoryProblem[]): void {
  for (const op of records.values()) {
    if (op.ParentId !== undefined && !records.has(op.ParentId)) {
      problems.push({ _tag: 'MissingParent', operationId: op.Id, parentId: op.ParentId })
    }
  }
}

/** The user's input: the EXECUTION operation's payload, `{}`-equivalent when absent (PROTOCOL.md §2.1). */
export function inputPayload(history: IndexedHistory): string {
  return history.execution?.ExecutionDetails?.InputPayload ?? '{}'
}

/** Replay starts when the loaded state holds more than the EXECUTION operation (PROTOCOL.md §2.1). */
export function startsInReplay(history: IndexedHistory): boolean {
  return history.records.size > 1
}
