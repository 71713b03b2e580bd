// An in-memory ConformanceTarget for the validator's tests: scripted handlers append history events,
// callbacks and timers run on a virtual clock that only moves when the validator sleeps.
import type { CallbackFailurePayload } from '../../../cli/conformance/requirement.js'
import type { ConformanceTarget, ExecutionStarted } from '../../../cli/conformance/target.js'
import type { FunctionMapping } from '../../../cli/conformance/template.js'

export type CallbackOutcome = { readonly kind: 'success'; readonly result?: string | undefined } | { readonly kind: 'failure'; readonly error: CallbackFailurePayload } | { readonly kind: 'timeout' }

export interface ScriptContext {
  readonly arn: string
  event(eventType: string, fields?: Record<string, unknown>): void
  succeed(result: unknown): void
  fail(errorType: string, errorMessage?: string): void
  log(fields: Record<string, unknown>): void
  after(seconds: number, action: () => void): void
  callback(options: { name?: string; parentId?: string; timeout?: number; heartbeatTimeout?: number }, onOutcome: (outcome: CallbackOutcome) => void): string
}

export type Script = (context: ScriptContext, input: unknown) => void

interface Execution {
  readonly arn: string
  readonly events: Record<string, unknown>[]
  status: string
  result?: string
  readonly logs: string[]
}

interface OpenCallback {
  readonly onOutcome: (outcome: CallbackOutcome) => void
  deadline: number
  readonly heartbeatTimeout: number
  open: boolean
}

export class FakeTarget implements ConformanceTarget {
  nowMs = 0
  readonly calls: string[] = []
  private readonly executions = new Map<string, Execution>()
  private readonly timers: { at: number; action: () => void }[] = []
  private readonly callbacks = new Map<string, OpenCallback>()
  private counter = 0
  readonly clock = {
    now: () => this.nowMs,
    sleep: async (seconds: number) => this.advance(seconds * 1000),
  }

  constructor(private readonly scripts: Readonly<Record<string, Script>>) {}

  private advance(ms: number): void {
    const until = this.nowMs + ms
    for (;;) {
      this.timers.sort((left, right) => left.at - right.at)
      const next = this.timers[0]
      if (next === undefined || next.at > until) break
      this.timers.shift()
      this.nowMs = next.at
      next.action()
    }
    this.nowMs = until
  }

  private start(fn: FunctionMapping, input: unknown): Execution {
    const script = this.scripts[fn.handler]
    if (script === undefined) throw new Error(`handler ${fn.handler} is not exported by the handlers module`)
    const arn = `arn:aws:lambda:us-east-1:000000000000:function:${fn.functionLogicalId}:$LATEST/durable-execution/run/${++this.counter}`
    const execution: Execution = { arn, events: [], status: 'RUNNING', logs: [] }
    this.executions.set(arn, execution)
    const context = this.contextFor(execution)
    context.event('ExecutionStarted', { Id: 'exec', ExecutionStartedDetails: { Input: { Payload: JSON.stringify(input) } } })
    script(context, input)
    return execution
  }

  private contextFor(execution: Execution): ScriptContext {
    const target = this
    return {
      arn: execution.arn,
      event(eventType, fields = {}) {
        execution.events.push({ EventType: eventType, EventId: execution.events.length + 1, EventTimestamp: new Date(target.nowMs).toISOString(), ...fields })
      },
      succeed(result) {
        execution.status = 'SUCCEEDED'
        execution.result = JSON.stringify(result)
        this.event('ExecutionSucceeded', { ExecutionSucceededDetails: { Result: { Payload: execution.result } } })
      },
      fail(errorType, errorMessage) {
        execution.status = 'FAILED'
        this.event('ExecutionFailed', { ExecutionFailedDetails: { Error: { Payload: { ErrorType: errorType, ...(errorMessage !== undefined && { ErrorMessage: errorMessage }) } } } })
      },
      log(fields) {
        execution.logs.push(JSON.stringify({ durableExecutionArn: execution.arn, ...fields }))
      },
      after(seconds, action) {
        target.timers.push({ at: target.nowMs + seconds * 1000, action })
      },
      callback(options, onOutcome) {
        const callbackId = `cbid-${++target.counter}`
        const heartbeatTimeout = (options.heartbeatTimeout ?? 0) * 1000
        const timeout = (options.timeout ?? 0) * 1000
        const deadline = [timeout, heartbeatTimeout].filter((ms) => ms > 0).map((ms) => target.nowMs + ms)
        const open: OpenCallback = { onOutcome, deadline: Math.min(Infinity, ...deadline), heartbeatTimeout, open: true }
        target.callbacks.set(callbackId, open)
        const watch = () => {
          if (!open.open) return
          if (target.nowMs >= open.deadline) {
            open.open = false
            onOutcome({ kind: 'timeout' })
          } else target.timers.push({ at: open.deadline, action: watch })
        }
        if (Number.isFinite(open.deadline)) target.timers.push({ at: open.deadline, action: watch })
        this.event('CallbackStarted', {
          SubType: 'Callback',
          Id: `op-${callbackId}`,
          ...(options.name !== undefined && { Name: options.name }),
          ...(options.parentId !== undefined && { ParentId: options.parentId }),
          CallbackStartedDetails: { CallbackId: callbackId, ...(options.timeout && { Timeout: options.timeout }), ...(options.heartbeatTimeout && { HeartbeatTimeout: options.heartbeatTimeout }) },
        })
        return callbackId
      },
    }
  }

  private openCallback(callbackId: string): OpenCallback {
    const callback = this.callbacks.get(callbackId)
    if (callback === undefined || !callback.open) throw new Error(`callback ${callbackId} is not open`)
    return callback
  }

  async invokeSync(fn: FunctionMapping, input: unknown): Promise<ExecutionStarted> {
    const execution = this.start(fn, input)
    while (execution.status === 'RUNNING' && this.timers.length > 0) this.advance(1000)
    return { executionArn: execution.arn }
  }
  async invokeAsync(fn: FunctionMapping, input: unknown): Promise<ExecutionStarted> {
    return { executionArn: this.start(fn, input).arn }
  }
  async getHistory(executionArn: string): Promise<readonly unknown[]> {
    return structuredClone(this.executions.get(executionArn)?.events ?? [])
  }
  async getExecution(executionArn: string) {
    const execution = this.executions.get(executionArn)
    return { Status: execution?.status ?? 'UNKNOWN', Result: execution?.result }
  }
  async sendCallbackSuccess(callbackId: string, result: string | undefined): Promise<void> {
    this.calls.push(`t=${this.nowMs / 1000} success ${callbackId} ${result}`)
    const callback = this.openCallback(callbackId)
    callback.open = false
    callback.onOutcome({ kind: 'success', result })
  }
  async sendCallbackFailure(callbackId: string, error: CallbackFailurePayload): Promise<void> {
    this.calls.push(`t=${this.nowMs / 1000} failure ${callbackId} ${JSON.stringify(error)}`)
    const callback = this.openCallback(callbackId)
    callback.open = false
    callback.onOutcome({ kind: 'failure', error })
  }
  async sendCallbackHeartbeat(callbackId: string): Promise<void> {
    this.calls.push(`t=${this.nowMs / 1000} heartbeat ${callbackId}`)
    const callback = this.openCallback(callbackId)
    if (callback.heartbeatTimeout > 0) callback.deadline = this.nowMs + callback.heartbeatTimeout
  }
  async readLogLines(executionArn: string): Promise<readonly string[]> {
    return this.executions.get(executionArn)?.logs ?? []
  }
}
