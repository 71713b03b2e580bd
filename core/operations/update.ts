/**
 * Builds OperationUpdates with exactly the keys the official SDK sends: optional fields are left out
 * rather than set to undefined, so updates compare with deep equality and encode byte-identically.
 */
import type { OperationAction, OperationId, OperationType, OperationUpdate } from '../types.js'

type Extra = Omit<OperationUpdate, 'Id' | 'ParentId' | 'Name' | 'Type' | 'SubType' | 'Action'>

export function update(
  id: OperationId,
  type: OperationType,
  subType: string | undefined,
  action: OperationAction,
  name: string | undefined,
  extra: Extra = {},
): OperationUpdate {
  const out: { -readonly [K in keyof OperationUpdate]?: OperationUpdate[K] } = { Id: id.wire }
  if (id.parentWire !== undefined) out.ParentId = id.parentWire
  out.Type = type
  if (subType !== undefined) out.SubType = subType
  out.Action = action
  if (name !== undefined) out.Name = name
  for (const [key, value] of Object.entries(extra) as [keyof Extra, Extra[keyof Extra]][]) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value
  }
  return out as OperationUpdate
}
