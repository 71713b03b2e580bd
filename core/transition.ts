/**
 * What the core answers: a decision for the shell to act on and the updates to checkpoint first.
 * `confirm` says whether the shell must wait until the service acknowledged the updates before acting
 * (PROTOCOL.md §7.4): it is wire-visible, because it decides which updates share a request.
 * Decisions are plain readonly data, so two transitions compare with deep equality.
 */
import type { DurableErrorData } from './errors.js'
import type { ErrorObject, OperationUpdate } from './types.js'

export type ParkReason = 'Wait' | 'Retry' | 'Callback' | 'Invoke'

export type Decision =
  /** Return the recorded value (a serialized payload, or undefined). */
  | { readonly _tag: 'Replay'; readonly payload?: string }
  /** Throw this durable error. */
  | { readonly _tag: 'Raise'; readonly error: DurableErrorData }
  /** Throw the error the user's code threw, unchanged (the shell holds it; core only says so). */
  | { readonly _tag: 'Rethrow' }
  /** Nothing to do until the record changes; suspend when nothing else can progress. */
  | { readonly _tag: 'Park'; readonly reason: ParkReason; readonly until?: number }
  /** Run the step function for this 1-based attempt. */
  | { readonly _tag: 'RunStep'; readonly attempt: number }
  /** An at-most-once attempt was interrupted: ask the retry strategy, then report StepFailed. */
  | { readonly _tag: 'StepInterrupted'; readonly attempt: number; readonly error: ErrorObject }
  /** Run the condition check for this attempt, from the recorded state (or the initial one). */
  | { readonly _tag: 'RunCheck'; readonly attempt: number; readonly statePayload?: string }
  /** Run the child context's function; `replaySucceeded` when its children are all recorded. */
  | { readonly _tag: 'EnterChild'; readonly mode: 'Execute' | 'ReplaySucceeded' }
  /** The callback exists: hand its id to the workflow. */
  | { readonly _tag: 'CallbackCreated'; readonly callbackId: string }
  /** The recorded operation is not the one the code asks for (PROTOCOL.md §8.2). */
  | {
      readonly _tag: 'NonDeterminism'
      readonly operationId: string
      readonly field: 'type' | 'name' | 'subtype'
      readonly expected: string | undefined
      readonly actual: string | undefined
      readonly message: string
    }
  /** The record lacks what this operation needs: the history is damaged. */
  | { readonly _tag: 'Corrupt'; readonly operationId: string; readonly message: string }

export interface Transition {
  readonly decision: Decision
  readonly updates: readonly OperationUpdate[]
  readonly confirm: boolean
}

export const NO_UPDATES: readonly OperationUpdate[] = Object.freeze([])

export function decide(decision: Decision, updates: readonly OperationUpdate[] = NO_UPDATES, confirm = false): Transition {
  return { decision, updates, confirm }
}
