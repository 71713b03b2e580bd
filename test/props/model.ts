/**
 * A test-only shell: interprets an abstract workflow (a tree of steps, waits, callbacks and child
 * contexts) against `reduce`, the way shell/ will, and drives it through the emulator invocation after
 * invocation until it ends. Every request and transition is logged so properties can compare runs.
 */
import type { DurableErrorData } from '../../core/errors.js'
import * as Ids from '../../core/ids.js'
import { reduce } from '../../core/reduce.js'
import type { Request } from '../../core/request.js'
import type { Decision, Transition } from '../../core/transition.js'
import type { Operation, OperationId } from '../../core/types.js'
import { Emulator } from './emulator.js'

export type Node =
  | { readonly kind: 'step'; readonly name?: string; readonly failures: number; readonly fails: boolean; readonly atMostOnce: boolean; readonly undefinedResult: boolean }
  | { readonly kind: 'wait'; readonly name?: string; readonly seconds: number }
  | { readonly kind: 'callback'; readonly name?: string }
  | { readonly kind: 'child'; readonly name?: string; readonly virtual: boolean; readonly body: readonly Node[] }

export interface Seen {
  readonly invocation: number
  readonly request: Request
  readonly transition: Transition
}

export type Status = 'SUCCEEDED' | 'FAILED' | 'PENDING' | 'STOPPED'

export interface Invocation {
  readonly status: Status
  readonly value?: unknown
  readonly stop?: Decision
}

export interface Outcome extends Invocation {
  readonly seen: readonly Seen[]
  readonly emulator: Emulator
  /** Raw id of every wire id the workflow touched. */
  readonly rawIds: ReadonlyMap<string, string>
  readonly invocations: number
}

class Suspend {}
class Raised {
  constructor(readonly error: DurableErrorData) {}
}
class Stopped {
  constructor(readonly decision: Decision) {}
}

interface Driver {
  ask(request: Request): Transition
}

/** Runs one invocation on the emulator's current (pruned) state. */
export function invoke(workflow: readonly Node[], emulator: Emulator, log: Seen[], rawIds: Map<string, string>, invocation: number): Invocation {
  const history = emulator.view()
  const driver: Driver = {
    ask(request) {
      rawIds.set(request.id.wire, request.id.raw)
      const transition = reduce(history, request)
      log.push({ invocation, request, transition })
      for (const update of transition.updates) history.set(update.Id, emulator.apply(update))
      if (transition.decision._tag === 'NonDeterminism' || transition.decision._tag === 'Corrupt') throw new Stopped(transition.decision)
      return transition
    },
  }
  try {
    return { status: 'SUCCEEDED', value: runNodes(workflow, Ids.root, driver) }
  } catch (e) {
    if (e instanceof Suspend) return { status: 'PENDING' }
    if (e instanceof Raised) return { status: 'FAILED', value: e.error }
    if (e instanceof Stopped) return { status: 'STOPPED', stop: e.decision }
    throw e
  }
}

/** Invokes until the workflow ends, letting time pass between invocations. */
export function runToCompletion(workflow: readonly Node[], emulator = new Emulator(), maxInvocations = 200): Outcome {
  const seen: Seen[] = []
  const rawIds = new Map<string, string>()
  for (let n = 1; n <= maxInvocations; n++) {
    const result = invoke(workflow, emulator, seen, rawIds, n)
    if (result.status !== 'PENDING') return { ...result, seen, emulator, rawIds, invocations: n }
    emulator.passTime()
  }
  throw new Error('workflow did not finish')
}

function runNodes(nodes: readonly Node[], scope: Ids.Scope, driver: Driver): unknown[] {
  return nodes.map((node, i) => runNode(node, Ids.operationId(scope, i + 1), scope, driver))
}

function runNode(node: Node, id: OperationId, scope: Ids.Scope, driver: Driver): unknown {
  switch (node.kind) {
    case 'step':
      return runStep(node, id, driver)
    case 'wait':
      return settle(driver, { _tag: 'WaitBegin', id, name: node.name, seconds: node.seconds })
    case 'callback': {
      settle(driver, { _tag: 'CallbackBegin', id, name: node.name, options: {} })
      return settle(driver, { _tag: 'CallbackAwait', id, name: node.name })
    }
    case 'child':
      try {
        return runChild(node, id, scope, driver)
      } catch (e) {
        if (e instanceof Raised) return { caught: `${e.error.errorType}: ${e.error.message}` }
        throw e
      }
  }
}

/** Asks until the decision is final: rechecks the Begin request after a confirmed Park, suspends on an idle one. */
function settle(driver: Driver, begin: Request, first?: Transition): unknown {
  let t = first ?? driver.ask(begin)
  for (;;) {
    const d = t.decision
    if (d._tag === 'Replay') return d.payload === undefined ? undefined : JSON.parse(d.payload)
    if (d._tag === 'Raise') throw new Raised(d.error)
    if (d._tag === 'CallbackCreated') return d.callbackId
    if (d._tag !== 'Park') throw new Error(`unexpected ${d._tag} for ${begin._tag}`)
    if (!(t.confirm && t.updates.length > 0)) throw new Suspend()
    t = driver.ask({ ...begin, recheck: true })
  }
}

function runStep(node: Extract<Node, { kind: 'step' }>, id: OperationId, driver: Driver): unknown {
  const semantics = node.atMostOnce ? 'AT_MOST_ONCE_PER_RETRY' : 'AT_LEAST_ONCE_PER_RETRY'
  const begin: Request = { _tag: 'StepBegin', id, name: node.name, semantics }
  let t = driver.ask(begin)
  for (;;) {
    const d = t.decision
    if (d._tag === 'RunStep' || d._tag === 'StepInterrupted') {
      const outcome = attemptOutcome(node, id, d._tag === 'RunStep' ? d.attempt : undefined)
      const after = driver.ask(outcome)
      if (after.decision._tag !== 'Park') return settle(driver, begin, after)
      t = driver.ask({ ...begin, recheck: true })
      continue
    }
    return settle(driver, begin, t)
  }
}

/** What the user's step function did on this attempt (undefined: the attempt was interrupted). */
function attemptOutcome(node: Extract<Node, { kind: 'step' }>, id: OperationId, attempt: number | undefined): Request {
  const retry = { shouldRetry: true, delaySeconds: 1 } as const
  if (attempt === undefined) return { _tag: 'StepFailed', id, name: node.name, error: { ErrorType: 'StepInterruptedError' }, verdict: retry }
  if (attempt <= node.failures) return { _tag: 'StepFailed', id, name: node.name, error: { ErrorType: 'Error', ErrorMessage: `flaky ${id.raw}` }, verdict: retry }
  if (node.fails) {
    return { _tag: 'StepFailed', id, name: node.name, error: { ErrorType: 'TypeError', ErrorMessage: `broken ${id.raw}` }, verdict: { shouldRetry: false } }
  }
  return { _tag: 'StepSucceeded', id, name: node.name, payload: node.undefinedResult ? undefined : JSON.stringify(`v${id.raw}`) }
}

function runChild(node: Extract<Node, { kind: 'child' }>, id: OperationId, scope: Ids.Scope, driver: Driver): unknown {
  const shape = { id, name: node.name, subType: 'RunInChildContext', virtual: node.virtual } as const
  const d = driver.ask({ _tag: 'ChildBegin', ...shape }).decision
  if (d._tag === 'Replay') return d.payload === undefined ? undefined : JSON.parse(d.payload)
  if (d._tag === 'Raise') throw new Raised(d.error)
  if (d._tag !== 'EnterChild') throw new Error(`unexpected ${d._tag} for ChildBegin`)
  let value: unknown[]
  try {
    value = runNodes(node.body, Ids.childScope(scope, id, node.virtual), driver)
  } catch (e) {
    if (!(e instanceof Raised)) throw e
    return settle(driver, { _tag: 'ChildFailed', ...shape, error: { ErrorType: e.error.errorType, ErrorMessage: e.error.message } })
  }
  return settle(driver, { _tag: 'ChildSucceeded', ...shape, payload: JSON.stringify(value) })
}

/** Operations of a finished run in start order, EXECUTION first. */
export function startOrder(outcome: Outcome): Operation[] {
  return [...outcome.emulator.store.values()]
}
