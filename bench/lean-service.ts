/**
 * A lean in-memory stand-in for the two service APIs both SDKs call (CheckpointDurableExecution,
 * GetDurableExecutionState) for one execution, used only by the benchmarks. Unlike
 * test/support/fake-service.ts it validates nothing and copies nothing it need not: it applies each
 * update to a plain map, rotates the token, answers the changed operations, and times itself, so
 * the report can show that the fake's own cost does not dominate the measurement.
 */
import { performance } from 'node:perf_hooks'

type Op = Record<string, unknown> & { Id: string; Type: string; Status: string }
interface Update {
  readonly Id: string
  readonly ParentId?: string
  readonly Type: string
  readonly SubType?: string
  readonly Action: string
  readonly Name?: string
  readonly Payload?: string
  readonly Error?: unknown
  readonly WaitOptions?: { readonly WaitSeconds?: number }
  readonly ContextOptions?: { readonly ReplayChildren?: boolean }
}
interface CheckpointInput {
  readonly CheckpointToken?: string
  readonly Updates?: readonly Update[]
}

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:bench-fn:$LATEST/durable-execution/bench/1'
const EXEC_ID = 'bench-exec-1'
const START = new Date('2026-01-01T00:00:00.000Z')

const STATUS_OF: Record<string, string> = { START: 'STARTED', SUCCEED: 'SUCCEEDED', FAIL: 'FAILED', RETRY: 'PENDING', CANCEL: 'CANCELLED' }

export class LeanService {
  readonly arn = ARN
  readonly ops = new Map<string, Op>()
  checkpointCalls = 0
  updates = 0
  stateCalls = 0
  /** Milliseconds spent inside this fake (send), summed over the run. */
  selfMs = 0
  private token = 0
  private invocation = 0
  readonly client = { send: (command: unknown): Promise<unknown> => this.send(command) }

  constructor(input: unknown = {}) {
    this.ops.set(EXEC_ID, {
      Id: EXEC_ID, Type: 'EXECUTION', Status: 'STARTED', StartTimestamp: START,
      ExecutionDetails: { InputPayload: JSON.stringify(input) },
    })
  }

  /** Seeds a recorded operation given in event (ISO) form. */
  seed(op: Op): void {
    this.ops.set(op.Id, op)
  }

  /** The invocation event: every operation inline (no paging), timestamps as ISO strings. */
  event(): Record<string, unknown> {
    this.invocation++
    const operations: unknown[] = []
    for (const op of this.ops.values()) operations.push(toIso(op))
    return {
      DurableExecutionArn: ARN,
      CheckpointToken: `tok-${this.invocation}-${++this.token}`,
      InitialExecutionState: { Operations: operations },
    }
  }

  /** Completes every started WAIT (the service-side timer firing); returns how many fired. */
  fireWaits(): number {
    let fired = 0
    for (const op of this.ops.values()) {
      if (op.Type === 'WAIT' && op.Status === 'STARTED') {
        this.ops.set(op.Id, { ...op, Status: 'SUCCEEDED', EndTimestamp: START })
        fired++
      }
    }
    return fired
  }

  async send(command: unknown): Promise<unknown> {
    const t0 = performance.now()
    try {
      const name = (command as { constructor: { name: string } }).constructor.name
      const input = (command as { input: unknown }).input
      if (name === 'CheckpointDurableExecutionCommand') return this.checkpoint(input as CheckpointInput)
      if (name === 'GetDurableExecutionStateCommand') {
        this.stateCalls++
        return { Operations: [] }
      }
      throw new Error(`lean service: unsupported command ${name}`)
    } finally {
      this.selfMs += performance.now() - t0
    }
  }

  private checkpoint(input: CheckpointInput): unknown {
    this.checkpointCalls++
    const changed: Op[] = []
    for (const u of input.Updates ?? []) {
      this.updates++
      const op = this.apply(u)
      if (op !== undefined) changed.push(op)
    }
    return {
      $metadata: { httpStatusCode: 200 },
      CheckpointToken: `tok-${this.invocation}-${++this.token}`,
      NewExecutionState: { Operations: changed },
    }
  }

  private apply(u: Update): Op | undefined {
    const old = this.ops.get(u.Id)
    if (u.Type === 'EXECUTION') return undefined
    const op: Op = old ? { ...old } : { Id: u.Id, Type: u.Type, Status: 'STARTED', StartTimestamp: START }
    if (!old) {
      if (u.ParentId !== undefined) op.ParentId = u.ParentId
      if (u.Name !== undefined) op.Name = u.Name
      if (u.SubType !== undefined) op.SubType = u.SubType
    }
    op.Status = STATUS_OF[u.Action] ?? 'STARTED'
    if (op.Status !== 'STARTED') op.EndTimestamp = START
    if (u.Type === 'WAIT' && u.Action === 'START') {
      op.WaitDetails = { ScheduledEndTimestamp: new Date(START.getTime() + (u.WaitOptions?.WaitSeconds ?? 0) * 1000) }
    } else if (u.Type === 'STEP' && u.Action !== 'START') {
      op.StepDetails = { Attempt: 1, ...(u.Payload === undefined ? {} : { Result: u.Payload }), ...(u.Error === undefined ? {} : { Error: u.Error }) }
    } else if (u.Type === 'CONTEXT' && u.Action !== 'START') {
      op.ContextDetails = {
        ...(u.Payload === undefined ? {} : { Result: u.Payload }),
        ...(u.Error === undefined ? {} : { Error: u.Error }),
        ...(u.ContextOptions?.ReplayChildren ? { ReplayChildren: true } : {}),
      }
    }
    this.ops.set(u.Id, op)
    return op
  }
}

const toIso = (op: Op): Op => {
  const out: Op = { ...op }
  for (const key of ['StartTimestamp', 'EndTimestamp'] as const) {
    const v = out[key]
    if (v instanceof Date) out[key] = v.toISOString()
  }
  const wait = out.WaitDetails as { ScheduledEndTimestamp?: unknown } | undefined
  if (wait?.ScheduledEndTimestamp instanceof Date) out.WaitDetails = { ScheduledEndTimestamp: wait.ScheduledEndTimestamp.toISOString() }
  return out
}
