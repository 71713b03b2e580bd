/**
 * Runs a scenario (a Lambda handler plus its scripted outside world) under the official testing
 * library's `LocalDurableTestRunner`, which injects `event.durableExecutionClient` and plays the
 * service in a worker thread. Chained-invoke targets are registered as durable functions; each
 * scripted callback is answered through the runner's callback API once the operation that owns it
 * (located by name) has started; a callback scripted to time out is left alone, for the runner's own
 * (real-time) timer to time out. It returns what the runner reports, as plain data that compares
 * with deep equality: status, result, error, invocation count and the operation list in execution
 * order (service-chosen callback ids, error stacks and timestamps replaced).
 */
import { LocalDurableTestRunner, WaitingOperationStatus } from '@aws/durable-execution-sdk-js-testing'
import type { CallbackScript, Scenario } from '../support/scenario-types.js'

/** One operation as the runner reports it, without what legitimately differs between runs. */
export interface OperationRow {
  readonly id: string | undefined
  readonly parentId: string | undefined
  readonly name: string | undefined
  readonly type: string | undefined
  readonly subType: string | undefined
  readonly status: string | undefined
  readonly details: unknown
}

export interface RunnerOutcome {
  readonly status: string
  readonly result?: unknown
  readonly error?: unknown
  readonly invocations: number
  readonly operations: readonly OperationRow[]
}

/** How the test answers the n-th answered callback (timeouts take none): the operation exposing it. */
export interface CallbackLocator {
  /** `createCallback(name)` → the CALLBACK's name; `waitForCallback(name)` → the context's name. */
  readonly operationName: string
  /** waitForCallback: answer once the submitter has run (the runner's SUBMITTED), else once STARTED. */
  readonly waitFor: 'STARTED' | 'SUBMITTED'
}

type Runner = InstanceType<typeof LocalDurableTestRunner>
type Handler = Parameters<Runner['registerDurableFunction']>[1]

const realSetTimeout = setTimeout

/**
 * Starts the runner's checkpoint server (a worker thread) and installs its fake timers, process-wide:
 * call it in a process of its own (runner-child.ts). The worker inherits the parent's Node options,
 * and under `npm test` (`node --input-type=module -e …`) it cannot start at all.
 */
export const startRunnerEnvironment = (): Promise<void> => LocalDurableTestRunner.setupTestEnvironment({ skipTime: true })
export const stopRunnerEnvironment = (): Promise<void> => LocalDurableTestRunner.teardownTestEnvironment()

/**
 * skipTime fakes `setImmediate` too, and the fake clock only advances every 20 ms of real time, so
 * every macrotask hop of either SDK costs 20 ms. While a run is in progress this pump fires the fake
 * timers that are already due (`tick(0)`: no fake time passes) every real millisecond.
 */
const pump = (): (() => void) => {
  const clock = (setImmediate as unknown as { clock?: { tick(ms: number): void } }).clock
  let running = clock !== undefined
  const loop = (): void => {
    if (!running) return
    clock?.tick(0)
    realSetTimeout(loop, 1)
  }
  realSetTimeout(loop, 1)
  return () => {
    running = false
  }
}

export const runUnderOfficialRunner = async (scenario: Scenario, locators: readonly CallbackLocator[] = []): Promise<RunnerOutcome> => {
  const runner = new LocalDurableTestRunner({ handlerFunction: scenario.handler as Handler })
  for (const [name, target] of Object.entries(scenario.invokeTargets ?? {})) runner.registerDurableFunction(name, target as Handler)
  // Nobody answers a callback scripted to time out: the runner times it out itself.
  const scripts = (scenario.callbacks ?? []).filter((s): s is Answer => s.outcome !== 'timeout')
  if (scripts.length !== locators.length) throw new Error(`${scenario.name}: ${scripts.length} answered callbacks, ${locators.length} locators`)
  const answered = scripts.map((script, i) => answer(runner, script, locators[i]!))
  const stop = pump()
  const execution = await runner.run({ payload: scenario.input }).finally(stop)
  await Promise.all(answered)
  const status = execution.getStatus() ?? 'UNKNOWN'
  return {
    status,
    ...(status === 'SUCCEEDED' ? { result: execution.getResult() } : { error: execution.getError() }),
    invocations: execution.getInvocations().length,
    operations: rows(execution.getOperations().map((op) => op.getOperationData())),
  }
}

type Answer = Exclude<CallbackScript, { outcome: 'timeout' }>

const answer = async (runner: Runner, script: Answer, locator: CallbackLocator): Promise<void> => {
  const op = runner.getOperation(locator.operationName)
  await op.waitForData(WaitingOperationStatus[locator.waitFor])
  if (script.outcome === 'succeed') await op.sendCallbackSuccess(script.result)
  else {
    const { StackTrace: stack, ...error } = script.error
    await op.sendCallbackFailure(stack === undefined ? error : { ...error, StackTrace: [...stack] })
  }
}

const TIMESTAMPS = new Set(['StartTimestamp', 'EndTimestamp', 'NextAttemptTimestamp', 'ScheduledEndTimestamp'])
/** Error stacks inside JSON payloads (allSettled rejections) name files and lines of either SDK. */
const STACK = /"stack":"(?:[^"\\]|\\.)*"/g

type OperationData = NonNullable<ReturnType<ReturnType<Runner['getOperation']>['getOperationData']>>

const rows = (ops: readonly (OperationData | undefined)[]): OperationRow[] => {
  const ids = ops.flatMap((op) => (op?.CallbackDetails?.CallbackId === undefined ? [] : [op.CallbackDetails.CallbackId]))
  return ops.map((op) => {
    const { Id, ParentId, Name, Type, SubType, Status, ...rest } = op ?? {}
    return { id: Id, parentId: ParentId, name: Name, type: Type, subType: SubType, status: Status, details: scrub(rest, ids) }
  })
}

/** Timestamps become `<ts>`; callback ids (service-chosen) become `<callback-n>` wherever they appear. */
const scrub = (value: unknown, callbackIds: readonly string[], key?: string): unknown => {
  if (key !== undefined && TIMESTAMPS.has(key)) return '<ts>'
  if (typeof value === 'string') {
    return callbackIds.reduce((s, id, i) => s.split(id).join(`<callback-${i + 1}>`), value.replace(STACK, '"stack":"<stack>"'))
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, callbackIds))
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, scrub(v, callbackIds, k)]))
}
