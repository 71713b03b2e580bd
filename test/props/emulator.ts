/**
 * A deliberately simple service for the property tests: applies updates with emulator semantics
 * (START→STARTED, SUCCEED→SUCCEEDED with Result, RETRY→PENDING, FAIL→FAILED), lets "time pass"
 * (WAIT→SUCCEEDED, PENDING→READY, callbacks completed), and hands each invocation the pruned state.
 * It rejects what the service rejects for parents: a ParentId must name a CONTEXT it already holds,
 * and a CONTEXT may be started only once. Insertion order of the store is start order.
 */
import { TERMINAL_STATUSES, type Operation, type OperationUpdate } from '../../core/types.js'

export const EXECUTION_ID = 'model-execution'

type Mutable = { -readonly [K in keyof Operation]?: Operation[K] }

export class Emulator {
  readonly store: Map<string, Operation>
  now = 0

  constructor(operations?: Iterable<Operation>) {
    this.store = new Map()
    this.store.set(EXECUTION_ID, { Id: EXECUTION_ID, Type: 'EXECUTION', Status: 'STARTED', ExecutionDetails: { InputPayload: '{}' } })
    for (const op of operations ?? []) this.store.set(op.Id, op)
  }

  apply(update: OperationUpdate): Operation {
    const prev = this.store.get(update.Id)
    if (update.ParentId !== undefined && this.store.get(update.ParentId)?.Type !== 'CONTEXT') {
      throw new Error(`invalid ParentId ${update.ParentId} for ${update.Id}`)
    }
    if (update.Type === 'CONTEXT' && update.Action === 'START' && prev !== undefined) throw new Error(`context ${update.Id} started twice`)
    const next: Mutable = prev === undefined ? this.fresh(update) : { ...prev }
    const attempt = (prev?.StepDetails?.Attempt ?? 0) + 1
    switch (update.Action) {
      case 'START':
        next.Status = 'STARTED'
        if (update.Type === 'WAIT') next.WaitDetails = { ScheduledEndTimestamp: this.now + (update.WaitOptions?.WaitSeconds ?? 0) * 1000 }
        if (update.Type === 'CALLBACK') next.CallbackDetails = { CallbackId: `cbid-${update.Id}` }
        break
      case 'SUCCEED':
        next.Status = 'SUCCEEDED'
        if (update.Type === 'STEP') next.StepDetails = withDefined({ Attempt: attempt, Result: update.Payload })
        if (update.Type === 'CONTEXT') next.ContextDetails = withDefined({ Result: update.Payload, ReplayChildren: update.ContextOptions?.ReplayChildren })
        break
      case 'FAIL':
        next.Status = 'FAILED'
        if (update.Type === 'STEP') next.StepDetails = withDefined({ Attempt: attempt, Error: update.Error })
        if (update.Type === 'CONTEXT') next.ContextDetails = withDefined({ Error: update.Error })
        break
      case 'RETRY':
        next.Status = 'PENDING'
        next.StepDetails = withDefined({
          Attempt: attempt,
          NextAttemptTimestamp: this.now + (update.StepOptions?.NextAttemptDelaySeconds ?? 1) * 1000,
          Result: update.Payload,
          Error: update.Error,
        })
        break
      default:
        throw new Error(`unexpected action ${update.Action}`)
    }
    this.store.set(update.Id, next as Operation)
    return next as Operation
  }

  /** Everything the workflow waits for becomes ready, as if the service re-invoked much later. */
  passTime(): void {
    this.now += 86_400_000
    for (const [id, op] of this.store) {
      if (op.Type === 'WAIT' && op.Status === 'STARTED') this.store.set(id, { ...op, Status: 'SUCCEEDED' })
      if (op.Type === 'STEP' && op.Status === 'PENDING') this.store.set(id, { ...op, Status: 'READY' })
      if (op.Type === 'CALLBACK' && op.Status === 'STARTED') {
        this.store.set(id, { ...op, Status: 'SUCCEEDED', CallbackDetails: { ...op.CallbackDetails, Result: JSON.stringify(`cb:${id}`) } })
      }
    }
  }

  /** The state an invocation receives: descendants of finished contexts are pruned unless ReplayChildren. */
  view(): Map<string, Operation> {
    const out = new Map<string, Operation>()
    for (const [id, op] of this.store) if (!this.isPruned(op)) out.set(id, op)
    return out
  }

  private isPruned(op: Operation): boolean {
    for (let parent = op.ParentId; parent !== undefined; ) {
      const ctx = this.store.get(parent)
      if (ctx === undefined) return false
      if (TERMINAL_STATUSES.has(ctx.Status) && ctx.ContextDetails?.ReplayChildren !== true) return true
      parent = ctx.ParentId
    }
    return false
  }

  private fresh(update: OperationUpdate): Mutable {
    return withDefined({ Id: update.Id, ParentId: update.ParentId, Name: update.Name, Type: update.Type, SubType: update.SubType }) as Mutable
  }
}

function withDefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
