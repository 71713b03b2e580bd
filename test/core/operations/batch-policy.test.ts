import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as Batch from '../../../core/operations/batch.js'

const progress = (totalCount: number, successCount: number, failureCount: number): Batch.Progress => ({
  totalCount,
  successCount,
  failureCount,
  completedCount: successCount + failureCount,
})
const all = (p: Batch.Progress, policy?: Batch.CompletionPolicy, verdict?: Batch.CustomVerdict) => ({
  shouldContinue: Batch.shouldContinue(p, policy, verdict),
  isComplete: Batch.isComplete(p, policy, verdict),
  reason: Batch.completionReason(p, policy, verdict),
})

const Table = suite('Batch completion policy (table rows)')

Table('should stop and complete as CUSTOM_COMPLETION_SUCCEEDED when the custom verdict completes with SUCCEEDED', () => {
  const r = all(progress(5, 1, 0), { custom: true }, { complete: true, outcome: 'SUCCEEDED' })
  assert.equal(r, { shouldContinue: false, isComplete: true, reason: 'CUSTOM_COMPLETION_SUCCEEDED' })
})

Table('should stop and complete as CUSTOM_COMPLETION_FAILED when the custom verdict completes with FAILED', () => {
  const r = all(progress(5, 0, 0), { custom: true }, { complete: true, outcome: 'FAILED' })
  assert.equal(r, { shouldContinue: false, isComplete: true, reason: 'CUSTOM_COMPLETION_FAILED' })
})

Table('should continue despite failures and report ALL_COMPLETED when the custom verdict is not complete', () => {
  assert.equal(all(progress(5, 1, 3), { custom: true }, { complete: false }), { shouldContinue: true, isComplete: false, reason: 'ALL_COMPLETED' })
  assert.equal(all(progress(5, 1, 4), { custom: true }, { complete: false }), { shouldContinue: true, isComplete: true, reason: 'ALL_COMPLETED' })
})

Table('should fail fast without criteria: one failure stops it with FAILURE_TOLERANCE_EXCEEDED', () => {
  assert.equal(all(progress(5, 1, 1)), { shouldContinue: false, isComplete: false, reason: 'FAILURE_TOLERANCE_EXCEEDED' })
  assert.equal(all(progress(5, 1, 1), {}), { shouldContinue: false, isComplete: false, reason: 'FAILURE_TOLERANCE_EXCEEDED' })
})

Table('should report FAILURE_TOLERANCE_EXCEEDED even when every item is done, if a failure breaks fail-fast', () => {
  assert.equal(all(progress(2, 1, 1)), { shouldContinue: false, isComplete: true, reason: 'FAILURE_TOLERANCE_EXCEEDED' })
})

Table('should stop once failures exceed toleratedFailureCount, not when they equal it', () => {
  assert.equal(all(progress(5, 0, 1), { toleratedFailureCount: 1 }), { shouldContinue: true, isComplete: false, reason: 'ALL_COMPLETED' })
  assert.equal(all(progress(5, 0, 2), { toleratedFailureCount: 1 }), { shouldContinue: false, isComplete: false, reason: 'FAILURE_TOLERANCE_EXCEEDED' })
})

Table('should stop once the failure percentage exceeds toleratedFailurePercentage, not when it equals it', () => {
  assert.equal(all(progress(4, 0, 1), { toleratedFailurePercentage: 25 }).shouldContinue, true)
  assert.equal(all(progress(4, 0, 2), { toleratedFailurePercentage: 25 }), { shouldContinue: false, isComplete: false, reason: 'FAILURE_TOLERANCE_EXCEEDED' })
})

Table('should complete with ALL_COMPLETED when all items are done (TV12 with one tolerated failure)', () => {
  assert.equal(all(progress(5, 4, 1), { toleratedFailureCount: 1 }), { shouldContinue: true, isComplete: true, reason: 'ALL_COMPLETED' })
  assert.equal(all(progress(3, 3, 0)), { shouldContinue: true, isComplete: true, reason: 'ALL_COMPLETED' })
})

Table('should complete with MIN_SUCCESSFUL_REACHED once successes reach minSuccessful', () => {
  assert.equal(all(progress(3, 1, 0), { minSuccessful: 1 }), { shouldContinue: true, isComplete: true, reason: 'MIN_SUCCESSFUL_REACHED' })
  assert.equal(all(progress(3, 0, 0), { minSuccessful: 1 }).isComplete, false)
})

Table('should never stop for failures when only minSuccessful is set', () => {
  assert.equal(all(progress(4, 0, 3), { minSuccessful: 2 }), { shouldContinue: true, isComplete: false, reason: 'ALL_COMPLETED' })
})

Table('should complete an empty batch at once with ALL_COMPLETED', () => {
  assert.equal(all(progress(0, 0, 0)), { shouldContinue: true, isComplete: true, reason: 'ALL_COMPLETED' })
})

Table.run()

const Helpers = suite('Batch helpers')

Helpers('should reject shouldComplete combined with threshold fields, in the official words', () => {
  assert.is(
    Batch.validate(undefined, { custom: true, minSuccessful: 1 }),
    'completionConfig.shouldComplete is mutually exclusive with minSuccessful, toleratedFailureCount, and toleratedFailurePercentage',
  )
})

Helpers('should reject a maxConcurrency of zero or less, in the official words', () => {
  assert.is(Batch.validate(0, undefined), 'Invalid maxConcurrency: 0. Must be a positive number or undefined for unlimited concurrency.')
  assert.is(Batch.validate(-2, undefined), 'Invalid maxConcurrency: -2. Must be a positive number or undefined for unlimited concurrency.')
})

Helpers('should accept valid configurations', () => {
  assert.is(Batch.validate(undefined, undefined), undefined)
  assert.is(Batch.validate(2, { custom: true }), undefined)
  assert.is(Batch.validate(1, { minSuccessful: 1, toleratedFailureCount: 0 }), undefined)
})

Helpers('should name items map-item-<i> / parallel-branch-<i> unless a name is given', () => {
  assert.is(Batch.itemName('Map', 0), 'map-item-0')
  assert.is(Batch.itemName('Parallel', 2), 'parallel-branch-2')
  assert.is(Batch.itemName('Parallel', 0, 'fast'), 'fast')
  assert.is(Batch.itemName('Map', 1, ''), 'map-item-1')
})

Helpers('should count successes and failures, not started items, as completed', () => {
  const items: Batch.BatchItem[] = [
    { index: 0, status: 'SUCCEEDED', result: 1 },
    { index: 1, status: 'FAILED', error: { ErrorType: 'ChildContextError', ErrorMessage: 'x' } },
    { index: 2, status: 'STARTED' },
  ]
  assert.equal(Batch.progressOf(items, 5), { totalCount: 5, successCount: 1, failureCount: 1, completedCount: 2 })
})

Helpers('should derive the batch status: FAILED on any failed item or CUSTOM_COMPLETION_FAILED', () => {
  const ok: Batch.BatchItem = { index: 0, status: 'SUCCEEDED', result: 1 }
  const bad: Batch.BatchItem = { index: 1, status: 'FAILED', error: { ErrorType: 'E', ErrorMessage: 'x' } }
  assert.is(Batch.batchStatus([ok], 'ALL_COMPLETED'), 'SUCCEEDED')
  assert.is(Batch.batchStatus([ok, bad], 'ALL_COMPLETED'), 'FAILED')
  assert.is(Batch.batchStatus([ok], 'CUSTOM_COMPLETION_FAILED'), 'FAILED')
  assert.is(Batch.batchStatus([ok, bad], 'CUSTOM_COMPLETION_SUCCEEDED'), 'SUCCEEDED')
})

Helpers.run()
