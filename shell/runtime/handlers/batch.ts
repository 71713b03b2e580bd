/**
 * Runs map and parallel items (the Batch effect) as fibers in the batch's own context, starting them
 * in index order while the core's policy says to continue and `maxConcurrency` allows, and settling
 * the batch as soon as the policy says it is complete; items still running are abandoned (their
 * context is finished, so nothing more of theirs is checkpointed). On a ReplaySucceeded replay the
 * items are re-driven in order from their records, skipping those the recorded markers call unfinished.
 */
import * as Batch from '../../../core/operations/batch.js'
import * as Ids from '../../../core/ids.js'
import { TERMINAL_STATUSES } from '../../../core/types.js'
import { BatchResult, toItem, type BatchItemResult } from '../../batch-result.js'
import type { BatchEffect, BatchStatusView } from '../../effect.js'
import { ChildContextError } from '../../errors.js'
import type { Fiber, Outcome } from '../fiber.js'
import type { Frame } from '../frame.js'
import type { Runtime } from '../runtime.js'

function asItemError(error: unknown): Error {
  if (error instanceof ChildContextError) return error
  return new ChildContextError(error instanceof Error ? error.message : String(error), error instanceof Error ? error : undefined)
}

function record(index: number, outcome: Outcome): BatchItemResult<unknown> {
  return outcome.ok ? { index, status: 'SUCCEEDED', result: outcome.value } : { index, status: 'FAILED', error: asItemError(outcome.error) }
}

export function handleBatch(runtime: Runtime, fiber: Fiber, effect: BatchEffect): unknown {
  const frame = fiber.frame
  if (frame.mode === 'ReplaySucceeded') return replay(runtime, frame, effect)
  return execute(runtime, frame, effect)
}

function execute(runtime: Runtime, frame: Frame, effect: BatchEffect): Promise<BatchResult<unknown>> {
  const results: (BatchItemResult<unknown> | undefined)[] = new Array(effect.count)
  const limit = effect.maxConcurrency || Infinity
  let active = 0
  let nextIndex = 0
  let progress: Batch.Progress = { totalCount: effect.count, successCount: 0, failureCount: 0, completedCount: 0 }
  const view = (): BatchStatusView => ({
    ...progress,
    items: results.map((r, index) => ({ index, ...(effect.itemNames[index] !== undefined ? { name: effect.itemNames[index] } : {}), ...(r !== undefined ? { status: r.status } : {}) })),
  })
  const verdict = () => (effect.shouldComplete === undefined ? undefined : effect.shouldComplete(view()))
  const finish = (resolve: (r: BatchResult<unknown>) => void) => {
    const all = results.filter((r): r is BatchItemResult<unknown> => r !== undefined).map((r) => ({ ...r }))
    resolve(new BatchResult(all, Batch.completionReason(progress, effect.policy, verdict())))
  }
  return new Promise((resolve) => {
    if (effect.count === 0) return finish(resolve)
    let done = false
    const startMore = () => {
      while (active < limit && nextIndex < effect.count && Batch.shouldContinue(progress, effect.policy, verdict())) {
        const index = nextIndex++
        active++
        results[index] = { index, status: 'STARTED' }
        void runtime.spawn(effect.item(index), frame).then((outcome) => {
          if (done) return
          active--
          results[index] = record(index, outcome)
          // counted as items settle: rebuilding the counts from every result would make a map O(n²)
          progress = {
            ...progress,
            successCount: progress.successCount + (outcome.ok ? 1 : 0),
            failureCount: progress.failureCount + (outcome.ok ? 0 : 1),
            completedCount: progress.completedCount + 1,
          }
          const v = verdict()
          if (Batch.isComplete(progress, effect.policy, v) || !Batch.shouldContinue(progress, effect.policy, v)) {
            done = true
            finish(resolve)
          } else startMore()
        })
      }
    }
    startMore()
  })
}

async function replay(runtime: Runtime, frame: Frame, effect: BatchEffect): Promise<BatchResult<unknown>> {
  const recorded = Batch.decodeRecorded(frame.id === undefined ? undefined : runtime.history.get(frame.id.wire)?.ContextDetails?.Result)
  const items: BatchItemResult<unknown>[] = []
  for (let index = 0; index < effect.count; index++) {
    const childRaw = Ids.rawIdAt(frame.scope, frame.counter + 1)
    const child = runtime.history.get(Ids.wireId(childRaw))
    const childTerminal = child === undefined || TERMINAL_STATUSES.has(child.Status)
    const marker = recorded.markers?.[index]
    const terminal = recorded.markers !== undefined ? (marker === 'S' || marker === 'F') && childTerminal : child !== undefined && childTerminal
    if (!terminal) {
      frame.counter += 1
      continue
    }
    items.push(record(index, await runtime.spawn(effect.item(index), frame)))
  }
  const progress = Batch.progressOf(items.map(toItem), effect.count)
  return new BatchResult(items, recorded.reason ?? Batch.completionReason(progress, effect.policy))
}
