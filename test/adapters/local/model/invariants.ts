/**
 * What must hold after every command of a model run: the engine has exactly the model's executions
 * with the model's statuses and results; history EventIds run 1..n with the terminal event last and
 * once; a terminal execution never changes again (restarts included); operations only move along
 * the PROTOCOL.md §3.5 matrix and never vanish; every acknowledged checkpoint stays visible; callback
 * ids are unique, belong to one execution, and are open exactly when the model says so.
 */
import * as assert from 'uvu/assert'
import type * as Local from '../../../../adapters/local/index.js'
import { history } from './harness.js'
import { callbackOpen, type Model } from './model.js'
import type { System } from './system.js'

export interface Seen {
  /** Snapshot of each terminal execution, taken when first seen terminal. */
  readonly frozen: Map<string, string>
  /** Last status of each operation, by `arn|Id`. */
  readonly ops: Map<string, string>
}

export const newSeen = (): Seen => ({ frozen: new Map(), ops: new Map() })

export const FUNCTIONS = ['waiter', 'approval', 'ask', 'parent', 'child', 'broken', 'retrier', 'manual', 'gated', 'official-waiter', 'official-approval'] as const

const TERMINAL_EVENT: Record<string, string> = {
  SUCCEEDED: 'ExecutionSucceeded',
  FAILED: 'ExecutionFailed',
  TIMED_OUT: 'ExecutionTimedOut',
  STOPPED: 'ExecutionStopped',
}

const ENDS: Record<string, readonly string[]> = {
  STEP: ['SUCCEEDED', 'FAILED'],
  WAIT: ['SUCCEEDED', 'CANCELLED'],
  CALLBACK: ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'CANCELLED'],
  CONTEXT: ['SUCCEEDED', 'FAILED'],
  CHAINED_INVOKE: ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'STOPPED'],
  EXECUTION: ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'STOPPED'],
}

/** §3.5 as seen between two observations: open states may move on, finished ones never change. */
export function allowedMove(type: string, from: string, to: string): boolean {
  if (from === to) return true
  const ends = ENDS[type] ?? []
  if (ends.includes(from)) return false
  if (ends.includes(to)) return true
  return type === 'STEP' && ['STARTED', 'PENDING', 'READY'].includes(to)
}

export function snapshot(engine: Local.Engine, arn: string): string {
  return JSON.stringify({ view: engine.getExecution({ DurableExecutionArn: arn }), history: history(engine, arn), ops: engine.operations(arn) })
}

function listAll(engine: Local.Engine): string[] {
  return FUNCTIONS.flatMap((fn) => engine.listExecutionsByFunction({ FunctionName: fn, MaxItems: 1000 }).DurableExecutions.map((e) => e.DurableExecutionArn))
}

function checkHistory(engine: Local.Engine, arn: string, status: string): ReturnType<typeof history> {
  const events = history(engine, arn)
  assert.equal(events.map((e) => e.EventId), events.map((_, i) => i + 1), `EventIds of ${arn}`)
  assert.is(events[0]?.EventType, 'ExecutionStarted')
  const terminal = events.filter((e) => Object.values(TERMINAL_EVENT).includes(String(e.EventType)))
  if (status === 'RUNNING') assert.is(terminal.length, 0, `running ${arn} has a terminal event`)
  else {
    assert.is(terminal.length, 1, `terminal events of ${arn}`)
    assert.is(events.at(-1)?.EventType, TERMINAL_EVENT[status], `last event of ${arn}`)
  }
  return events
}

function checkOperations(model: Model, sys: System, seen: Seen, arn: string, callbackOwners: Map<string, string>): void {
  const ops = sys.rig.engine.operations(arn).filter((o) => o !== undefined)
  const byId = new Map(ops.map((o) => [o.Id, o]))
  for (const [key, before] of seen.ops) {
    const [owner, id] = key.split('|') as [string, string]
    if (owner !== arn) continue
    const now = byId.get(id)
    assert.ok(now, `operation ${id} of ${arn} vanished`)
    assert.ok(allowedMove(now.Type, before, now.Status), `${now.Type} ${id}: ${before} → ${now.Status}`)
  }
  for (const op of ops) {
    seen.ops.set(`${arn}|${op.Id}`, op.Status)
    const id = op.CallbackDetails?.CallbackId
    if (op.Type !== 'CALLBACK' || id === undefined) continue
    assert.is(callbackOwners.get(id) ?? arn, arn, `callback id ${id} appears in two executions`)
    callbackOwners.set(id, arn)
    if (!model.callbacks.has(id)) continue
    assert.is(model.callbacks.get(id), arn, `callback ${id} belongs elsewhere`)
    // What a stop does to open operations is not documented; a finished execution is checked frozen instead.
    if (model.execs.get(arn)?.status === 'RUNNING') assert.is(op.Status === 'STARTED', callbackOpen(model, id), `callback ${id} is ${op.Status}`)
  }
}

function checkAcknowledged(sys: System, arn: string, events: ReturnType<typeof history>): void {
  const byId = new Map(sys.rig.engine.operations(arn).filter((o) => o !== undefined).map((o) => [o.Id, o]))
  for (const [id, status] of sys.acked.get(arn) ?? []) {
    const op = byId.get(id)
    assert.ok(op, `acknowledged ${id} of ${arn} is missing`)
    assert.ok(allowedMove(op.Type, status, op.Status), `acknowledged ${op.Type} ${id} went ${status} → ${op.Status}`)
    assert.ok(events.some((e) => e.Id === id), `acknowledged ${id} of ${arn} has no history event`)
  }
}

export function checkAll(model: Model, sys: System, seen: Seen): void {
  const { engine } = sys.rig
  assert.equal(sys.violations, [], 'inside invocations')
  assert.equal(listAll(engine).sort(), [...model.execs.keys()].sort(), 'executions')
  const callbackOwners = new Map<string, string>()
  for (const exec of model.execs.values()) {
    const view = engine.getExecution({ DurableExecutionArn: exec.arn })
    assert.is(view.Status, exec.status, `${exec.fn} ${exec.arn}`)
    if (exec.status === 'SUCCEEDED' && exec.result !== undefined) assert.is(view.Result, exec.result, `result of ${exec.fn}`)
    const events = checkHistory(engine, exec.arn, view.Status)
    checkOperations(model, sys, seen, exec.arn, callbackOwners)
    checkAcknowledged(sys, exec.arn, events)
    if (view.Status === 'RUNNING') continue
    const snap = snapshot(engine, exec.arn)
    const frozen = seen.frozen.get(exec.arn)
    if (frozen === undefined) seen.frozen.set(exec.arn, snap)
    else assert.is(snap, frozen, `terminal ${exec.fn} ${exec.arn} changed`)
  }
}
