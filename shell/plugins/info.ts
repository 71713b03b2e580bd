/**
 * Builds the info objects plugins receive from the records the shell holds: a recorded operation
 * becomes an OperationInfo (Dates for timestamps, the checkpointed result, the checkpointed error
 * rebuilt as an Error, the step attempt), backfilled with what the code knows before anything is
 * recorded (id, name, type, subType, parent). Whole-history maps are built lazily, on first read,
 * so that a plugin which never reads `operations` costs nothing per checkpoint.
 */
import * as CoreErrors from '../../core/errors.js'
import type { Operation, OperationId, OperationType } from '../../core/types.js'
import { fromData } from '../errors.js'
import type { OperationInfo, PluginOperationStatus } from './types.js'

/** What the code knows of an operation before the service has a record of it. */
export interface Identity {
  readonly id: string
  readonly name?: string
  readonly type: OperationType
  readonly subType: string
  readonly parentId?: string
}

export function identity(id: OperationId, type: OperationType, subType: string, name: string | undefined): Identity {
  return {
    id: id.wire,
    type,
    subType,
    ...(name !== undefined ? { name } : {}),
    ...(id.parentWire !== undefined ? { parentId: id.parentWire } : {}),
  }
}

const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms))

function recordedError(op: Operation): Error | undefined {
  const error = op.StepDetails?.Error ?? op.CallbackDetails?.Error ?? op.ContextDetails?.Error ?? op.ChainedInvokeDetails?.Error
  return error === undefined ? undefined : fromData(CoreErrors.fromErrorObject(error))
}

/** An OperationInfo from a record alone (isReplay false), as the operation maps hold them. */
export function fromRecord(op: Operation): OperationInfo {
  const info: OperationInfo = { id: op.Id, type: op.Type, status: op.Status as PluginOperationStatus, isReplay: false }
  const result = op.StepDetails?.Result ?? op.CallbackDetails?.Result ?? op.ContextDetails?.Result ?? op.ChainedInvokeDetails?.Result
  const error = recordedError(op)
  if (op.Name !== undefined) info.name = op.Name
  if (op.SubType !== undefined) info.subType = op.SubType
  if (op.ParentId !== undefined) info.parentId = op.ParentId
  if (op.StartTimestamp !== undefined) info.startTimestamp = date(op.StartTimestamp)!
  if (op.EndTimestamp !== undefined) info.endTimestamp = date(op.EndTimestamp)!
  if (result !== undefined) info.result = result
  if (error !== undefined) info.error = error
  if (op.StepDetails?.Attempt !== undefined) info.attempt = op.StepDetails.Attempt
  return info
}

/**
 * The record's info with the identity filled in where the record is silent; the plugin-facing
 * name (e.g. `<name>-submitter` inside waitForCallback) wins over the recorded one.
 */
export function describe(base: Identity, record: Operation | undefined, isReplay: boolean): OperationInfo {
  const info = record === undefined ? { id: base.id, type: base.type, isReplay } : { ...fromRecord(record), isReplay }
  if (base.name !== undefined) info.name = base.name
  if (info.subType === undefined) info.subType = base.subType
  if (info.parentId === undefined && base.parentId !== undefined) info.parentId = base.parentId
  return info
}

/** A record of `OperationInfo` by wire id, built from `ops` the first time it is read. */
export function lazyMap(ops: () => Iterable<Operation>): Record<string, OperationInfo> {
  let built: Record<string, OperationInfo> | undefined
  return new Proxy({} as Record<string, OperationInfo>, {
    get: (_t, key) => (built ??= build(ops()))[key as string],
    has: (_t, key) => key in (built ??= build(ops())),
    ownKeys: () => Reflect.ownKeys((built ??= build(ops()))),
    getOwnPropertyDescriptor: (_t, key) => {
      const value = (built ??= build(ops()))[key as string]
      return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true }
    },
  })
}

function build(ops: Iterable<Operation>): Record<string, OperationInfo> {
  const map: Record<string, OperationInfo> = {}
  for (const op of ops) map[op.Id] = fromRecord(op)
  return map
}

/** Only the given ids, as a plain record (the updated subset is small). */
export function subset(ops: ReadonlyMap<string, Operation>, ids: Iterable<string>): Record<string, OperationInfo> {
  const map: Record<string, OperationInfo> = {}
  for (const id of ids) {
    const op = ops.get(id)
    if (op !== undefined) map[id] = fromRecord(op)
  }
  return map
}
