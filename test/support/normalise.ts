/**
 * Makes two recordings comparable with deep equality by replacing what legitimately differs between
 * runs: callback ids (service-chosen, random; numbered `<callback-1>`… in start order, replaced inside
 * any string so payloads that carry them compare too), the service-chosen EXECUTION id, the id of the
 * oversized-result update (`H("execution-result-<ms>")`, time-dependent), timestamps, error stacks
 * serialised into payloads (they name files and lines), and any extra
 * strings the caller names. Everything else — ids, order, payloads, errors — must match exactly.
 */
import type { Operation } from '../../core/types.js'
import type { Recording } from './scenario-types.js'

const TIMESTAMP_KEYS = new Set(['StartTimestamp', 'EndTimestamp', 'NextAttemptTimestamp', 'ScheduledEndTimestamp'])

export const normalise = <T extends Recording>(recording: T, extraVolatile: readonly string[] = []): T => {
  const replacements = new Map<string, string>()
  callbackIds(recording).forEach((id, i) => replacements.set(id, `<callback-${i + 1}>`))
  extraVolatile.forEach((s, i) => replacements.set(s, `<volatile-${i + 1}>`))
  return walk(recording, undefined, replacements) as T
}

const callbackIds = (recording: Recording): string[] => {
  const ids: string[] = []
  const visit = (r: Recording): void => {
    r.operations.forEach((op: Operation) => {
      const id = op.CallbackDetails?.CallbackId
      if (id !== undefined && !ids.includes(id)) ids.push(id)
    })
    r.children.forEach(visit)
  }
  visit(recording)
  return ids
}

const walk = (value: unknown, key: string | undefined, replacements: ReadonlyMap<string, string>): unknown => {
  if (typeof value === 'string') return replaceAll(value, replacements)
  if (key !== undefined && TIMESTAMP_KEYS.has(key) && value !== undefined) return '<ts>'
  if (Array.isArray(value)) return value.map((v) => walk(v, undefined, replacements))
  if (value === null || typeof value !== 'object') return value
  const obj = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(obj)) out[k] = walk(v, k, replacements)
  if (obj.Type === 'EXECUTION' && 'Id' in obj) out.Id = 'Action' in obj ? '<execution-result>' : '<execution>'
  return out
}

/** Error stacks inside JSON payloads (promise.allSettled rejections) name files and line numbers. */
const STACK = /"stack":"(?:[^"\\]|\\.)*"/g

const replaceAll = (s: string, replacements: ReadonlyMap<string, string>): string => {
  let out = s.replace(STACK, '"stack":"<stack>"')
  for (const [from, to] of replacements) if (from.length > 0) out = out.split(from).join(to)
  return out
}

/** What two runs must share exactly, children included (their own invocations and outcome). */
export const comparable = (r: Recording): unknown => ({
  status: r.status,
  stopReason: r.stopReason,
  result: r.result,
  error: r.error,
  invocations: r.invocations,
  operations: r.operations,
  children: r.children.map(comparable),
})
