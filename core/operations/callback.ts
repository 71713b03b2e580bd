/**
 * CALLBACK / SubType `Callback` (PROTOCOL.md §5.3). Creating a callback starts it and hands its
 * service-made id to the workflow; awaiting its result parks until an external system completes it.
 *
 * | recorded                  | request                 | decision                              | updates              | confirm |
 * |---------------------------|-------------------------|---------------------------------------|----------------------|---------|
 * | absent                    | CallbackBegin           | Park(Callback)                        | START CallbackOptions| yes     |
 * | absent (recheck)          | CallbackBegin           | Raise(CallbackError no id)            | —                    | —       |
 * | any, with CallbackId      | CallbackBegin           | CallbackCreated(id)                   | —                    | —       |
 * | STARTED / other, no CallbackId | CallbackBegin      | Raise(CallbackError no id, "started") | —                    | —       |
 * | SUCCEEDED / FAILED / TIMED_OUT, no CallbackId | CallbackBegin | Raise(CallbackError no id) | —             | —       |
 * | STARTED / PENDING / READY | CallbackAwait           | Park(Callback)                        | —                    | —       |
 * | SUCCEEDED                 | CallbackAwait           | Replay(Result)                        | —                    | —       |
 * | FAILED / CANCELLED / STOPPED | CallbackAwait        | Raise(CallbackExternalError)          | —                    | —       |
 * | TIMED_OUT                 | CallbackAwait           | Raise(CallbackTimeoutError)           | —                    | —       |
 * | absent                    | CallbackAwait           | Corrupt                               | —                    | —       |
 */
import * as Errors from '../errors.js'
import type { RequestOf } from '../request.js'
import { decide, type Transition } from '../transition.js'
import type { Operation } from '../types.js'
import { update } from './update.js'

const FINISHED: ReadonlySet<Operation['Status']> = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT'])

export function begin(record: Operation | undefined, request: RequestOf<'CallbackBegin'>): Transition {
  if (record === undefined && request.recheck !== true) {
    const start = update(request.id, 'CALLBACK', 'Callback', 'START', request.name, { CallbackOptions: request.options })
    return decide({ _tag: 'Park', reason: 'Callback' }, [start], true)
  }
  const callbackId = record?.CallbackDetails?.CallbackId
  if (callbackId === undefined) {
    // 2.4 words it differently for a callback it found already finished
    const which = record !== undefined && FINISHED.has(record.Status) ? 'callback' : 'started callback'
    return decide({
      _tag: 'Raise',
      error: { errorType: 'CallbackError', message: `No callback ID found for ${which}: ${request.id.raw}` },
    })
  }
  return decide({ _tag: 'CallbackCreated', callbackId })
}

export function awaitResult(record: Operation | undefined, request: RequestOf<'CallbackAwait'>): Transition {
  switch (record?.Status) {
    case undefined:
      return decide({ _tag: 'Corrupt', operationId: request.id.raw, message: 'the callback has no record' })
    case 'SUCCEEDED': {
      const payload = record.CallbackDetails?.Result
      return decide(payload === undefined ? { _tag: 'Replay' } : { _tag: 'Replay', payload })
    }
    case 'TIMED_OUT':
      return decide({ _tag: 'Raise', error: Errors.wrap('CallbackTimeoutError', record.CallbackDetails?.Error) })
    case 'FAILED':
    case 'CANCELLED':
    case 'STOPPED':
      return decide({ _tag: 'Raise', error: Errors.wrap('CallbackExternalError', record.CallbackDetails?.Error) })
    default:
      return decide({ _tag: 'Park', reason: 'Callback' })
  }
}
