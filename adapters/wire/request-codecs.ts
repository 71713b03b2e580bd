/**
 * Codecs for what clients send and what the two SDK-facing APIs answer: `OperationUpdate` (with the
 * service's validation: enums, id and name shapes, integer ranges), the CheckpointDurableExecution
 * request/response, the GetDurableExecutionState response, the Lambda invocation event and the
 * callback failure body. Cross-field rules (action/status matrix, batch rules, sizes) are the
 * engine's job; these codecs only check each value in isolation.
 */
import * as t from 'io-ts'
import type * as Core from '../../core/types.js'
import { compacted, ErrorObjectC, OperationC, OperationIsoC } from './operation-codecs.js'
import {
  CallbackTimeoutSeconds,
  DelaySeconds,
  OperationActionC,
  OperationTypeC,
  WireId,
  WireName,
  boundedString,
} from './primitives.js'

export const OperationUpdateC: t.Type<Core.OperationUpdate, Core.OperationUpdate, unknown> = compacted(
  t.exact(
    t.intersection([
      t.type({ Id: WireId, Type: OperationTypeC, Action: OperationActionC }),
      t.partial({
        ParentId: WireId,
        Name: WireName,
        SubType: boundedString('SubType (1-32 chars)', 1, 32),
        Payload: t.string,
        Error: ErrorObjectC,
        ContextOptions: t.exact(t.partial({ ReplayChildren: t.boolean })),
        StepOptions: t.exact(t.partial({ NextAttemptDelaySeconds: DelaySeconds })),
        WaitOptions: t.exact(t.partial({ WaitSeconds: DelaySeconds })),
        CallbackOptions: t.exact(
          t.partial({ TimeoutSeconds: CallbackTimeoutSeconds, HeartbeatTimeoutSeconds: CallbackTimeoutSeconds }),
        ),
        ChainedInvokeOptions: t.exact(
          t.intersection([
            t.type({ FunctionName: boundedString('FunctionName (1-256 chars)', 1, 256) }),
            t.partial({ TenantId: t.string }),
          ]),
        ),
      }),
    ]),
    'OperationUpdate',
  ),
)

const TokenC = boundedString('CheckpointToken (non-empty string)', 1, 2048)

export const CheckpointRequestC = compacted(
  t.exact(
    t.intersection([
      t.type({ CheckpointToken: TokenC, Updates: t.array(OperationUpdateC) }),
      t.partial({ ClientToken: t.string }),
    ]),
    'CheckpointDurableExecutionRequest',
  ),
)
export type CheckpointRequest = t.TypeOf<typeof CheckpointRequestC>

const ExecutionStateC = t.exact(t.partial({ Operations: t.array(OperationC), NextMarker: t.string }), 'ExecutionState')

export const CheckpointResponseC = compacted(
  t.exact(t.partial({ CheckpointToken: t.string, NewExecutionState: ExecutionStateC }), 'CheckpointDurableExecutionResponse'),
)
export type CheckpointResponse = t.TypeOf<typeof CheckpointResponseC>

export const StateResponseC = compacted(ExecutionStateC)
export type StateResponse = t.TypeOf<typeof StateResponseC>

/** The Lambda invocation event; extra keys (e.g. an injected client) are accepted and dropped. */
export const InvocationEventC = compacted(
  t.exact(
    t.intersection([
      t.type({ DurableExecutionArn: t.string, CheckpointToken: t.string }),
      t.partial({
        InitialExecutionState: t.exact(t.partial({ Operations: t.array(OperationIsoC), NextMarker: t.string })),
        UpdatedOperationIds: t.array(t.string),
      }),
    ]),
    'DurableExecutionInvocationInput',
  ),
)
export type InvocationEvent = t.TypeOf<typeof InvocationEventC>

/** Body of SendDurableExecutionCallbackFailure: an ErrorObject stored verbatim. */
export const CallbackFailureBodyC = ErrorObjectC

/** What a durable handler returns to Lambda (PROTOCOL.md §2.2); extra keys are ignored. */
export const InvocationOutputC = compacted(
  t.exact(
    t.intersection([
      t.type({ Status: t.keyof({ SUCCEEDED: null, FAILED: null, PENDING: null }) }),
      t.partial({ Result: t.string, Error: ErrorObjectC }),
    ]),
    'DurableExecutionInvocationOutput',
  ),
)
export type InvocationOutput = t.TypeOf<typeof InvocationOutputC>
