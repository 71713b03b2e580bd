/**
 * The real side of the model-based tests: an engine over a store that outlives restarts, with every
 * handler wrapped so the test sees what the service acknowledged (each checkpoint's operations and
 * tokens). The `manual` handler runs whatever probe the current command set, inside a genuine
 * invocation, which is how stale tokens and corrupt batches reach the engine's validation.
 */
import * as Local from '../../../../adapters/local/index.js'
import { handlers, type Rig, rig } from './harness.js'

export interface Invocation {
  readonly arn: string
  readonly token: string
  readonly client: Local.DurableExecutionInvocationInputWithClient['durableExecutionClient']
}

export type Probe = (inv: Invocation) => Promise<unknown>

export interface System {
  readonly rig: Rig
  /** Closes the engine and opens a new one on the store `openStore` gives back. */
  restart(): void
  close(): void
  /** Every token the engine ever handed out, with its execution. */
  readonly tokens: Array<{ readonly arn: string; readonly token: string }>
  /** Operation statuses the engine acknowledged in checkpoint responses, by execution then Id. */
  readonly acked: Map<string, Map<string, string>>
  /** Run by the next `manual` invocation. */
  probe: Probe | undefined
}

const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {})

/** `openStore` is called at start and on each restart: return the same object to model a process-local restart. */
export function createSystem(openStore: () => Local.Store): System {
  let current: Rig | undefined
  const sys: System = {
    get rig(): Rig {
      if (!current) throw new Error('system not started')
      return current
    },
    restart() {
      const old = sys.rig
      old.engine.close()
      current = rig(openStore(), old.clock, table)
    },
    close: () => sys.rig.engine.close(),
    tokens: [],
    acked: new Map(),
    probe: undefined,
  }

  function remember(arn: string, out: unknown): void {
    const r = record(out)
    if (typeof r['CheckpointToken'] === 'string') sys.tokens.push({ arn, token: r['CheckpointToken'] })
    const ops = record(r['NewExecutionState'])['Operations']
    const acked = sys.acked.get(arn) ?? new Map<string, string>()
    for (const op of Array.isArray(ops) ? ops : []) {
      const o = record(op)
      if (typeof o['Id'] === 'string' && typeof o['Status'] === 'string' && o['Type'] !== 'EXECUTION') acked.set(o['Id'], o['Status'])
    }
    sys.acked.set(arn, acked)
  }

  const wrap = (inner: Local.Handler): Local.Handler => async (event, context) => {
    if (!(event instanceof Local.DurableExecutionInvocationInputWithClient)) throw new Error('engine sent an unexpected event')
    const arn = event.DurableExecutionArn
    sys.tokens.push({ arn, token: event.CheckpointToken })
    const base = event.durableExecutionClient
    const client = {
      checkpoint: async (params: unknown) => {
        const out = await base.checkpoint(params)
        remember(arn, out)
        return out
      },
      getExecutionState: (params: unknown) => base.getExecutionState(params),
    }
    return inner(new Local.DurableExecutionInvocationInputWithClient(event, client), context)
  }

  const manual: Local.Handler = async (event) => {
    if (!(event instanceof Local.DurableExecutionInvocationInputWithClient)) throw new Error('engine sent an unexpected event')
    const probe = sys.probe
    sys.probe = undefined
    if (!probe) return { Status: 'SUCCEEDED', Result: '"manual"' }
    return probe({ arn: event.DurableExecutionArn, token: event.CheckpointToken, client: event.durableExecutionClient })
  }

  const table = Object.fromEntries(Object.entries({ ...handlers, manual }).map(([name, h]) => [name, wrap(h)]))
  current = rig(openStore(), undefined, table)
  return sys
}
