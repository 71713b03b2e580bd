/**
 * An in-memory, deliberately simple model of the two service APIs the SDK calls,
 * `CheckpointDurableExecution` and `GetDurableExecutionState`, for one execution. It decides: token
 * chaining (one live token per invocation, rotated by every accepted checkpoint, anything else answered
 * `InvalidParameterValueException: Invalid Checkpoint Token`), whole-batch validation then application
 * (fake-validate, fake-store), `NewExecutionState` = the operations the batch changed, the invocation
 * event (ISO timestamps, EXECUTION first, `NextMarker` beyond `pageSize`) and paging over the state
 * snapshot taken when the invocation began. `client.send` accepts the AWS SDK command objects, so the
 * same instance serves `withDurableExecution(fn, { client })` and our `durable(wf, { client })`.
 * With a live clock the service's own timers fire mid-invocation: before each checkpoint is applied,
 * waits whose end has come are SUCCEEDED and retries whose time has come READY (PROTOCOL.md §6.3).
 */
import { randomUUID } from 'node:crypto'
import type { Operation, OperationUpdate } from '../../core/types.js'
import { registerService, unregisterService } from './fake-client.js'
import { VirtualClock } from './fake-clock.js'
import { invalidParameter, invalidToken } from './fake-errors.js'
import { FakeStore } from './fake-store.js'
import { dueItems } from './fake-timeline.js'
import { validateBatch } from './fake-validate.js'
import { toApi, toEvent } from './fake-wire.js'

export interface CheckpointInput {
  readonly DurableExecutionArn?: string
  readonly CheckpointToken?: string
  readonly ClientToken?: string
  readonly Updates?: readonly OperationUpdate[]
}
export interface GetStateInput {
  readonly DurableExecutionArn?: string
  readonly CheckpointToken?: string
  readonly Marker?: string
  readonly MaxItems?: number
}

/** One `CheckpointDurableExecution` call as the service received it (rejected ones included). */
export interface CheckpointCall {
  readonly invocation: number
  readonly updates: readonly OperationUpdate[]
  readonly error?: string
}

export interface FakeServiceOptions {
  readonly clock?: VirtualClock
  /** Operations carried in the invocation event before `NextMarker` (default 100). */
  readonly pageSize?: number
  readonly functionName?: string
  /** The raw `InputPayload` (a chained invoke's Payload); by default `JSON.stringify(input)`. */
  readonly inputPayload?: string
  /** Sees every checkpoint request before the service does; may throw to reject it (fault hooks go here). */
  readonly onCheckpoint?: (input: CheckpointInput, service: FakeService) => void | Promise<void>
}

export interface InvocationEvent {
  readonly DurableExecutionArn: string
  readonly CheckpointToken: string
  readonly InitialExecutionState: { readonly Operations: unknown[]; readonly NextMarker?: string }
  readonly UpdatedOperationIds?: readonly string[]
}

const MAX_ITEMS_DEFAULT = 100
const TIMER_SLACK_MS = 50
const MAX_ITEMS_LIMIT = 1000

export class FakeService {
  readonly clock: VirtualClock
  readonly arn: string
  readonly store: FakeStore
  readonly calls: CheckpointCall[] = []
  /** Every GetDurableExecutionState request, as received. */
  readonly stateRequests: GetStateInput[] = []
  /** The token each invocation's event carried, by invocation (index 0 = invocation 1). */
  readonly eventTokens: string[] = []
  invocation = 0
  readonly client = { send: (command: unknown): Promise<unknown> => this.send(command) }
  private liveTokens = new Set<string>()
  private currentToken: string | undefined
  private tokenSeq = 0
  private snapshot: Operation[] = []
  private readonly nonce = randomUUID()

  constructor(input: unknown, private readonly options: FakeServiceOptions = {}) {
    this.clock = options.clock ?? new VirtualClock()
    const fn = options.functionName ?? 'fake-fn'
    this.arn = `arn:aws:lambda:us-east-1:123456789012:function:${fn}:$LATEST/durable-execution/run/${this.nonce}`
    const payload = 'inputPayload' in options ? options.inputPayload : JSON.stringify(input ?? {})
    this.store = new FakeStore(randomUUID(), payload, this.clock.now())
    registerService(this)
  }

  /** Stops routing `fakeClient` calls to this execution (they then get a 404). */
  close(): void {
    unregisterService(this)
  }

  get finished(): boolean {
    return this.store.execution.Status !== 'STARTED'
  }

  /** Opens an invocation: fresh token, state snapshot, and the event the service would send. */
  beginInvocation(): InvocationEvent {
    this.clock.catchUp()
    this.invocation += 1
    this.liveTokens = new Set()
    const token = this.issueToken()
    this.eventTokens.push(token)
    const changed = this.store.drainChanged().filter((op) => op.Type !== 'EXECUTION').map((op) => op.Id)
    this.snapshot = this.store.visible()
    const pageSize = this.options.pageSize ?? MAX_ITEMS_DEFAULT
    const first = this.snapshot.slice(0, pageSize).map(toEvent)
    return {
      DurableExecutionArn: this.arn,
      CheckpointToken: token,
      InitialExecutionState: {
        Operations: first,
        ...(this.snapshot.length > pageSize ? { NextMarker: this.marker(pageSize) } : {}),
      },
      ...(this.invocation > 1 && changed.length > 0 ? { UpdatedOperationIds: changed } : {}),
    }
  }

  /** Closes the invocation: its tokens go stale, so a late checkpoint is rejected like a stale token. */
  endInvocation(): void {
    this.liveTokens = new Set()
    this.currentToken = undefined
  }

  async send(command: unknown): Promise<unknown> {
    const name = (command as { constructor?: { name?: string } })?.constructor?.name
    const input = (command as { input?: unknown })?.input
    if (name === 'CheckpointDurableExecutionCommand') return this.checkpoint(input as CheckpointInput)
    if (name === 'GetDurableExecutionStateCommand') return this.getState(input as GetStateInput)
    throw new Error(`fake service: unsupported command ${String(name)}`)
  }

  async checkpoint(input: CheckpointInput): Promise<unknown> {
    const updates = JSON.parse(JSON.stringify(input.Updates ?? [])) as OperationUpdate[]
    const call: { invocation: number; updates: OperationUpdate[]; error?: string } = {
      invocation: this.invocation,
      updates,
    }
    this.calls.push(call)
    try {
      await this.options.onCheckpoint?.(input, this)
      if (input.DurableExecutionArn !== this.arn) throw invalidParameter('Unknown durable execution.')
      if (this.finished || !input.CheckpointToken || input.CheckpointToken !== this.currentToken) throw invalidToken()
      this.fireDueTimers()
      validateBatch(updates, (id) => this.store.ops.get(id))
      for (const u of updates) this.store.apply(u, this.clock.now(), () => this.newCallbackId())
    } catch (e) {
      call.error = (e as Error).message
      throw e
    }
    const changed = this.store.drainChanged()
    return {
      $metadata: { httpStatusCode: 200 },
      CheckpointToken: this.issueToken(),
      NewExecutionState: { Operations: changed.map(toApi) },
    }
  }

  async getState(input: GetStateInput): Promise<unknown> {
    this.stateRequests.push({ ...input })
    if (input.DurableExecutionArn !== this.arn) throw invalidParameter('Unknown durable execution.')
    if (!input.CheckpointToken || !this.liveTokens.has(input.CheckpointToken)) throw invalidToken()
    const max = input.MaxItems === undefined || input.MaxItems === 0 ? MAX_ITEMS_DEFAULT : input.MaxItems
    if (!Number.isInteger(max) || max < 0 || max > MAX_ITEMS_LIMIT) throw invalidParameter('Invalid MaxItems.')
    const offset = input.Marker ? this.offsetOf(input.Marker) : 0
    const page = this.snapshot.slice(offset, offset + max)
    const next = offset + max < this.snapshot.length ? this.marker(offset + max) : undefined
    return {
      $metadata: { httpStatusCode: 200 },
      Operations: page.map(toApi),
      ...(next === undefined ? {} : { NextMarker: next }),
    }
  }

  /**
   * Only a live clock moves during an invocation; a frozen one never makes anything due here. An SDK
   * timer armed for an end time can fire a few ms early by Date.now() (Node measures timers from the
   * event loop's cached time), so what falls due within TIMER_SLACK_MS counts as due.
   */
  private fireDueTimers(): void {
    if (!this.clock.isLive) return
    const now = this.clock.now()
    for (const item of dueItems(this.store, [])) {
      if (item.at > now + TIMER_SLACK_MS) break
      if (item.kind === 'wait-end') this.store.resolve(item.id, 'SUCCEEDED', now)
      if (item.kind === 'retry-ready') this.store.resolve(item.id, 'READY', now)
    }
  }

  private issueToken(): string {
    const token = Buffer.from(`${this.nonce}:${this.invocation}:${++this.tokenSeq}`).toString('base64url')
    this.liveTokens.add(token)
    this.currentToken = token
    return token
  }

  private newCallbackId(): string {
    return Buffer.from(`${this.nonce}:${randomUUID()}`).toString('base64url')
  }

  private marker(offset: number): string {
    return Buffer.from(`${this.invocation}:${offset}`).toString('base64url')
  }

  private offsetOf(marker: string): number {
    const [inv, offset] = Buffer.from(marker, 'base64url').toString().split(':')
    if (Number(inv) !== this.invocation || !Number.isInteger(Number(offset))) throw invalidParameter('Invalid marker.')
    return Number(offset)
  }
}
