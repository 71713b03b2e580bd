/**
 * The real side of the model-based tests: an engine over a store that outlives restarts, with every
 * handler wrapped so the test sees what the service acknowledged (each checkpoint's operations and
 * tokens). The `manual` handler runs whatever probe the current command set, inside a genuine
 * invocation, which is how stale tokens and corrupt batches reach the engine's validation.
 */
import { durable, step } from '../../../../shell/index.js'
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
  /** Problems seen inside invocations, where a throw would only fail the invocation. */
  readonly violations: string[]
  /** Makes the next `gated` invocation block inside its first step until `release()`. */
  hold(): { readonly inside: Promise<void>; readonly release: () => void }
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
    violations: [],
    hold() {
      let release: () => void = () => {}
      const gate = new Promise<void>((r) => (release = r))
      return { inside: new Promise<void>((entered) => (held = { entered, gate })), release }
    },
  }
  let held: { readonly entered: () => void; readonly gate: Promise<void> } | undefined
  /** Returns n; an invocation started under `hold()` blocks in its step (the crash case). */
  const gated = durable(function* (n: number) {
    const a = yield* step('blocked', async () => {
      const h = held
      held = undefined
      if (h) (h.entered(), await h.gate)
      return n
    })
    return yield* step('after', async () => a)
  }) as Local.Handler

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

  /** Acknowledged operations must be in GetDurableExecutionState unless pruned under a finished context. */
  async function checkVisible(arn: string, token: string, base: Invocation['client']): Promise<void> {
    const seen = new Set<unknown>()
    let marker: unknown
    do {
      const page = record(await base.getExecutionState({ DurableExecutionArn: arn, CheckpointToken: token, MaxItems: 1000, ...(typeof marker === 'string' ? { Marker: marker } : {}) }))
      for (const op of Array.isArray(page['Operations']) ? page['Operations'] : []) seen.add(record(op)['Id'])
      marker = page['NextMarker']
    } while (typeof marker === 'string' && marker !== '')
    const all = new Map(sys.rig.engine.operations(arn).filter((o) => o !== undefined).map((o) => [o.Id, o]))
    const pruned = (id: string | undefined): boolean => {
      const parent = id === undefined ? undefined : all.get(all.get(id)?.ParentId ?? '')
      if (!parent) return false
      const done = parent.Type === 'CONTEXT' && ['SUCCEEDED', 'FAILED'].includes(parent.Status) && parent.ContextDetails?.ReplayChildren !== true
      return done || pruned(parent.Id)
    }
    for (const id of sys.acked.get(arn)?.keys() ?? []) {
      if (!seen.has(id) && !pruned(id)) sys.violations.push(`acknowledged ${id} of ${arn} missing from GetDurableExecutionState`)
    }
  }

  const wrap = (inner: Local.Handler): Local.Handler => async (event, context) => {
    if (!(event instanceof Local.DurableExecutionInvocationInputWithClient)) throw new Error('engine sent an unexpected event')
    const arn = event.DurableExecutionArn
    sys.tokens.push({ arn, token: event.CheckpointToken })
    const base = event.durableExecutionClient
    await checkVisible(arn, event.CheckpointToken, base)
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

  const table = Object.fromEntries(Object.entries({ ...handlers, manual, gated }).map(([name, h]) => [name, wrap(h)]))
  current = rig(openStore(), undefined, table)
  return sys
}
