/**
 * STEP / SubType `WaitForCondition` (PROTOCOL.md §5.6). Each round runs the user's check on the
 * state carried in `StepDetails.Result`; RETRY stores the new state with the service, which is how it
 * survives between invocations. Like the official SDK, the record is not checked for determinism.
 *
 * | recorded          | request                      | decision                         | updates                  | confirm |
 * |-------------------|------------------------------|----------------------------------|--------------------------|---------|
 * | absent / other    | ConditionBegin               | RunCheck(Attempt+1, initial)     | START                    | no      |
 * | READY             | ConditionBegin               | RunCheck(Attempt+1, Result)      | START                    | no      |
 * | STARTED           | ConditionBegin               | RunCheck(Attempt+1, Result)      | —                        | —       |
 * | SUCCEEDED         | ConditionBegin               | Replay(Result)                   | —                        | —       |
 * | FAILED            | ConditionBegin               | Raise(from Error / WFC error)    | —                        | —       |
 * | PENDING           | ConditionBegin               | Park(Retry, NextAttempt)         | —                        | —       |
 * | absent (recheck)  | ConditionBegin               | Corrupt                          | —                        | —       |
 * | any               | ConditionChecked, stop       | Replay(payload)                  | SUCCEED Payload          | yes     |
 * | any               | ConditionChecked, continue d | Park(Retry)                      | RETRY Payload, delay d   | yes     |
 * | any               | ConditionFailed              | Raise(from error)                | FAIL Error               | yes     |
 */
import * as Errors from '../errors.js'
import type { RequestOf } from '../request.js'
import { decide, type Transition } from '../transition.js'
import type { Operation } from '../types.js'
import { update } from './update.js'

const SUB_TYPE = 'WaitForCondition'

export function begin(record: Operation | undefined, request: RequestOf<'ConditionBegin'>): Transition {
  const attempt = (record?.StepDetails?.Attempt ?? 0) + 1
  const saved = record?.StepDetails?.Result
  switch (record?.Status) {
    case undefined:
      if (request.recheck === true) {
        return decide({ _tag: 'Corrupt', operationId: request.id.raw, message: 'the service did not record the condition' })
      }
      return decide({ _tag: 'RunCheck', attempt }, [update(request.id, 'STEP', SUB_TYPE, 'START', request.name)])
    case 'SUCCEEDED':
      return decide(saved === undefined ? { _tag: 'Replay' } : { _tag: 'Replay', payload: saved })
    case 'FAILED': {
      const error = record.StepDetails?.Error
      return decide({
        _tag: 'Raise',
        error: error === undefined ? { errorType: 'WaitForConditionError', message: 'waitForCondition failed' } : Errors.fromErrorObject(error),
      })
    }
    case 'PENDING': {
      const until = record.StepDetails?.NextAttemptTimestamp
      return decide(until === undefined ? { _tag: 'Park', reason: 'Retry' } : { _tag: 'Park', reason: 'Retry', until })
    }
    case 'STARTED':
      return decide(saved === undefined ? { _tag: 'RunCheck', attempt } : { _tag: 'RunCheck', attempt, statePayload: saved })
    case 'READY':
      return decide(
        saved === undefined ? { _tag: 'RunCheck', attempt } : { _tag: 'RunCheck', attempt, statePayload: saved },
        [update(request.id, 'STEP', SUB_TYPE, 'START', request.name)],
      )
    default:
      return decide({ _tag: 'RunCheck', attempt }, [update(request.id, 'STEP', SUB_TYPE, 'START', request.name)])
  }
}

export function checked(request: RequestOf<'ConditionChecked'>): Transition {
  if (!request.verdict.shouldContinue) {
    const succeed = update(request.id, 'STEP', SUB_TYPE, 'SUCCEED', request.name, { Payload: request.payload })
    return decide(request.payload === undefined ? { _tag: 'Replay' } : { _tag: 'Replay', payload: request.payload }, [succeed], true)
  }
  const retry = update(request.id, 'STEP', SUB_TYPE, 'RETRY', request.name, {
    Payload: request.payload,
    StepOptions: { NextAttemptDelaySeconds: request.verdict.delaySeconds },
  })
  return decide({ _tag: 'Park', reason: 'Retry' }, [retry], true)
}

export function failed(request: RequestOf<'ConditionFailed'>): Transition {
  const fail = update(request.id, 'STEP', SUB_TYPE, 'FAIL', request.name, { Error: request.error })
  return decide({ _tag: 'Raise', error: Errors.fromErrorObject(request.error) }, [fail], true)
}
