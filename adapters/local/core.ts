/**
 * The engine's shared state and the few primitives every part uses: create an execution, commit a
 * transaction, arm a timer. Parts (checkpoint API, external events, invocations, tooling) are plain
 * functions over this object, so each concern stays in its own module.
 */
import type { ErrorObject } from '../../core/types.js'
import type { Clock } from './clock.js'
import * as History from './history.js'
import * as Ids from './ids.js'
import type { Invoker } from './invocation-event.js'
import { DEFAULT_EXECUTION_TIMEOUT_SECONDS } from './limits.js'
import type { Live } from './live.js'
import type { CallbackRecord, ParentLink } from './model.js'
import type { Store } from './store.js'
import type { Tx } from './tx.js'

export interface Core {
  readonly clock: Clock
  readonly store: Store
  readonly invoker: Invoker
  readonly arnParts: Omit<Ids.ArnParts, 'functionName'>
  readonly live: Map<string, Live>
  readonly callbacks: Map<string, CallbackRecord>
  nextSeq(): number
  commit(tx: Tx): void
  /** Arms (or re-arms, by key) a timer; a due time in the past fires on the next turn. */
  schedule(key: string, due: number, fire: () => void): void
}

export interface NewExecution {
  readonly functionName: string
  readonly name?: string
  /** JSON text of the input; absent means no input. */
  readonly inputPayload?: string
  readonly parent?: ParentLink
  /** Pre-minted ARN (chained invokes name the child in the parent's history first). */
  readonly arn?: string
}

export function executionArnFor(core: Core, functionName: string, name?: string): string {
  const id = Ids.newExecutionId()
  return Ids.executionArn({ ...core.arnParts, functionName }, name ?? id, id)
}

function parseArn(arn: string): { name: string; id: string } {
  const parts = arn.split('/')
  return { name: parts[parts.length - 2] ?? '', id: parts[parts.length - 1] ?? '' }
}

/** Adds a new RUNNING execution (EXECUTION operation, ExecutionStarted) to `tx` and wakes it. */
export function createExecution(core: Core, tx: Tx, spec: NewExecution): Live {
  const now = core.clock.now()
  const arn = spec.arn ?? executionArnFor(core, spec.functionName, spec.name)
  const { name, id } = parseArn(arn)
  const execOp = {
    Id: id,
    Type: 'EXECUTION' as const,
    Status: 'STARTED' as const,
    StartTimestamp: now,
    ExecutionDetails: spec.inputPayload !== undefined ? { InputPayload: spec.inputPayload } : {},
  }
  const live: Live = {
    record: {
      arn,
      executionId: id,
      name,
      functionName: spec.functionName,
      functionArn: Ids.functionArn({ ...core.arnParts, functionName: spec.functionName }),
      version: core.arnParts.version,
      seq: core.nextSeq(),
      status: 'RUNNING',
      executionOperationId: id,
      ...(spec.inputPayload !== undefined ? { input: spec.inputPayload } : {}),
      startTimestamp: now,
      ...(spec.parent ? { parent: spec.parent } : {}),
      failedInvocations: 0,
      needsInvoke: true,
    },
    ops: new Map(),
    events: [],
    updatedIds: new Set(),
  }
  tx.create(live)
  tx.putOp(live, execOp)
  tx.event(
    live,
    History.executionEvent('ExecutionStarted', now, {
      Input: History.result(spec.inputPayload),
      ExecutionTimeout: DEFAULT_EXECUTION_TIMEOUT_SECONDS,
    }),
  )
  tx.wake(live)
  return live
}

/** ErrorObject for anything a handler threw. */
export function errorObjectOf(e: unknown): ErrorObject {
  if (e instanceof Error) return { ErrorType: e.name, ErrorMessage: e.message }
  if (typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string') {
    const name = 'name' in e && typeof e.name === 'string' ? e.name : 'Error'
    return { ErrorType: name, ErrorMessage: e.message }
  }
  return { ErrorMessage: 'Unknown error' }
}
