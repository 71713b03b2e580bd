/**
 * Batch validation of the fake service: the emulator's rules (PROTOCOL.md §3.5), checked against the
 * state as it was *before* the batch, so a batch is accepted or rejected as a whole. Rules: every
 * update has an Id; an action must suit the type; the same Id twice only as STEP/CONTEXT START then a
 * non-START; a ParentId names a CONTEXT that exists or was STARTed earlier in the batch; at most one
 * EXECUTION update, last; status transitions per the matrix. No size limits (a later fault issue).
 */
import type { Operation, OperationUpdate } from '../../core/types.js'
import { invalidParameter } from './fake-errors.js'

const ACTIONS: Readonly<Record<string, readonly string[]>> = {
  STEP: ['START', 'SUCCEED', 'FAIL', 'RETRY'],
  CONTEXT: ['START', 'SUCCEED', 'FAIL'],
  WAIT: ['START', 'CANCEL'],
  CALLBACK: ['START', 'CANCEL'],
  CHAINED_INVOKE: ['START', 'CANCEL'],
  EXECUTION: ['SUCCEED', 'FAIL'],
}

type Lookup = (id: string) => Operation | undefined

export const validateBatch = (updates: readonly OperationUpdate[], lookup: Lookup): void => {
  validateExecutionUpdates(updates)
  const startedHere = new Map<string, OperationUpdate>()
  const lastSeen = new Map<string, OperationUpdate>()
  for (const u of updates) {
    if (!u.Id) throw invalidParameter('Operation update must have an Id.')
    const previous = lastSeen.get(u.Id)
    if (previous && !isAllowedDuplicate(previous, u)) {
      throw invalidParameter('Cannot update the same operation twice in a single request.')
    }
    if (u.ParentId !== undefined) {
      const parent = startedHere.get(u.ParentId) ?? lookup(u.ParentId)
      if (!parent || parent.Type !== 'CONTEXT') throw invalidParameter('Invalid parent operation id.')
    }
    if (u.Action === 'START') startedHere.set(u.Id, u)
    lastSeen.set(u.Id, u)
    validateUpdate(u, u.Type === 'EXECUTION' ? undefined : lookup(u.Id))
  }
}

const validateExecutionUpdates = (updates: readonly OperationUpdate[]): void => {
  const executions = updates.filter((u) => u.Type === 'EXECUTION')
  if (executions.length > 1) throw invalidParameter('Cannot checkpoint multiple EXECUTION updates.')
  if (executions.length === 1 && updates[updates.length - 1]?.Type !== 'EXECUTION') {
    throw invalidParameter('EXECUTION checkpoint must be the last update.')
  }
}

const isAllowedDuplicate = (previous: OperationUpdate, next: OperationUpdate): boolean =>
  (previous.Type === 'STEP' || previous.Type === 'CONTEXT') && previous.Action === 'START' && next.Action !== 'START'

const validateUpdate = (u: OperationUpdate, op: Operation | undefined): void => {
  const allowed = ACTIONS[u.Type]
  if (!allowed) throw invalidParameter('Unknown operation type.')
  if (!allowed.includes(u.Action)) throw invalidParameter('Invalid action for the given operation type.')
  if (op && op.Type !== u.Type) throw invalidParameter(`Operation ${u.Id} is a ${op.Type}, not a ${u.Type}.`)
  if (u.Action === 'SUCCEED' && u.Error != null) throw invalidParameter('Cannot provide an Error for SUCCEED action.')
  if (u.Action === 'FAIL' && u.Payload != null) throw invalidParameter('Cannot provide a Payload for FAIL action.')
  const status = op?.Status
  switch (u.Type) {
    case 'STEP':
      return validateStep(u, status)
    case 'CONTEXT':
      if (u.Action === 'START' && op) throw invalidParameter('Cannot start a CONTEXT that already exists.')
      if (u.Action !== 'START' && op && status !== 'STARTED') {
        throw invalidParameter('Invalid current CONTEXT state to close.')
      }
      return
    case 'EXECUTION':
      return
    default:
      if (u.Action === 'START' && op) throw invalidParameter(`Cannot start a ${u.Type} that already exists.`)
      if (u.Action === 'CANCEL' && status !== 'STARTED') {
        throw invalidParameter(`Cannot cancel a ${u.Type} that does not exist or has already completed.`)
      }
  }
}

const validateStep = (u: OperationUpdate, status: string | undefined): void => {
  if (u.Action === 'START' && status !== undefined && status !== 'READY') {
    throw invalidParameter('Invalid current STEP state to start.')
  }
  if ((u.Action === 'SUCCEED' || u.Action === 'FAIL') && status !== undefined && status !== 'STARTED' && status !== 'READY') {
    throw invalidParameter('Invalid current STEP state to close.')
  }
  if (u.Action === 'RETRY') {
    if (status !== undefined && status !== 'STARTED' && status !== 'READY') {
      throw invalidParameter('Invalid current STEP state to re-attempt.')
    }
    if (u.StepOptions == null) throw invalidParameter('Invalid StepOptions for the given action.')
    if (u.Error != null && u.Payload != null) {
      throw invalidParameter('Cannot provide both error and payload to RETRY a STEP.')
    }
  }
}
