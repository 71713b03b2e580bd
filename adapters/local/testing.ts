/**
 * `durable-yield/testing`: run a durable handler (ours or the official SDK's) on the embedded engine
 * from a test. `runLocal` runs one execution to the end, answering named callbacks as they start;
 * `createLocalRunner` gives step-by-step control (start, run until idle, complete/fail/heartbeat a
 * callback, advance the virtual clock, look up an operation). The CLI's `run` command uses the same
 * runner, so what a test sees is what `durable-yield run` prints.
 */
import type { ErrorObject, Operation } from '../../core/types.js'
import type { DurableInstrumentationPlugin } from '../../shell/plugins/types.js'
import { type Clock, createRealClock, createVirtualClock, type VirtualClock } from './clock.js'
import { createEngine, type Engine } from './engine.js'
import {
  createRegistryInvoker,
  type DurableExecutionClient,
  DurableExecutionInvocationInputWithClient,
  type Handler,
  type InvocationInput,
} from './invocation-event.js'
import { createMemoryStore } from './store-memory.js'
import type { Store } from './store.js'

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'STOPPED'

/** How `runLocal` answers a callback when it starts: `succeed` payloads that are not strings are JSON-encoded. */
export type CallbackAnswer = { readonly succeed: unknown } | { readonly fail: ErrorObject }

export interface RunLocalOptions {
  /** Virtual clock that jumps over waits, retries and timeouts (default false: real time). */
  readonly skipTime?: boolean
  /** Callback name (the callback's own name, or its waitForCallback's name) → answer given on start. */
  readonly callbacks?: Readonly<Record<string, CallbackAnswer>>
  /** Function name → handler, for chained `invoke` targets. */
  readonly invokeTargets?: Readonly<Record<string, Handler>>
  /**
   * Instrumentation plugins (official SDK 2.4 contract) for handlers made with `durable()`, run after
   * the handler's own `plugins`; they reach the handler on the invocation event (a non-enumerable key).
   */
  readonly plugins?: readonly DurableInstrumentationPlugin[]
}

/** The event key `durable()` reads test-runner plugins from (a global symbol: no import cycle). */
export const PLUGINS_KEY = Symbol.for('durable-yield.plugins')

export interface LocalRunnerOptions extends RunLocalOptions {
  /** Default: memory store. */
  readonly store?: Store
  /** Default: a virtual clock (skipping time only with `skipTime`); `realTime` uses the wall clock. */
  readonly realTime?: boolean
  /** Name the handler is registered under (default `handler`). */
  readonly functionName?: string
  /** Called after every checkpoint and invocation with the execution's operations. */
  readonly onOperations?: (operations: readonly Operation[]) => void
}

export interface LocalResult {
  readonly arn: string
  readonly status: ExecutionStatus
  /** The execution result, JSON-decoded when it is JSON. */
  readonly result: unknown
  readonly error: ErrorObject | undefined
  readonly operations: readonly Operation[]
  /** GetDurableExecutionHistory events, every page. */
  readonly history: readonly Record<string, unknown>[]
}

export interface LocalRunner {
  readonly engine: Engine
  readonly clock: Clock
  start(input?: unknown): string
  /** Resolves once nothing is running or runnable; returns the current state. */
  runUntilIdle(): Promise<LocalResult>
  /** Starts, then waits for the end of the execution. */
  run(input?: unknown): Promise<LocalResult>
  completeCallback(name: string, payload?: unknown): Promise<LocalResult>
  failCallback(name: string, error?: ErrorObject): Promise<LocalResult>
  heartbeatCallback(name: string): Promise<LocalResult>
  /** Moves the virtual clock forward, fires what is due, and runs until idle. */
  advance(seconds: number): Promise<LocalResult>
  /** The first operation with this name (for a waitForCallback's callback: the context's name). */
  operation(name: string): Operation | undefined
  /** The CallbackId of the callback with this name (or of the waitForCallback with this name). */
  callbackId(name: string): string | undefined
  result(): LocalResult
  close(): void
}

const decode = (text: string | undefined): unknown => {
  if (text === undefined) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

const payloadText = (payload: unknown): string | undefined =>
  payload === undefined ? undefined : typeof payload === 'string' ? payload : JSON.stringify(payload)

/** An operation's own name, or for an unnamed one inside a WaitForCallback context the context's name. */
export function effectiveName(op: Operation, all: ReadonlyMap<string, Operation>): string | undefined {
  if (op.Name !== undefined) return op.Name
  const parent = op.ParentId !== undefined ? all.get(op.ParentId) : undefined
  return parent?.SubType === 'WaitForCallback' ? parent.Name : undefined
}

export function createLocalRunner(handler: Handler, options: LocalRunnerOptions = {}): LocalRunner {
  const virtual: VirtualClock | undefined = options.realTime ? undefined : createVirtualClock({ skipTime: options.skipTime ?? false })
  const clock: Clock = virtual ?? createRealClock()
  const functionName = options.functionName ?? 'handler'
  const invoker = createRegistryInvoker({})
  const answered = new Set<string>()
  let arn: string | undefined

  const ops = (): Operation[] => (arn === undefined ? [] : engine.operations(arn).filter((o): o is Operation => o !== undefined))
  const byId = (): Map<string, Operation> => new Map(ops().map((o) => [o.Id, o]))

  function openCallback(name: string): string {
    const all = byId()
    for (const op of all.values()) {
      if (op.Type !== 'CALLBACK' || op.Status !== 'STARTED' || effectiveName(op, all) !== name) continue
      const id = op.CallbackDetails?.CallbackId
      if (id !== undefined) return id
    }
    throw new Error(`No started callback named "${name}"`)
  }

  function answerCallbacks(): void {
    const answers = options.callbacks
    if (!answers) return
    const all = byId()
    for (const op of all.values()) {
      const id = op.CallbackDetails?.CallbackId
      const name = effectiveName(op, all)
      if (op.Type !== 'CALLBACK' || op.Status !== 'STARTED' || id === undefined || answered.has(id)) continue
      if (name === undefined || !(name in answers)) continue
      const answer = answers[name] as CallbackAnswer
      answered.add(id)
      if ('succeed' in answer) engine.sendCallbackSuccess({ CallbackId: id, ...(answer.succeed !== undefined ? { Result: payloadText(answer.succeed) as string } : {}) })
      else engine.sendCallbackFailure({ CallbackId: id, Error: answer.fail })
    }
  }

  function observe(): void {
    answerCallbacks()
    options.onOperations?.(ops())
  }

  const observed = (inner: Handler): Handler => async (event, context) => {
    const client: DurableExecutionClient = {
      checkpoint: async (params) => {
        const out = await engine.client.checkpoint(params)
        observe()
        return out
      },
      getExecutionState: (params) => engine.client.getExecutionState(params),
    }
    const input = new DurableExecutionInvocationInputWithClient(event as InvocationInput, client)
    if (options.plugins !== undefined) Object.defineProperty(input, PLUGINS_KEY, { value: options.plugins, enumerable: false })
    try {
      return await inner(input, context)
    } finally {
      setImmediate(observe)
    }
  }

  invoker.register(functionName, observed(handler))
  for (const [name, target] of Object.entries(options.invokeTargets ?? {})) invoker.register(name, observed(target))
  const engine = createEngine({ store: options.store ?? createMemoryStore(), clock, invoker })

  function history(): Record<string, unknown>[] {
    if (arn === undefined) return []
    const events: Record<string, unknown>[] = []
    let marker: string | undefined
    do {
      const page = engine.getExecutionHistory({ DurableExecutionArn: arn, MaxItems: 1000, ...(marker ? { Marker: marker } : {}) })
      events.push(...(page.Events as Record<string, unknown>[]))
      marker = page.NextMarker
    } while (marker)
    return events
  }

  function result(): LocalResult {
    if (arn === undefined) throw new Error('start() the runner first')
    const view = engine.getExecution({ DurableExecutionArn: arn })
    return { arn, status: view.Status, result: decode(view.Result), error: view.Error, operations: ops(), history: history() }
  }

  const settled = async (): Promise<LocalResult> => {
    await engine.whenIdle()
    return result()
  }

  const runner: LocalRunner = {
    engine,
    clock,
    start(input) {
      arn = engine.startExecution({ functionName, ...(input !== undefined ? { input } : {}) }).DurableExecutionArn
      return arn
    },
    runUntilIdle: settled,
    async run(input) {
      const started = runner.start(input)
      const done = engine.waitForExecution(started)
      // On the virtual clock, idle while still RUNNING means nothing moves it on by itself: a callback
      // nobody answers, or (without skipTime) a timer only advance() can reach.
      await Promise.race([done, virtual ? engine.whenIdle() : done])
      const state = result()
      if (state.status !== 'RUNNING') return state
      const timer = virtual?.nextDue()
      const hint = timer === undefined ? '' : `; a timer is due in ${(timer - clock.now()) / 1000} s (call advance(), or use skipTime)`
      throw new Error(`Execution ${started} is stuck: ${waitingOn(state.operations)}${hint}`)
    },
    completeCallback(name, payload) {
      const text = payloadText(payload)
      engine.sendCallbackSuccess({ CallbackId: openCallback(name), ...(text !== undefined ? { Result: text } : {}) })
      return settled()
    },
    failCallback(name, error) {
      engine.sendCallbackFailure({ CallbackId: openCallback(name), ...(error ? { Error: error } : {}) })
      return settled()
    },
    heartbeatCallback(name) {
      engine.sendCallbackHeartbeat({ CallbackId: openCallback(name) })
      return settled()
    },
    async advance(seconds) {
      if (!virtual) throw new Error('advance() needs the virtual clock (not realTime)')
      await advanceClock(engine, virtual, seconds * 1000)
      return result()
    },
    operation(name) {
      const all = byId()
      return [...all.values()].find((op) => effectiveName(op, all) === name)
    },
    callbackId(name) {
      const all = byId()
      return [...all.values()].find((op) => op.Type === 'CALLBACK' && effectiveName(op, all) === name)?.CallbackDetails?.CallbackId
    },
    result,
    close: () => engine.close(),
  }
  return runner
}

/**
 * Lets `ms` of virtual time pass the way real time would: timer by timer, the engine settling after
 * each, so a timer armed in reaction to another (a retry after a retry) fires at its own due time
 * within the window rather than after one big jump.
 */
export async function advanceClock(engine: Engine, clock: VirtualClock, ms: number): Promise<void> {
  const target = clock.now() + ms
  await engine.whenIdle()
  for (let next = clock.nextDue(); next !== undefined && next <= target; next = clock.nextDue()) {
    clock.advanceTo(next)
    await engine.whenIdle()
  }
  clock.advanceTo(target)
  await engine.whenIdle()
}

function waitingOn(operations: readonly Operation[]): string {
  const all = new Map(operations.map((o) => [o.Id, o]))
  const open = operations.filter((o) => o.Type === 'CALLBACK' && o.Status === 'STARTED').map((o) => effectiveName(o, all) ?? o.Id)
  return open.length ? `waiting for callback(s) ${open.join(', ')} (answer them with the callbacks option)` : 'nothing left to run'
}

/** Runs `handler` on a fresh in-memory engine to the end of one execution. */
export async function runLocal(handler: Handler, input?: unknown, options: RunLocalOptions = {}): Promise<LocalResult> {
  const runner = createLocalRunner(handler, { ...options, realTime: options.skipTime !== true })
  try {
    return await runner.run(input)
  } finally {
    runner.close()
  }
}
