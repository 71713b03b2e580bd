/**
 * The driver: plays the Lambda durable-execution service around a handler from start to end. It opens
 * an invocation (fresh token, event as the service builds it), calls `handler(event, lambdaContext)`,
 * records the Updates of every checkpoint and the output (or the thrown error), and after PENDING
 * fires what is due next on the virtual clock (fake-timeline) and re-invokes; a thrown invocation is
 * retried as Lambda would. A chained invoke runs its target as a child scenario on the same clock.
 * It stops at SUCCEEDED/FAILED, when nothing is due, or after `maxInvocations`.
 */
import { randomUUID } from 'node:crypto'
import type { InvocationOutput, OperationUpdate } from '../../core/types.js'
import { VirtualClock } from './fake-clock.js'
import { FakeService, type FakeServiceOptions } from './fake-service.js'
import { dueItems, type DueItem } from './fake-timeline.js'
import type { CallbackScript, InvocationRecord, LambdaHandler, Recording, RunStats } from './scenario-types.js'

export interface RunOptions {
  readonly handler: LambdaHandler
  readonly input?: unknown
  readonly callbacks?: readonly CallbackScript[]
  readonly invokeTargets?: Readonly<Record<string, LambdaHandler>>
  /** Default 50. */
  readonly maxInvocations?: number
  /** Operations in the invocation event before `NextMarker` (default 100). */
  readonly pageSize?: number
  readonly clock?: VirtualClock
  /** Without `clock`: a clock that follows the wall clock during invocations (VirtualClock.live). */
  readonly liveClock?: boolean
  readonly onCheckpoint?: FakeServiceOptions['onCheckpoint']
  /** Lambda timeout seen through `getRemainingTimeInMillis` (default 15 minutes). */
  readonly invocationTimeoutMs?: number
  /** Internal: the raw input payload of a chained-invoke child. */
  readonly inputPayload?: string
  /** Gets the service before the first invocation (to inspect it, or to seed state in a test). */
  readonly onService?: (service: FakeService) => void
}

export const lambdaContext = (timeoutMs = 15 * 60_000): Record<string, unknown> => {
  const deadline = Date.now() + timeoutMs
  return {
    functionName: 'fake-fn',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fake-fn',
    memoryLimitInMB: '128',
    awsRequestId: randomUUID(),
    logGroupName: '/aws/lambda/fake-fn',
    logStreamName: 'fake-stream',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  }
}

export const runScenario = async (options: RunOptions): Promise<Recording> => {
  const clock = options.clock ?? (options.liveClock === true ? VirtualClock.live() : new VirtualClock())
  const service = new FakeService(options.input, {
    clock,
    pageSize: options.pageSize,
    onCheckpoint: options.onCheckpoint,
    ...('inputPayload' in options ? { inputPayload: options.inputPayload } : {}),
  })
  options.onService?.(service)
  try {
    return await drive(service, options)
  } finally {
    service.close()
  }
}

const drive = async (service: FakeService, options: RunOptions): Promise<Recording> => {
  const invocations: InvocationRecord[] = []
  const children: Recording[] = []
  const max = options.maxInvocations ?? 50
  let stopReason: Recording['stopReason'] = 'max-invocations'
  while (invocations.length < max) {
    const record = await invokeOnce(service, options)
    invocations.push(record)
    if (service.finished) {
      stopReason = 'completed'
      break
    }
    if (record.thrown || !isOutput(record.output)) continue
    if (record.output.Status !== 'PENDING') {
      service.store.finishFromResponse(record.output.Status, record.output.Result, service.clock.now())
      stopReason = 'completed'
      break
    }
    if (invocations.length >= max) break
    if (!(await fireNext(service, options, children))) {
      stopReason = 'nothing-due'
      break
    }
  }
  return recordingOf(service, invocations, children, stopReason)
}

const invokeOnce = async (service: FakeService, options: RunOptions): Promise<InvocationRecord> => {
  const event = service.beginInvocation()
  const n = service.invocation
  let output: InvocationOutput | undefined
  let thrown: InvocationRecord['thrown']
  try {
    output = wireCopy(await options.handler(event, lambdaContext(options.invocationTimeoutMs))) as InvocationOutput
  } catch (e) {
    thrown = { name: (e as Error)?.name ?? 'Error', message: (e as Error)?.message ?? String(e) }
  }
  service.endInvocation()
  const calls = service.calls.filter((c) => c.invocation === n)
  return {
    requests: calls.map((c) => c.updates),
    ...(output === undefined ? {} : { output }),
    ...(thrown === undefined ? {} : { thrown }),
    rejections: calls.flatMap((c) => (c.error === undefined ? [] : [c.error])),
  }
}

const isOutput = (o: unknown): o is InvocationOutput =>
  typeof o === 'object' && o !== null && ['SUCCEEDED', 'FAILED', 'PENDING'].includes((o as InvocationOutput).Status)

/** Advances the clock to the earliest due item and fires everything due by then; false if nothing is due. */
const fireNext = async (service: FakeService, options: RunOptions, children: Recording[]): Promise<boolean> => {
  const due = dueItems(service.store, options.callbacks ?? [])
  const first = due[0]
  if (!first) return false
  service.clock.advanceTo(first.at)
  for (const item of due.filter((d) => d.at <= service.clock.now())) await fire(service, item, options, children)
  return true
}

const fire = async (service: FakeService, item: DueItem, options: RunOptions, children: Recording[]): Promise<void> => {
  const { store, clock } = service
  if (item.kind === 'wait-end') return store.resolve(item.id, 'SUCCEEDED', clock.now())
  if (item.kind === 'retry-ready') return store.resolve(item.id, 'READY', clock.now())
  if (item.kind === 'callback') return store.resolve(item.id, item.status, clock.now(), item.outcome)
  const extra = store.extra.get(item.id) ?? {}
  const target = options.invokeTargets?.[extra.functionName ?? '']
  if (!target) {
    const error = { ErrorType: 'ResourceNotFoundException', ErrorMessage: `Function not found: ${extra.functionName}` }
    return store.resolve(item.id, 'FAILED', clock.now(), { Error: error })
  }
  const child = await runScenario({ handler: target, inputPayload: extra.invokePayload, clock, invokeTargets: options.invokeTargets })
  children.push(child)
  if (child.status === 'SUCCEEDED') {
    return store.resolve(item.id, 'SUCCEEDED', clock.now(), child.result === undefined ? {} : { Result: child.result })
  }
  if (child.status === 'FAILED') return store.resolve(item.id, 'FAILED', clock.now(), child.error ? { Error: child.error } : {})
  store.resolve(item.id, 'TIMED_OUT', clock.now(), { Error: { ErrorType: 'Sandbox.Timedout', ErrorMessage: 'Chained execution did not finish' } })
}

const recordingOf = (
  service: FakeService,
  invocations: InvocationRecord[],
  children: Recording[],
  stopReason: Recording['stopReason'],
): Recording => {
  const exec = service.store.execution
  const status = exec.Status === 'SUCCEEDED' || exec.Status === 'FAILED' ? exec.Status : 'RUNNING'
  const last = invocations[invocations.length - 1]?.output
  const result = service.store.executionResult
  return {
    status,
    stopReason,
    ...(result === undefined ? {} : { result }),
    ...(status === 'FAILED' && last?.Error ? { error: last.Error } : {}),
    invocations,
    operations: [...service.store.ops.values()],
    stats: statsOf(service, invocations),
    children,
  }
}

const statsOf = (service: FakeService, invocations: InvocationRecord[]): RunStats => {
  const all: (readonly OperationUpdate[])[] = service.calls.map((c) => c.updates)
  return {
    invocations: invocations.length,
    checkpointCalls: all.length,
    updates: all.reduce((n, u) => n + u.length, 0),
    updateBytes: all.reduce((n, u) => n + Buffer.byteLength(JSON.stringify(u), 'utf8'), 0),
    stateCalls: service.stateRequests.length,
  }
}

/** What Lambda would put on the wire: JSON drops `undefined` members. */
const wireCopy = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)))
