/**
 * Probes run inside a real invocation of the `manual` handler: acknowledge one step, check it is
 * visible in GetDurableExecutionState, send one bad CheckpointDurableExecution (a stale, foreign or
 * made-up token, or a corrupt batch), check it was refused with an EngineError and changed nothing
 * (the token included: the next checkpoint with it succeeds), then start a 5 s wait and suspend.
 */
import * as Local from '../../../../adapters/local/index.js'
import { snapshot } from './invariants.js'
import type { Invocation, Probe, System } from './system.js'

type Req = (arn: string, token: string) => Record<string, unknown>

const stepUpdate = (Id: string, Action: string, extra: Record<string, unknown> = {}) => ({ Id, Type: 'STEP', SubType: 'Step', Action, ...extra })
const updates = (list: unknown): Req => (DurableExecutionArn, CheckpointToken) => ({ DurableExecutionArn, CheckpointToken, Updates: list })

/** Corrupt or invalid requests, each sent with the invocation's current token. */
export const CORRUPT: Readonly<Record<string, Req>> = {
  'Updates not a list': updates('START'),
  'Updates missing': (DurableExecutionArn, CheckpointToken) => ({ DurableExecutionArn, CheckpointToken }),
  'token not a string': (DurableExecutionArn) => ({ DurableExecutionArn, CheckpointToken: 7, Updates: [] }),
  'unknown Action': updates([stepUpdate('q1', 'JUMP')]),
  'Id with a slash': updates([stepUpdate('q/1', 'START')]),
  'START twice': updates([stepUpdate('q1', 'START'), stepUpdate('q1', 'START')]),
  'unknown ParentId': updates([stepUpdate('q1', 'START', { ParentId: 'nope' })]),
  'SUCCEED of a SUCCEEDED step': updates([stepUpdate('p1', 'SUCCEED', { Payload: '"again"' })]),
  'type of an existing Id changed': updates([{ Id: 'p1', Type: 'WAIT', SubType: 'Wait', Action: 'START', WaitOptions: { WaitSeconds: 1 } }]),
  'valid update then invalid one': updates([stepUpdate('q1', 'START'), stepUpdate('q2', 'RETRY')]),
  'EXECUTION not last': updates([{ Id: 'x', Type: 'EXECUTION', Action: 'SUCCEED' }, stepUpdate('q1', 'START')]),
  'payload over 1 MiB': updates([stepUpdate('q1', 'SUCCEED', { Payload: 'x'.repeat(1_048_577) })]),
  'WAIT without seconds': updates([{ Id: 'q1', Type: 'WAIT', SubType: 'Wait', Action: 'START' }]),
}

export const STALE = ['previous token', 'foreign token', 'made-up token'] as const
export type ProbeKind = (typeof STALE)[number] | keyof typeof CORRUPT

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined

function badRequest(sys: System, inv: Invocation, kind: ProbeKind, current: string): Record<string, unknown> {
  const valid = updates([stepUpdate('q9', 'START')])
  if (kind === 'previous token') return valid(inv.arn, inv.token)
  if (kind === 'foreign token') return valid(inv.arn, sys.tokens.find((t) => t.arn !== inv.arn)?.token ?? 'nope')
  if (kind === 'made-up token') return valid(inv.arn, Buffer.from(current).reverse().toString())
  const corrupt = CORRUPT[kind]
  if (!corrupt) throw new Error(`unknown probe ${kind}`)
  return corrupt(inv.arn, current)
}

async function probeBody(sys: System, inv: Invocation, kind: ProbeKind, errors: string[]): Promise<void> {
  const first = await inv.client.checkpoint({
    DurableExecutionArn: inv.arn,
    CheckpointToken: inv.token,
    Updates: [stepUpdate('p1', 'START', { Name: 'probe' }), stepUpdate('p1', 'SUCCEED', { Payload: '"ok"' })],
  })
  const token = String(field(first, 'CheckpointToken'))
  const state = await inv.client.getExecutionState({ DurableExecutionArn: inv.arn, CheckpointToken: token, MaxItems: 1000 })
  const ops = field(state, 'Operations')
  const p1 = Array.isArray(ops) ? ops.find((o) => field(o, 'Id') === 'p1') : undefined
  if (field(p1, 'Status') !== 'SUCCEEDED') errors.push('acknowledged step missing from GetDurableExecutionState')
  const before = snapshot(sys.rig.engine, inv.arn)
  const refused = await inv.client.checkpoint(badRequest(sys, inv, kind, token)).then(() => undefined, (e: unknown) => e)
  if (!(refused instanceof Local.EngineError)) errors.push(`${kind}: not refused with an EngineError (${String(refused)})`)
  else if (refused.name !== 'InvalidParameterValueException') errors.push(`${kind}: refused as ${refused.name}`)
  else if (STALE.includes(kind as (typeof STALE)[number]) && refused.code !== 'INVALID_TOKEN') errors.push(`${kind}: code ${refused.code}`)
  if (snapshot(sys.rig.engine, inv.arn) !== before) errors.push(`${kind}: a refused request changed the execution`)
  await inv.client.checkpoint({
    DurableExecutionArn: inv.arn,
    CheckpointToken: token,
    Updates: [{ Id: 'w1', Type: 'WAIT', SubType: 'Wait', Action: 'START', WaitOptions: { WaitSeconds: 5 } }],
  })
}

/** A probe for `kind`; problems are pushed onto `errors` (a throw would only fail the invocation). */
export function probe(sys: System, kind: ProbeKind, errors: string[]): Probe {
  return async (inv) => {
    await probeBody(sys, inv, kind, errors).catch((e: unknown) => errors.push(`${kind}: ${String(e)}`))
    return { Status: 'PENDING' }
  }
}
