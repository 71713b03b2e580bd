/**
 * STEP / SubType `Step` (PROTOCOL.md §5.1). The record's status decides between running an attempt,
 * replaying, and parking until a retry is due; the attempt's outcome decides SUCCEED, FAIL or RETRY.
 *
 * | recorded              | request                     | decision               | updates                 | confirm |
 * |-----------------------|-----------------------------|------------------------|-------------------------|---------|
 * | absent / READY / other| StepBegin at-least-once     | RunStep(Attempt+1)     | START                   | no      |
 * | absent / READY / other| StepBegin at-most-once      | RunStep(Attempt+1)     | START                   | yes     |
 * | STARTED               | StepBegin at-least-once     | RunStep(Attempt+1)     | —                       | —       |
 * | STARTED               | StepBegin at-most-once      | StepInterrupted(A+1)   | —                       | —       |
 * | SUCCEEDED             | StepBegin                   | Replay(Result)         | —                       | —       |
 * | FAILED                | StepBegin                   | Raise(from Error)      | —                       | —       |
 * | PENDING               | StepBegin                   | Park(Retry, NextAttempt)| —                      | —       |
 * | absent (recheck)      | StepBegin                   | Corrupt                | —                       | —       |
 * | any                   | StepSucceeded               | Replay(payload)        | SUCCEED Payload?        | yes     |
 * | any                   | StepFailed, no retry        | Raise(from error)      | FAIL Error              | yes     |
 * | any                   | StepFailed, retry after d s | Park(Retry)            | RETRY Error, delay d    | yes     |
 */
import * as Errors from '../errors.js'
import type { RequestOf } from '../request.js'
import { decide, NO_UPDATES, type Transition } from '../transition.js'
import type { Operation } from '../types.js'
import { update } from './update.js'

export const INTERRUPTED_MESSAGE =
  'The step execution process was initiated but failed to reach completion due to an interruption.'

export function begin(record: Operation | undefined, request: RequestOf<'StepBegin'>): Transition {
  // The replay of a success first, as a literal, and every other row in a function of its own: replay
  // asks once per recorded step, and a cold process compiles only the function that runs.
  if (record?.Status === 'SUCCEEDED') {
    const payload = record.StepDetails?.Result
    return { decision: payload === undefined ? { _tag: 'Replay' } : { _tag: 'Replay', payload }, updates: NO_UPDATES, confirm: false }
  }
  return beginUnfinished(record, request)
}

function beginUnfinished(record: Operation | undefined, request: RequestOf<'StepBegin'>): Transition {
  const attempt = (record?.StepDetails?.Attempt ?? 0) + 1
  const atMostOnce = request.semantics === 'AT_MOST_ONCE_PER_RETRY'
  if (record === undefined && request.recheck === true) {
    return decide({ _tag: 'Corrupt', operationId: request.id.raw, message: 'the service did not record the step' })
  }
  switch (record?.Status) {
    case 'FAILED':
      return decide({
        _tag: 'Raise',
        error: record.StepDetails?.Error === undefined ? { errorType: 'StepError', message: 'Unknown error' } : Errors.fromErrorObject(record.StepDetails.Error),
      })
    case 'PENDING':
      return decide(parkUntil(record.StepDetails?.NextAttemptTimestamp))
    case 'STARTED':
      if (!atMostOnce) return decide({ _tag: 'RunStep', attempt })
      return decide({
        _tag: 'StepInterrupted',
        attempt,
        error: { ErrorType: 'StepInterruptedError', ErrorMessage: INTERRUPTED_MESSAGE },
      })
    default:
      return decide({ _tag: 'RunStep', attempt }, [update(request.id, 'STEP', 'Step', 'START', request.name)], atMostOnce)
  }
}

export function succeeded(request: RequestOf<'StepSucceeded'>): Transition {
  const succeed = update(request.id, 'STEP', 'Step', 'SUCCEED', request.name, { Payload: request.payload })
  return decide(request.payload === undefined ? { _tag: 'Replay' } : { _tag: 'Replay', payload: request.payload }, [succeed], true)
}

export function failed(request: RequestOf<'StepFailed'>): Transition {
  if (!request.verdict.shouldRetry) {
    const fail = update(request.id, 'STEP', 'Step', 'FAIL', request.name, { Error: request.error })
    return decide({ _tag: 'Raise', error: Errors.fromErrorObject(request.error) }, [fail], true)
  }
  const retry = update(request.id, 'STEP', 'Step', 'RETRY', request.name, {
    Error: request.error,
    StepOptions: { NextAttemptDelaySeconds: request.verdict.delaySeconds },
  })
  return decide({ _tag: 'Park', reason: 'Retry' }, [retry], true)
}

function parkUntil(until: number | undefined) {
  return until === undefined ? ({ _tag: 'Park', reason: 'Retry' } as const) : ({ _tag: 'Park', reason: 'Retry', until } as const)
}
