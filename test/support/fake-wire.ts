/**
 * How the fake service renders a stored operation (epoch ms) on each channel, as the real one does
 * (PROTOCOL.md §1.1, §2.1): API responses carry `Date` objects (what `@aws-sdk/client-lambda` hands
 * back after parsing epoch seconds), the invocation event carries ISO-8601 strings. Every rendering is
 * a fresh deep copy, so an SDK that mutates what it receives cannot corrupt the service's state.
 */
import type { Operation } from '../../core/types.js'

type Stamp<T> = (ms: number) => T

const render = <T>(op: Operation, stamp: Stamp<T>): Record<string, unknown> => {
  const out: Record<string, unknown> = structuredClone(op) as unknown as Record<string, unknown>
  if (op.StartTimestamp !== undefined) out.StartTimestamp = stamp(op.StartTimestamp)
  if (op.EndTimestamp !== undefined) out.EndTimestamp = stamp(op.EndTimestamp)
  if (op.StepDetails?.NextAttemptTimestamp !== undefined) {
    out.StepDetails = { ...op.StepDetails, NextAttemptTimestamp: stamp(op.StepDetails.NextAttemptTimestamp) }
  }
  if (op.WaitDetails?.ScheduledEndTimestamp !== undefined) {
    out.WaitDetails = { ScheduledEndTimestamp: stamp(op.WaitDetails.ScheduledEndTimestamp) }
  }
  return out
}

/** As `CheckpointDurableExecution` / `GetDurableExecutionState` responses carry it (AWS SDK output). */
export const toApi = (op: Operation): Record<string, unknown> => render(op, (ms) => new Date(ms))

/** As the invocation event (`InitialExecutionState.Operations`) carries it. */
export const toEvent = (op: Operation): Record<string, unknown> => render(op, (ms) => new Date(ms).toISOString())
