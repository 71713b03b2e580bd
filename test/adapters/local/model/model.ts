/**
 * The deliberately simple model the engine is checked against: per execution only its status, the
 * result it must end with, the virtual time a timer finishes it, and its one callback (open or not,
 * with its deadlines). Each handler in harness.ts has a fixed, tiny behaviour, so the model can say
 * what the service must do after any command without knowing anything about operations or replay.
 */
import type * as Local from '../../../../adapters/local/index.js'

export type Status = Local.ExecutionView['Status']

export interface MCallback {
  readonly id: string
  open: boolean
  readonly timeoutAt: number
  heartbeatAt?: number
  readonly heartbeatMs?: number
}

export interface MExec {
  readonly arn: string
  readonly fn: string
  readonly n: number
  status: Status
  /** Result a SUCCEEDED execution must carry; undefined when not yet known. */
  result?: string
  /** Virtual time at which the execution's timer ends it with `result`. */
  wakeAt?: number
  callback?: MCallback
  child?: string
  parent?: string
}

export interface Model {
  now: number
  readonly execs: Map<string, MExec>
  /** Every callback id ever seen → the execution it belongs to. */
  readonly callbacks: Map<string, string>
}

export const newModel = (now: number): Model => ({ now, execs: new Map(), callbacks: new Map() })

/** What each handler does right after it starts, at `now`. */
/** `official-x` behaves exactly like `x`. */
export const kindOf = (fn: string): string => fn.replace(/^official-/, '')

export function started(model: Model, name: string, arn: string, n: number): MExec {
  const now = model.now
  const fn = kindOf(name)
  const exec: MExec = { arn, fn: name, n, status: 'RUNNING' }
  if (fn === 'waiter') Object.assign(exec, { wakeAt: now + 60_000, result: String((n + 1) * 2) })
  if (fn === 'child') Object.assign(exec, { wakeAt: now + 5_000, result: String(n * 10) })
  if (fn === 'retrier') Object.assign(exec, { wakeAt: now + 20_000, result: String(n) })
  if (fn === 'manual') Object.assign(exec, { wakeAt: now + 5_000, result: '"manual"' })
  if (fn === 'broken') exec.status = 'FAILED'
  if (fn === 'gated') Object.assign(exec, { status: 'SUCCEEDED', result: String(n) })
  model.execs.set(arn, exec)
  return exec
}

export function attachCallback(model: Model, exec: MExec, id: string): void {
  if (kindOf(exec.fn) === 'approval') exec.callback = { id, open: true, timeoutAt: model.now + 3_600_000, heartbeatAt: model.now + 10_000, heartbeatMs: 10_000 }
  else exec.callback = { id, open: true, timeoutAt: model.now + 30_000 }
  model.callbacks.set(id, exec.arn)
}

function finish(model: Model, exec: MExec, status: Status, result?: string): void {
  if (exec.status !== 'RUNNING') return
  exec.status = status
  if (result !== undefined) exec.result = result
  if (exec.callback) exec.callback.open = false
  const parent = exec.parent === undefined ? undefined : model.execs.get(exec.parent)
  // A chained child's end wakes its parent, which returns the child's result or fails with InvokeError.
  if (parent) finish(model, parent, status === 'SUCCEEDED' ? 'SUCCEEDED' : 'FAILED', status === 'SUCCEEDED' ? result : undefined)
}

/** Moves the model's clock: timers and callback deadlines due by then take effect. */
export function advanced(model: Model, ms: number): void {
  model.now += ms
  for (const exec of model.execs.values()) {
    if (exec.status !== 'RUNNING') continue
    if (exec.wakeAt !== undefined && exec.wakeAt <= model.now) finish(model, exec, 'SUCCEEDED', exec.result)
    const cb = exec.callback
    if (cb?.open && Math.min(cb.timeoutAt, cb.heartbeatAt ?? Infinity) <= model.now) finish(model, exec, 'FAILED')
  }
}

export function stopped(model: Model, arn: string): void {
  const exec = model.execs.get(arn)
  if (exec) finish(model, exec, 'STOPPED')
}

export const callbackOpen = (model: Model, id: string): boolean => {
  const exec = model.execs.get(model.callbacks.get(id) ?? '')
  return exec?.status === 'RUNNING' && exec.callback?.id === id && exec.callback.open
}

export type CallbackAction = { readonly kind: 'succeed'; readonly payload: string } | { readonly kind: 'fail' } | { readonly kind: 'heartbeat' }

/** Applies an accepted callback call; only meaningful when `callbackOpen` held. */
export function callbackSent(model: Model, id: string, action: CallbackAction): void {
  const exec = model.execs.get(model.callbacks.get(id) ?? '')
  const cb = exec?.callback
  if (!exec || !cb) return
  if (action.kind === 'heartbeat') {
    if (cb.heartbeatMs !== undefined) cb.heartbeatAt = model.now + cb.heartbeatMs
    return
  }
  if (action.kind === 'fail') return finish(model, exec, 'FAILED')
  finish(model, exec, 'SUCCEEDED', JSON.stringify(kindOf(exec.fn) === 'ask' ? `got ${action.payload}` : action.payload))
}
