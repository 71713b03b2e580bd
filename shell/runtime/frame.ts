/**
 * A frame is one open durable context on a fiber: its id scope, its operation counter, its replay
 * mode (PROTOCOL.md §8.1, used for replay-aware logging) and, for child contexts, what ChildEnd needs
 * to close it. Item fibers of a map share the map's frame, so they draw ids from the same counter.
 * Each frame also carries its `childOperationsDepth` budget: a context whose budget is at least 1
 * keeps its children (ReplayChildren); each recorded level spends one, a virtual level none.
 */
import * as Ids from '../../core/ids.js'
import type { History } from '../../core/history.js'
import { TERMINAL_STATUSES, type Operation, type OperationId } from '../../core/types.js'
import type { ChildOptionsData } from '../effect.js'

export type Mode = 'Execution' | 'Replay' | 'ReplaySucceeded'

export interface Frame {
  readonly scope: Ids.Scope
  counter: number
  mode: Mode
  readonly id?: OperationId
  readonly name?: string
  readonly options?: ChildOptionsData
  /** How many more recorded levels below keep their children (0: none; Infinity: all). */
  readonly preserveDepth: number
}

/** `preserveDepth`: the root's budget, `childOperationsDepth + 1` (see plugins-config.ts). */
export function rootFrame(replaying: boolean, preserveDepth = 0): Frame {
  return { scope: Ids.root, counter: 0, mode: replaying ? 'Replay' : 'Execution', preserveDepth }
}

/** Takes the next id in the frame and keeps its mode in step with what the history holds. */
export function allocate(frame: Frame, history: History): OperationId {
  const id = nextId(frame)
  if (frame.mode === 'Replay') followRecord(frame, id, history.get(id.wire), history)
  return id
}

/** The next id in the frame; the caller then hands its record to `followRecord` (while replaying). */
export function nextId(frame: Frame): OperationId {
  frame.counter += 1
  return Ids.operationId(frame.scope, frame.counter)
}

/** Leaves replay at the first operation not recorded as finished (a context without a record but with recorded children is still replaying). */
export function followRecord(frame: Frame, id: OperationId, record: Operation | undefined, history: History): void {
  if (record === undefined) {
    if (!history.has(Ids.wireId(`${id.raw}-1`))) frame.mode = 'Execution'
  } else if (!TERMINAL_STATUSES.has(record.Status)) {
    frame.mode = 'Execution'
  }
}

export function childFrame(parent: Frame, id: OperationId, mode: Mode, name: string | undefined, options: ChildOptionsData): Frame {
  const preserveDepth = childBudget(parent.preserveDepth, options.virtual)
  const frame: Frame = { scope: Ids.childScope(parent.scope, id, options.virtual), counter: 0, mode, id, options, preserveDepth }
  return name === undefined ? frame : { ...frame, name }
}

/**
 * A child's budget: one less than its parent's, never below 0. A virtual (FLAT) context adds no node
 * to the recorded tree, so it passes its parent's budget through (official SDK 2.4).
 */
export function childBudget(parent: number, virtual: boolean): number {
  if (virtual || parent === Infinity) return parent
  return Math.max(0, parent - 1)
}

/** Whether a closing context records ReplayChildren to keep its children. */
export const preservesChildren = (frame: Frame): boolean => frame.preserveDepth >= 1
