/**
 * The reducer: (history, request) → transition. It first checks that the recorded operation at the
 * request's id is the one the code asks for (type, name, subtype — PROTOCOL.md §8.2; not for
 * waitForCondition, and not for virtual contexts, which have no record), then dispatches through an
 * exhaustive handler map, one module per operation type. Lookups are O(1) in the indexed history.
 */
import * as Errors from './errors.js'
import type { History } from './history.js'
import * as Callback from './operations/callback.js'
import * as ChildContext from './operations/child-context.js'
import * as Invoke from './operations/invoke.js'
import * as Step from './operations/step.js'
import * as Wait from './operations/wait.js'
import * as WaitForCondition from './operations/wait-for-condition.js'
import type { Request, RequestOf, RequestTag } from './request.js'
import { decide, type Transition } from './transition.js'
import type { Operation, OperationType } from './types.js'

type Handler<T extends RequestTag> = (record: Operation | undefined, request: RequestOf<T>) => Transition

const handlers: { readonly [T in RequestTag]: Handler<T> } = {
  StepBegin: Step.begin,
  StepSucceeded: (_, r) => Step.succeeded(r),
  StepFailed: (_, r) => Step.failed(r),
  WaitBegin: Wait.begin,
  CallbackBegin: Callback.begin,
  CallbackAwait: Callback.awaitResult,
  InvokeBegin: Invoke.begin,
  ConditionBegin: WaitForCondition.begin,
  ConditionChecked: (_, r) => WaitForCondition.checked(r),
  ConditionFailed: (_, r) => WaitForCondition.failed(r),
  ChildBegin: ChildContext.begin,
  ChildSucceeded: ChildContext.succeeded,
  ChildFailed: ChildContext.failed,
}

interface Shape {
  readonly type: OperationType
  readonly subType: string
}
const STEP: Shape = { type: 'STEP', subType: 'Step' }
const WAIT: Shape = { type: 'WAIT', subType: 'Wait' }
const CALLBACK: Shape = { type: 'CALLBACK', subType: 'Callback' }
const INVOKE: Shape = { type: 'CHAINED_INVOKE', subType: 'ChainedInvoke' }

/** The type and subtype each beginning request must find recorded (a child's comes with it); absent = not checked. */
const SHAPES: { readonly [T in RequestTag]?: Shape } = { StepBegin: STEP, WaitBegin: WAIT, CallbackBegin: CALLBACK, InvokeBegin: INVOKE }

/** A table lookup rather than a switch in a function of its own: replay asks once per recorded operation. */
function expectedShape(request: Request): Shape | undefined {
  if (request._tag !== 'ChildBegin') return SHAPES[request._tag]
  return request.virtual ? undefined : { type: 'CONTEXT', subType: request.subType }
}

function mismatch(request: Request, field: 'type' | 'name' | 'subtype', recorded: string | undefined, actual: string | undefined): Transition {
  return decide({
    _tag: 'NonDeterminism',
    operationId: request.id.raw,
    field,
    expected: recorded,
    actual,
    message: Errors.nonDeterminismMessage(field, request.id.raw, recorded, actual),
  })
}

export function reduce(history: History, request: Request): Transition {
  return reduceRecord(history.get(request.id.wire), request)
}

/** `reduce` for a caller that has already looked up the request's record (replay looks up each once). */
export function reduceRecord(record: Operation | undefined, request: Request): Transition {
  // The determinism check in line (replay passes here once per recorded operation): a recorded
  // operation must have the type, name and subtype the code asks for.
  const expected = record === undefined ? undefined : request._tag === 'ChildBegin' ? expectedShape(request) : SHAPES[request._tag]
  if (record !== undefined && expected !== undefined) {
    if (record.Type !== expected.type) return mismatch(request, 'type', record.Type, expected.type)
    if (record.Name !== request.name) return mismatch(request, 'name', record.Name, request.name)
    if (record.SubType !== expected.subType) return mismatch(request, 'subtype', record.SubType, expected.subType)
  }
  const handler = handlers[request._tag] as Handler<typeof request._tag>
  return handler(record, request as never)
}
