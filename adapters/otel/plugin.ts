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

export function otelPlugin(options: OtelPluginOptions = {}): DurableInstrumentationPlugin {
  const tracer = options.tracer ?? trace.getTracer('durable-yield')
  const store = new AsyncLocalStorage<InvocationState>()
  const opened = new WeakMap<InvocationInfo, InvocationState>()
  let last: InvocationState | undefined
  const current = (): InvocationState | undefined => store.getStore() ?? last

  const parentOf = (state: InvocationState, info: OperationInfo): Span =>
    (info.parentId !== undefined ? state.operations.get(info.parentId) : undefined) ?? state.span

  const startOperation = (state: InvocationState, info: OperationInfo): Span => {
    const span = tracer.startSpan(operationName(info), { attributes: operationAttributes(state.arn, info) }, trace.setSpan(context.active(), parentOf(state, info)))
    state.operations.set(info.id, span)
    return span
  }

  return {
    onInvocationStart(info: InvocationInfo) {
      const span = tracer.startSpan('durable.invocation', {
        attributes: {
          [Attr.EXECUTION_ARN]: info.executionArn,
          [Attr.REQUEST_ID]: info.requestId,
          [Attr.FIRST_INVOCATION]: info.isFirstInvocation,
          [Attr.UPDATED_OPERATIONS]: Object.keys(info.updatedOperations).length,
        },
      })
      const state: InvocationState = { arn: info.executionArn, span, operations: new Map(), attempts: new Map() }
      opened.set(info, state)
      last = state
    },
    wrapInvocation(info, fn) {
      const state = opened.get(info)
      if (state === undefined) return fn()
      return store.run(state, () => context.with(trace.setSpan(context.active(), state.span), fn))
    },
    onInvocationEnd(info: InvocationEndInfo) {
      const state = current()
      if (state === undefined) return
      for (const [id, span] of state.operations) {
        span.setAttribute(Attr.OPERATION_SUSPENDED, true)
        span.end()
        state.operations.delete(id)
      }
      state.span.setAttribute(Attr.INVOCATION_STATUS, info.status)
      if (info.status === 'FAILED' || info.status === 'RETRYING') fail(state.span, info.executionError)
      state.span.end()
      if (last === state) last = undefined
    },
    onOperationStart(info: OperationInfo) {
      const state = current()
      if (state !== undefined) startOperation(state, info)
    },
    onOperationEnd(info: OperationInfo) {
      const state = current()
      if (state === undefined) return
      // An end without a start in this invocation (a wait or callback found finished) gets its own span.
      const started = state.operations.get(info.id)
      const span = started ?? startOperation(state, info)
      const { [Attr.OPERATION_REPLAY]: _replay, ...attributes } = operationAttributes(state.arn, info)
      // A span opened by this invocation keeps the replay flag of its start (a resumed retry stays a replay).
      span.setAttributes(started === undefined ? { ...attributes, [Attr.OPERATION_REPLAY]: info.isReplay } : attributes)
      if (info.status === 'FAILED' || info.status === 'TIMED_OUT' || info.error !== undefined) fail(span, info.error)
      span.end()
      state.operations.delete(info.id)
    },
    onOperationAttemptStart(info: AttemptInfo) {
      const state = current()
      if (state === undefined) return
      const parent = state.operations.get(info.id) ?? state.span
      const span = tracer.startSpan(`${operationName(info)} attempt ${info.attempt}`, { attributes: operationAttributes(state.arn, info) }, trace.setSpan(context.active(), parent))
      state.attempts.set(info.id, span)
    },
    wrapOperationAttemptFn(info: AttemptInfo, fn) {
      const span = current()?.attempts.get(info.id)
      return span === undefined ? fn() : context.with(trace.setSpan(context.active(), span), fn)
    },
    wrapChildContextFn(info: ChildContextInfo, fn) {
      const span = current()?.operations.get(info.id)
      return span === undefined ? fn() : context.with(trace.setSpan(context.active(), span), fn)
    },
    onOperationAttemptEnd(info: AttemptEndInfo) {
      const state = current()
      const span = state?.attempts.get(info.id)
      if (state === undefined || span === undefined) return
      span.setAttributes({ ...operationAttributes(state.arn, info), [Attr.ATTEMPT_OUTCOME]: info.outcome })
      if (info.outcome === 'FAILED') fail(span, info.error)
      span.end()
      state.attempts.delete(info.id)
    },
  }
}
