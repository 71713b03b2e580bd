/**
 * The checkpoint queue (PROTOCOL.md §7): one FIFO per invocation, flushed on the next macrotask so
 * everything enqueued in one tick shares a request, at most one request in flight, batches cut at
 * 250 updates or ~750 KiB, each response's token adopted and its operations merged into the history
 * in place. Updates under a finished context are dropped (§7.5). A failure drops the rest of the
 * queue and is reported once through `onFailure`; confirmations of dropped updates never settle.
 */
import { randomUUID } from 'node:crypto'
import * as Ids from '../core/ids.js'
import type { Operation, OperationUpdate } from '../core/types.js'
import type { DurableClient } from '../adapters/lambda/durable-client.js'
import { classify } from '../adapters/lambda/checkpoint-errors.js'
import type { DurableSdkError } from './errors.js'

export const MAX_BATCH_BYTES = 768_000
export const MAX_BATCH_UPDATES = 250

interface Queued {
  readonly update: OperationUpdate
  readonly bytes: number
  readonly confirm?: () => void
}

export interface QueueEvents {
  /** Operations from a response, merged into the history before confirmations resolve (awaited when it returns a promise). */
  onOperations(operations: readonly Operation[]): Promise<void> | void
  onFailure(error: DurableSdkError): void
  /** Called whenever the queue becomes empty with nothing in flight. */
  onIdle(): void
}

export class CheckpointQueue {
  private queue: Queued[] = []
  private head = 0
  private inFlight = false
  private scheduled = false
  private failed = false
  private forced: (() => void)[] = []
  private readonly finished = new Set<string>()

  constructor(
    /** Asked on the first flush: a replay that checkpoints nothing never makes a client. */
    private readonly client: () => DurableClient,
    private readonly arn: string,
    private token: string,
    private readonly events: QueueEvents,
  ) {}

  get idle(): boolean {
    return !this.inFlight && !this.scheduled && this.head === this.queue.length && this.forced.length === 0
  }

  /** Marks a non-virtual context finished: later updates below it are dropped. */
  finish(rawId: string): void {
    this.finished.add(rawId)
  }

  isUnderFinished(rawId: string): boolean {
    if (this.finished.size === 0) return false
    for (const ancestor of Ids.ancestorsOf(rawId)) if (this.finished.has(ancestor)) return true
    return false
  }

  /** Queues updates; resolves when the request holding the last of them is acknowledged. */
  enqueue(rawId: string, updates: readonly OperationUpdate[], confirm: boolean): Promise<void> | undefined {
    if (this.failed || this.isUnderFinished(rawId)) return confirm ? new Promise(() => {}) : undefined
    let settle: (() => void) | undefined
    const confirmation = confirm ? new Promise<void>((resolve) => (settle = resolve)) : undefined
    updates.forEach((update, i) => {
      const bytes = Buffer.byteLength(JSON.stringify({ stepId: rawId, data: update }), 'utf8')
      this.queue.push(i === updates.length - 1 && settle !== undefined ? { update, bytes, confirm: settle } : { update, bytes })
    })
    if (updates.length === 0 && settle !== undefined) this.forced.push(settle)
    this.schedule()
    return confirmation
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight || this.failed) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      void this.flush()
    })
  }

  private takeBatch(): Queued[] {
    const batch: Queued[] = []
    let size = this.token.length + 100
    while (this.head < this.queue.length) {
      const next = this.queue[this.head]!
      if (batch.length > 0 && (size + next.bytes > MAX_BATCH_BYTES || batch.length >= MAX_BATCH_UPDATES)) break
      batch.push(next)
      size += next.bytes
      this.head++
    }
    if (this.head === this.queue.length) {
      this.queue = []
      this.head = 0
    }
    return batch
  }

  private async flush(): Promise<void> {
    if (this.inFlight || this.failed) return
    const batch = this.takeBatch()
    const forced = this.forced.splice(0)
    if (batch.length === 0 && forced.length === 0) return this.events.onIdle()
    this.inFlight = true
    try {
      const result = await this.client().checkpoint(this.arn, this.token, batch.map((q) => q.update), randomUUID())
      if (result.token !== undefined) this.token = result.token
      const merged = this.events.onOperations(result.operations)
      if (merged !== undefined) await merged
      this.inFlight = false
      for (const queued of batch) queued.confirm?.()
      for (const settle of forced) settle()
    } catch (error) {
      this.inFlight = false
      this.failed = true
      this.queue = []
      this.head = 0
      this.events.onFailure(classify(error))
      return
    }
    if (this.head < this.queue.length || this.forced.length > 0) this.schedule()
    else this.events.onIdle()
  }
}
