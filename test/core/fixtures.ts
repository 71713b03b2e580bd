/**
 * Shared builders for the core tests: recorded operations as the service returns them, histories
 * keyed by wire id, and operation ids built through core/ids exactly as the shell builds them.
 */
import * as Ids from '../../core/ids.js'
import type { Operation, OperationId, OperationStatus, OperationType } from '../../core/types.js'

export const EXECUTION: Operation = {
  Id: 'b0e5a3f2-execution',
  Type: 'EXECUTION',
  Status: 'STARTED',
  ExecutionDetails: { InputPayload: '{"x":1}' },
}

/** The id of the n-th operation at the root. */
export const top = (counter: number): OperationId => Ids.operationId(Ids.root, counter)

/** The id of the n-th operation inside a real (non-virtual) child context with id `parent`. */
export const inside = (parent: OperationId, counter: number): OperationId =>
  Ids.operationId(Ids.childScope(Ids.root, parent, false), counter)

export function recorded(
  id: OperationId,
  type: OperationType,
  subType: string | undefined,
  status: OperationStatus,
  extra: Partial<Operation> = {},
): Operation {
  const op: Record<string, unknown> = { Id: id.wire, Type: type, Status: status, ...extra }
  if (id.parentWire !== undefined) op['ParentId'] = id.parentWire
  if (subType !== undefined) op['SubType'] = subType
  return op as unknown as Operation
}

export function historyOf(...operations: Operation[]): Map<string, Operation> {
  return new Map([EXECUTION, ...operations].map((op) => [op.Id, op]))
}

/** A string whose UTF-8 encoding is exactly `bytes` long, made of `unit` repeated plus ASCII padding. */
export function utf8String(bytes: number, unit = 'x'): string {
  const unitBytes = Buffer.byteLength(unit, 'utf8')
  const count = Math.floor(bytes / unitBytes)
  return unit.repeat(count) + 'x'.repeat(bytes - count * unitBytes)
}
