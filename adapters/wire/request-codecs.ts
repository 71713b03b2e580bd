/**
 * Codecs for what clients send and what the two SDK-facing APIs answer: `OperationUpdate` (with the
 * service's validation: enums, id and name shapes, integer ranges), the CheckpointDurableExecution
 * request/response, the GetDurableExecutionState response, the Lambda invocation event and the
 * callback failure body. Cross-field rules (action/status matrix, batch rules, sizes) are the
 * engine's job; these codecs only check each value in isolation.
 */
import * as t from 'io-ts'
import type * as Core from '../../core/types.js'
import { ErrorObjectC, OperationC, OperationIsoC, OperationIsoUnobservedC } from './operation-codecs.js'
import { list, struct } from './struct.js'
import {
  CallbackTimeoutSeconds,
  DelaySeconds,
  OperationActionC,
  OperationTypeC,
  WireId,
  WireName,
  boundedString,
} from './primitives.js'

export const OperationUpdateC: t.Type<Core.OperationUpdate, Core.OperationUpdate, unknown> = struct(
  'OperationUpdate',
  { Id: WireId, Type: OperationTypeC, Action: OperationActionC },
  {
    ParentId: WireId,
    Name: WireName,
    SubType: boundedString('SubType (1-32 chars)', 1, 32),
    Payload: t.string,
    Error: ErrorObjectC,
    ContextOptions: struct('ContextOptions', {}, { ReplayChildren: t.boolean }),
    StepOptions: struct('StepOptions', {}, { NextAttemptDelaySeconds: DelaySeconds }),
    WaitOptions: struct('WaitOptions', {}, { WaitSeconds: DelaySeconds }),
    CallbackOptions: struct('CallbackOptions', {}, { TimeoutSeconds: CallbackTimeoutSeconds, HeartbeatTimeoutSeconds: CallbackTimeoutSeconds }),
    ChainedInvokeOptions: struct('ChainedInvokeOptions', { FunctionName: boundedString('FunctionName (1-256 chars)', 1, 256) }, { TenantId: t.string }),
  },
)

const TokenC = boundedString('CheckpointToken (non-empty string)', 1, 2048)

export const CheckpointRequestC = struct(
  'CheckpointDurableExecutionRequest',
  { CheckpointToken: TokenC, Updates: list(OperationUpdateC) },
  { ClientToken: t.string },
)
export type CheckpointRequest = t.TypeOf<typeof CheckpointRequestC>

const ExecutionStateC = struct('ExecutionState', {}, { Operations: list(OperationC), NextMarker: t.string })

export const CheckpointResponseC = struct('CheckpointDurableExecutionResponse', {}, { CheckpointToken: t.string, NewExecutionState: ExecutionStateC })
export type CheckpointResponse = t.TypeOf<typeof CheckpointResponseC>

export const StateResponseC = ExecutionStateC
export type StateResponse = t.TypeOf<typeof StateResponseC>

function invocationEvent<C extends typeof OperationIsoC | typeof OperationIsoUnobservedC>(operation: C) {
  return struct(
    'DurableExecutionInvocationInput',
    { DurableExecutionArn: t.string, CheckpointToken: t.string },
    {
      InitialExecutionState: struct('InitialExecutionState', {}, { Operations: list(operation), NextMarker: t.string }),
      UpdatedOperationIds: list(t.string),
    },
  )
}

/** The Lambda invocation event; extra keys (e.g. an injected client) are accepted and dropped. */
export const InvocationEventC = invocationEvent(OperationIsoC)
/** The same without the operations' Start/EndTimestamp, which only instrumentation plugins read. */
export const UnobservedInvocationEventC = invocationEvent(OperationIsoUnobservedC)
export type InvocationEvent = t.TypeOf<typeof InvocationEventC>

/** Body of SendDurableExecutionCallbackFailure: an ErrorObject stored verbatim. */
export const CallbackFailureBodyC = ErrorObjectC

/** What a durable handler returns to Lambda (PROTOCOL.md §2.2); extra keys are ignored. */
export const InvocationOutputC = struct(
  'DurableExecutionInvocationOutput',
  { Status: t.keyof({ SUCCEEDED: null, FAILED: null, PENDING: null }) },
  { Result: t.string, Error: ErrorObjectC },
)
export type InvocationOutput = t.TypeOf<typeof InvocationOutputC>
