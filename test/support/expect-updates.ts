/**
 * Builders for expected `OperationUpdate`s, written the way PROTOCOL.md §12 writes them: raw ids
 * (hashed here with the test-side `H`), the parent as a raw id, and only the fields that must be on
 * the wire. An absent field in the builder means the field must be absent in the request, so a test
 * comparing with deep equality also checks that nothing extra was sent.
 */
import type { OperationAction, OperationType, OperationUpdate } from '../../core/types.js'
import { H } from './wire-id.js'

type More = Omit<Partial<OperationUpdate>, 'Id' | 'ParentId' | 'Type' | 'Action' | 'SubType'> & {
  readonly parent?: string
}

export const upd = (type: OperationType, action: OperationAction, subType: string | undefined, raw: string, more: More = {}): OperationUpdate => {
  const { parent, ...rest } = more
  return {
    Id: H(raw),
    ...(parent === undefined ? {} : { ParentId: H(parent) }),
    Type: type,
    Action: action,
    ...(subType === undefined ? {} : { SubType: subType }),
    ...rest,
  }
}

export const stepStart = (raw: string, more: More = {}, subType = 'Step') => upd('STEP', 'START', subType, raw, more)
export const stepSucceed = (raw: string, more: More = {}, subType = 'Step') => upd('STEP', 'SUCCEED', subType, raw, more)
export const stepFail = (raw: string, more: More = {}, subType = 'Step') => upd('STEP', 'FAIL', subType, raw, more)
export const stepRetry = (raw: string, more: More = {}, subType = 'Step') => upd('STEP', 'RETRY', subType, raw, more)
export const ctxStart = (raw: string, subType: string, more: More = {}) => upd('CONTEXT', 'START', subType, raw, more)
export const ctxSucceed = (raw: string, subType: string, more: More = {}) => upd('CONTEXT', 'SUCCEED', subType, raw, more)
export const ctxFail = (raw: string, subType: string, more: More = {}) => upd('CONTEXT', 'FAIL', subType, raw, more)
export const waitStart = (raw: string, seconds: number, more: More = {}) =>
  upd('WAIT', 'START', 'Wait', raw, { ...more, WaitOptions: { WaitSeconds: seconds } })

/** The requests of each invocation, as `[[req1 updates], [req2 updates]]` per invocation. */
export const requestsOf = (recording: { readonly invocations: readonly { readonly requests: readonly (readonly OperationUpdate[])[] }[] }) =>
  recording.invocations.map((i) => i.requests)
