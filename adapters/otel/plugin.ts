/**
 * An OpenTelemetry instrumentation plugin: one span per invocation, per operation and per attempt,
 * built on `@opentelemetry/api` only (bring your own SDK and exporter). Spans are parented
 * explicitly (attempt → operation → its parent context's operation → invocation), so the tree is
 * right without a context manager; with one, user code inside an attempt or a context body also
 * runs under its span. An operation still open when the invocation ends (a wait, a retry) is ended
 * with it and marked suspended; replayed operations carry `durable.operation.replay = true`, so
 * they can be told from new work. State is kept per invocation (AsyncLocalStorage), so concurrent
 * executions in one process never mix their spans.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { context, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api'
import type {
  AttemptEndInfo,
  AttemptInfo,
  ChildContextInfo,
  DurableInstrumentationPlugin,
  InvocationEndInfo,
  InvocationInfo,
  OperationInfo,
} from '../../shell/plugins/types.js'
import { Attr } from './attributes.js'

export interface OtelPluginOptions {
  /** Default: `trace.getTracer('durable-yield')` from the global tracer provider. */
  readonly tracer?: Tracer
}

interface InvocationState {
  readonly arn: string
  readonly span: Span
  readonly operations: Map<string, Span>
  readonly attempts: Map<string, Span>
}

const operationName = (info: OperationInfo): string => (info.name === undefined ? info.type : `${info.type} ${info.name}`)

function operationAttributes(arn: string, info: OperationInfo): Attributes {
  const attributes: Attributes = {
    [Attr.EXECUTION_ARN]: arn,
    [Attr.OPERATION_ID]: info.id,
    [Attr.OPERATION_TYPE]: info.type,
    [Attr.OPERATION_REPLAY]: info.isReplay,
  }
  if (info.parentId !== undefined) attributes[Attr.OPERATION_PARENT_ID] = info.parentId
  if (info.subType !== undefined) attributes[Attr.OPERATION_SUB_TYPE] = info.subType
  if (info.name !== undefined) attributes[Attr.OPERATION_NAME] = info.name
  if (info.status !== undefined) attributes[Attr.OPERATION_STATUS] = info.status
  if (info.attempt !== undefined) attributes[Attr.OPERATION_ATTEMPT] = info.attempt
  return attributes
}

function fail(span: Span, error: Error | undefined): void {
  if (error !== undefined) span.recordException(error)
  span.setStatus({ code: SpanStatusCode.ERROR, ...(error !== undefined ? { message: error.message } : {}) })
}

/** The plugin as a class: hooks are methods, so both SDKs' runners call them with `this` bound. */
export class OtelPlugin implements DurableInstrumentationPlugin {
  private readonly tracer: Tracer
  private readonly store = new AsyncLocalStorage<InvocationState>()
  private readonly opened = new WeakMap<InvocationInfo, InvocationState>()
  private last: InvocationState | undefined

  constructor(options: OtelPluginOptions = {}) {
    this.tracer = options.tracer ?? trace.getTracer('durable-yield')
  }

  async onInvocationStart(info: InvocationInfo): Promise<void> {
    const span = this.tracer.startSpan('durable.invocation', {
      attributes: {
        [Attr.EXECUTION_ARN]: info.executionArn,
        [Attr.REQUEST_ID]: info.requestId,
        [Attr.FIRST_INVOCATION]: info.isFirstInvocation,
        [Attr.UPDATED_OPERATIONS]: Object.keys(info.updatedOperations).length,
      },
    })
    const state: InvocationState = { arn: info.executionArn, span, operations: new Map(), attempts: new Map() }
    this.opened.set(info, state)
    this.last = state
  }

  /** Generic in the output type, so the plugin also types against the official SDK's contract. */
  wrapInvocation<T>(info: InvocationInfo, fn: () => Promise<T>): Promise<T> {
    const state = this.opened.get(info)
    if (state === undefined) return fn()
    return this.store.run(state, () => context.with(trace.setSpan(context.active(), state.span), fn))
  }

  async onInvocationEnd(info: InvocationEndInfo): Promise<void> {
    const state = this.current()
    if (state === undefined) return
    for (const span of state.operations.values()) {
      span.setAttribute(Attr.OPERATION_SUSPENDED, true)
      span.end()
    }
    state.operations.clear()
    state.span.setAttribute(Attr.INVOCATION_STATUS, info.status)
    if (info.status === 'FAILED' || info.status === 'RETRYING') fail(state.span, info.executionError)
    state.span.end()
    if (this.last === state) this.last = undefined
  }

  async onOperationStart(info: OperationInfo): Promise<void> {
    const state = this.current()
    if (state !== undefined) this.startOperation(state, info)
  }

  async onOperationEnd(info: OperationInfo): Promise<void> {
    const state = this.current()
    if (state === undefined) return
    // An end without a start in this invocation (a wait or callback found finished) gets its own span.
    const started = state.operations.get(info.id)
    const span = started ?? this.startOperation(state, info)
    const { [Attr.OPERATION_REPLAY]: _replay, ...attributes } = operationAttributes(state.arn, info)
    // A span opened by this invocation keeps the replay flag of its start (a resumed retry stays a replay).
    span.setAttributes(started === undefined ? { ...attributes, [Attr.OPERATION_REPLAY]: info.isReplay } : attributes)
    if (info.status === 'FAILED' || info.status === 'TIMED_OUT' || info.error !== undefined) fail(span, info.error)
    span.end()
    state.operations.delete(info.id)
  }

  async onOperationAttemptStart(info: AttemptInfo): Promise<void> {
    const state = this.current()
    if (state === undefined) return
    const parent = state.operations.get(info.id) ?? state.span
    const attributes = operationAttributes(state.arn, info)
    state.attempts.set(info.id, this.tracer.startSpan(`${operationName(info)} attempt ${info.attempt}`, { attributes }, trace.setSpan(context.active(), parent)))
  }

  wrapOperationAttemptFn(info: AttemptInfo, fn: () => unknown): unknown {
    const span = this.current()?.attempts.get(info.id)
    return span === undefined ? fn() : context.with(trace.setSpan(context.active(), span), fn)
  }

  wrapChildContextFn(info: ChildContextInfo, fn: () => unknown): unknown {
    const span = this.current()?.operations.get(info.id)
    return span === undefined ? fn() : context.with(trace.setSpan(context.active(), span), fn)
  }

  async onOperationAttemptEnd(info: AttemptEndInfo): Promise<void> {
    const state = this.current()
    const span = state?.attempts.get(info.id)
    if (state === undefined || span === undefined) return
    span.setAttributes({ ...operationAttributes(state.arn, info), [Attr.ATTEMPT_OUTCOME]: info.outcome })
    if (info.outcome === 'FAILED') fail(span, info.error)
    span.end()
    state.attempts.delete(info.id)
  }

  private current(): InvocationState | undefined {
    return this.store.getStore() ?? this.last
  }

  private startOperation(state: InvocationState, info: OperationInfo): Span {
    const parent = (info.parentId !== undefined ? state.operations.get(info.parentId) : undefined) ?? state.span
    const span = this.tracer.startSpan(operationName(info), { attributes: operationAttributes(state.arn, info) }, trace.setSpan(context.active(), parent))
    state.operations.set(info.id, span)
    return span
  }
}

export function otelPlugin(options: OtelPluginOptions = {}): OtelPlugin {
  return new OtelPlugin(options)
}
