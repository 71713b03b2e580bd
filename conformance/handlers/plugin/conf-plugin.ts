/**
 * What every plugin-suite handler shares: a plugin writes one single-line JSON record per hook to
 * plain stdout, tagged with its plugin name and stamped with the execution ARN it captured at
 * invocation start (rule L selects records by `durableExecutionArn`), plus the canonical dumps of
 * info objects that requirements 10-19 to 10-23 ask for (unset fields omitted, Dates as ISO).
 */
import type { DurableInstrumentationPlugin, OperationInfo } from '../../../shell/index.js'

export interface Emitter {
  /** Call from onInvocationStart with the info's executionArn. */
  capture(arn: string): void
  emit(record: Record<string, unknown>): void
}

export function emitter(plugin = 'CONFPLUGIN'): Emitter {
  let arn = ''
  return {
    capture: (executionArn) => void (arn = executionArn),
    emit: (record) => void process.stdout.write(`${JSON.stringify({ plugin, ...record, durableExecutionArn: arn })}\n`),
  }
}

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'STOPPED', 'CANCELLED'])

export const isTerminal = (status: string | undefined): boolean => status !== undefined && TERMINAL.has(status)

/** The canonical dump: every set field, Dates as ISO-8601, errors as their message. */
export function dump(info: object): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(info)) {
    if (value === undefined) continue
    if (value instanceof Date) out[key] = value.toISOString()
    else if (value instanceof Error) out[key] = value.message
    else if (typeof value === 'object' && value !== null) out[`${key}Count`] = Object.keys(value).length
    else out[key] = value
  }
  return out
}

export const upperType = (info: OperationInfo): string => info.type.toUpperCase()

/** Records invocation start (with the first-invocation flag) and end (with its status): 10-1, 10-7. */
export function invocationStatusPlugin(): DurableInstrumentationPlugin {
  const out = emitter()
  return {
    async onInvocationStart(info) {
      out.capture(info.executionArn)
      out.emit({ hook: 'invocation-start', first: info.isFirstInvocation })
    },
    async onInvocationEnd(info) {
      out.emit({ hook: 'invocation-end', status: info.status })
    },
  }
}
