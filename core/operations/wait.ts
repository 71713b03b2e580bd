/**
 * WAIT / SubType `Wait` (PROTOCOL.md §5.2). A wait is started once (the service schedules its end)
 * and then parks until the record is terminal; any terminal status ends it, as in the official SDK.
 *
 * | recorded                        | request            | decision                     | updates           | confirm |
 * |---------------------------------|--------------------|------------------------------|-------------------|---------|
 * | absent                          | WaitBegin          | Park(Wait)                   | START WaitSeconds | yes     |
 * | absent (recheck)                | WaitBegin          | Corrupt                      | —                 | —       |
 * | STARTED / PENDING / READY       | WaitBegin          | Park(Wait, ScheduledEnd)     | —                 | —       |
 * | SUCCEEDED / FAILED / CANCELLED / TIMED_OUT / STOPPED | WaitBegin | Replay(undefined) | —         | —       |
 */
import type { RequestOf } from '../request.js'
import { decide, type Transition } from '../transition.js'
import { TERMINAL_STATUSES, type Operation } from '../types.js'
import { update } from './update.js'

export function begin(record: Operation | undefined, request: RequestOf<'WaitBegin'>): Transition {
  if (record === undefined) {
    if (request.recheck === true) {
      return decide({ _tag: 'Corrupt', operationId: request.id.raw, message: 'the service did not record the wait' })
    }
    const start = update(request.id, 'WAIT', 'Wait', 'START', request.name, { WaitOptions: { WaitSeconds: request.seconds } })
    return decide({ _tag: 'Park', reason: 'Wait' }, [start], true)
  }
  if (TERMINAL_STATUSES.has(record.Status)) return decide({ _tag: 'Replay' })
  const until = record.WaitDetails?.ScheduledEndTimestamp
  return decide(until === undefined ? { _tag: 'Park', reason: 'Wait' } : { _tag: 'Park', reason: 'Wait', until })
}
