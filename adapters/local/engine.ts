/**
 * `createEngine({ store, clock, invoker })`: the embedded durable-execution service. Wires the
 * parts (checkpoint-api, invocation, external-events, timers, tooling-api) around one Core and runs
 * the loop: an execution that needs an invocation gets exactly one at a time; when nothing is
 * runnable and the clock may skip time, time jumps to the next timer. State is loaded from the
 * store at creation, so a new engine over the same store resumes every unfinished execution.
 */
import * as CheckpointApi from './checkpoint-api.js'
import type { Clock } from './clock.js'
import { type Core, createExecution, type NewExecution } from './core.js'
import * as Err from './errors.js'
import * as Ids from './ids.js'
import { invoke } from './invocation.js'
import type { DurableExecutionClient, Invoker } from './invocation-event.js'
import { createLambdaClient, type LambdaClientLike } from './lambda-client.js'
import type { Live } from './live.js'
import { outsideInvocations } from './process-exit.js'
import type { CallbackRecord } from './model.js'
import type { Store } from './store.js'
import * as Timers from './timers.js'
import * as Tooling from './tooling-api.js'
import { Tx } from './tx.js'

export interface EngineOptions {
  readonly store: Store
  readonly clock: Clock
  readonly invoker: Invoker
  readonly arn?: Partial<Omit<Ids.ArnParts, 'functionName'>>
}

export interface StartParams {
  readonly functionName: string
  /** A JSON value, serialised with JSON.stringify; or pass `inputPayload` (JSON text) instead. */
  readonly input?: unknown
  readonly inputPayload?: string
  readonly name?: string
}

export interface Engine {
  startExecution(params: StartParams): { DurableExecutionArn: string }
  /** Whether the invoker has a handler for `functionName` (what Invoke's DryRun checks). */
  hasFunction(functionName: string): boolean
  /** Starts an execution and resolves when it is terminal. */
  run(params: StartParams): Promise<Tooling.ExecutionView>
  waitForExecution(arn: string): Promise<Tooling.ExecutionView>
  /** Resolves when no invocation runs, nothing is runnable and (with skipTime) no timer is left. */
  whenIdle(): Promise<void>
  checkpoint(params: unknown): Promise<CheckpointApi.CheckpointOutput>
  getExecutionState(params: unknown): Promise<CheckpointApi.StateOutput>
  getExecution(params: { DurableExecutionArn: string }): Tooling.ExecutionView
  getExecutionHistory(params: Tooling.HistoryParams): ReturnType<typeof Tooling.getExecutionHistory>
  listExecutionsByFunction(params: Tooling.ListParams): ReturnType<typeof Tooling.listExecutionsByFunction>
  stopExecution(params: { DurableExecutionArn: string; Error?: Tooling.ExecutionView['Error'] }): { StopTimestamp: Date }
  sendCallbackSuccess(params: { CallbackId: string; Result?: string | Uint8Array }): void
  sendCallbackFailure(params: { CallbackId: string; Error?: unknown }): void
  sendCallbackHeartbeat(params: { CallbackId: string }): void
  /** Every recorded operation of an execution, unpruned, in start order (for tools and tests). */
  operations(arn: string): ReturnType<Live['ops']['get']>[]
  readonly client: DurableExecutionClient
  readonly lambdaClient: LambdaClientLike
  close(): void
}

export function createEngine(options: EngineOptions): Engine {
  const { store, clock, invoker } = options
  const timers = new Map<string, () => void>()
  const runnable = new Set<string>()
  const idleWaiters: Array<() => void> = []
  const execWaiters = new Map<string, Array<(v: Tooling.ExecutionView) => void>>()
  let seq = 0
  let inFlight = 0
  let immediates = 0
  let pumpScheduled = false
  let closed = false

  const core: Core = {
    clock,
    store,
    invoker,
    arnParts: { ...Ids.DEFAULT_ARN_PARTS, ...options.arn },
    live: new Map(),
    callbacks: new Map<string, CallbackRecord>(),
    nextSeq: () => ++seq,
    commit(tx) {
      // An invocation can outlive close(); its late writes must reach neither the store nor memory.
      if (closed) throw Err.engineClosed()
      tx.commit({ commitStore: (changes) => store.commit(changes), afterCommit })
    },
    schedule(key, due, fire) {
      outsideInvocations(() => arm(key, due, fire))
    },
  }

  function arm(key: string, due: number, fire: () => void): void {
    timers.get(key)?.()
    if (closed) return
    if (due > clock.now()) {
      timers.set(key, clock.schedule(due, () => (timers.delete(key), fire())))
      return
    }
    // Already due: fire on the next turn, and count it so the loop does not report idle meanwhile.
    let pending = true
    immediates++
    const handle = setImmediate(() => {
      pending = false
      immediates--
      timers.delete(key)
      fire()
      schedulePump()
    })
    timers.set(key, () => {
      if (pending) (clearImmediate(handle), immediates--)
      pending = false
    })
  }

  function afterCommit(tx: Tx): void {
    for (const live of tx.newLives) core.live.set(live.record.arn, live)
    for (const p of tx.parts.values()) {
      for (const id of p.removed) core.callbacks.delete(id)
      for (const cb of p.callbacks) core.callbacks.set(cb.callbackId, cb)
    }
    for (const { live, operationId } of tx.external) {
      if (live.invocation) live.invocation.changed.add(operationId)
      else live.updatedIds.add(operationId)
    }
    for (const p of tx.parts.values()) {
      for (const op of p.ops.values()) if (p.live.record.status === 'RUNNING') Timers.armOperation(core, p.live, op)
      for (const cb of p.callbacks) Timers.armCallback(core, cb)
      if (p.live.record.status !== 'RUNNING') settleWaiters(p.live)
    }
    for (const arn of tx.wakes) runnable.add(arn)
    schedulePump()
  }

  function settleWaiters(live: Live): void {
    const waiters = execWaiters.get(live.record.arn)
    execWaiters.delete(live.record.arn)
    for (const w of waiters ?? []) w(Tooling.view(live.record))
  }

  function schedulePump(): void {
    if (pumpScheduled || closed) return
    pumpScheduled = true
    setImmediate(pump)
  }

  function pump(): void {
    pumpScheduled = false
    for (const arn of [...runnable]) {
      const live = core.live.get(arn)
      // A chained child starts once its parent's invocation has ended, as on the service, where the
      // asynchronous invoke always lands after the parent suspended.
      const parentArn = live?.record.parent?.arn
      if (parentArn !== undefined && core.live.get(parentArn)?.invocation) continue
      runnable.delete(arn)
      if (!live || live.record.status !== 'RUNNING' || live.invocation || !live.record.needsInvoke) continue
      inFlight++
      invoke(core, live, client)
        .catch((e: unknown) => closed || console.error('durable-yield engine: invocation bookkeeping failed', e))
        .finally(() => {
          inFlight--
          schedulePump()
        })
    }
    if (inFlight > 0 || immediates > 0 || runnable.size > 0) return
    if (clock.skipTime && clock.skipToNext()) return schedulePump()
    for (const w of idleWaiters.splice(0)) w()
  }

  const client: DurableExecutionClient = {
    checkpoint: async (params) => CheckpointApi.checkpoint(core, params),
    getExecutionState: async (params) => CheckpointApi.getExecutionState(core, params),
  }

  function startExecution(p: StartParams): { DurableExecutionArn: string } {
    if (!invoker.has(p.functionName)) throw Err.functionNotFound(p.functionName)
    const inputPayload = p.inputPayload ?? (p.input === undefined ? undefined : JSON.stringify(p.input))
    const spec: NewExecution = {
      functionName: p.functionName,
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(inputPayload !== undefined ? { inputPayload } : {}),
    }
    const tx = new Tx()
    const live = createExecution(core, tx, spec)
    core.commit(tx)
    return { DurableExecutionArn: live.record.arn }
  }

  function waitForExecution(arn: string): Promise<Tooling.ExecutionView> {
    const live = core.live.get(arn)
    if (!live) return Promise.reject(Err.executionNotFound(arn))
    if (live.record.status !== 'RUNNING') return Promise.resolve(Tooling.view(live.record))
    return new Promise((resolve) => execWaiters.set(arn, [...(execWaiters.get(arn) ?? []), resolve]))
  }

  const engine: Engine = {
    startExecution,
    hasFunction: (functionName) => invoker.has(functionName),
    run: (p) => waitForExecution(startExecution(p).DurableExecutionArn),
    waitForExecution,
    whenIdle: () =>
      new Promise((resolve) => {
        idleWaiters.push(resolve)
        schedulePump()
      }),
    checkpoint: client.checkpoint as Engine['checkpoint'],
    getExecutionState: client.getExecutionState as Engine['getExecutionState'],
    getExecution: (p) => Tooling.getExecution(core, p.DurableExecutionArn),
    getExecutionHistory: (p) => Tooling.getExecutionHistory(core, p),
    listExecutionsByFunction: (p) => Tooling.listExecutionsByFunction(core, p),
    stopExecution: (p) => Tooling.stopExecution(core, p.DurableExecutionArn, p.Error),
    sendCallbackSuccess: (p) => Tooling.sendCallbackSuccess(core, p.CallbackId, p.Result),
    sendCallbackFailure: (p) => Tooling.sendCallbackFailure(core, p.CallbackId, p.Error),
    sendCallbackHeartbeat: (p) => Tooling.sendCallbackHeartbeat(core, p.CallbackId),
    operations: (arn) => [...(core.live.get(arn)?.ops.values() ?? [])],
    client,
    lambdaClient: createLambdaClient(() => engine),
    close() {
      closed = true
      for (const cancel of timers.values()) cancel()
      timers.clear()
      store.close()
    },
  }

  const loadedCallbacks = new Map<string, readonly CallbackRecord[]>()
  for (const s of store.loadAll()) {
    seq = Math.max(seq, s.record.seq)
    loadedCallbacks.set(s.record.arn, s.callbacks)
    const live: Live = {
      record: s.record,
      ops: new Map(s.operations.map((o) => [o.Id, o])),
      events: [...s.events],
      updatedIds: new Set(),
    }
    core.live.set(live.record.arn, live)
    for (const cb of s.callbacks) core.callbacks.set(cb.callbackId, cb)
  }
  for (const live of core.live.values()) {
    Timers.armAll(core, live, loadedCallbacks.get(live.record.arn) ?? [])
    if (live.record.status === 'RUNNING' && live.record.needsInvoke) runnable.add(live.record.arn)
  }
  schedulePump()
  return engine
}
