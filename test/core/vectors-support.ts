/**
 * Plays a sequence of shell requests through `reduce` and groups the updates into checkpoint
 * requests the way the shell flushes them: updates accumulate until a transition must be confirmed,
 * which closes the request; what is left at the end forms a last request. Wire ids in expectations
 * come from a local MD5 oracle (`H`), never from core/ids, so an id-scheme bug cannot cancel out.
 */
import { createHash } from 'node:crypto'
import type { History } from '../../core/history.js'
import { reduce } from '../../core/reduce.js'
import type { Request } from '../../core/request.js'
import type { Decision, Transition } from '../../core/transition.js'
import type { Operation, OperationUpdate } from '../../core/types.js'
import { EXECUTION } from './fixtures.js'

export const H = (raw: string): string => createHash('md5').update(raw, 'utf8').digest('hex').slice(0, 16)

export interface Played {
  readonly transitions: readonly Transition[]
  readonly decisions: readonly Decision[]
  readonly requests: readonly (readonly OperationUpdate[])[]
}

export function play(history: History, requests: readonly Request[]): Played {
  const transitions = requests.map((request) => reduce(history, request))
  const batches: OperationUpdate[][] = []
  let open: OperationUpdate[] = []
  for (const t of transitions) {
    open.push(...t.updates)
    if (t.confirm && open.length > 0) {
      batches.push(open)
      open = []
    }
  }
  if (open.length > 0) batches.push(open)
  return { transitions, decisions: transitions.map((t) => t.decision), requests: batches }
}

/** A history as the service hands it to an invocation: EXECUTION first, then these records. */
export function state(...operations: Operation[]): Map<string, Operation> {
  return new Map([EXECUTION, ...operations].map((op) => [op.Id, op]))
}
