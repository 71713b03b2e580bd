/**
 * `durable-yield history <arn>`: one execution's record and its whole event history from a running
 * `serve`, through the real LambdaClient (GetDurableExecution, then GetDurableExecutionHistory page
 * by page). Text output is one line per event with its offset from the start; `--json` prints
 * `{ execution, events }` with ISO timestamps. Exit codes: 0 shown, 1 refused/unreachable, 2 usage.
 */
import {
  type Event,
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  type GetDurableExecutionCommandOutput,
  type LambdaClient,
} from '@aws-sdk/client-lambda'
import type { Parsed } from './args.js'
import { createClient, describeFailure, endpointOf } from './endpoint.js'
import { parseFlags } from './flags.js'
import type { CommandIo } from './main.js'
import { formatDuration } from './render.js'

export const HISTORY_USAGE = 'Usage: durable-yield history <execution-arn> [--json] [--endpoint url]'

interface HistoryArgs {
  readonly arn: string
  readonly json: boolean
  readonly endpoint?: string
}

export function parseHistoryArgs(argv: readonly string[]): Parsed<HistoryArgs> {
  const parsed = parseFlags(argv, { values: ['--endpoint'], booleans: ['--json'] })
  if (!parsed.ok) return parsed
  const [arn, extra] = parsed.value.positional
  if (arn === undefined) return { ok: false, error: 'history needs an execution ARN' }
  if (extra !== undefined) return { ok: false, error: `unexpected argument ${extra}` }
  const endpoint = parsed.value.values.get('--endpoint')
  return { ok: true, value: { arn, json: parsed.value.booleans.has('--json'), ...(endpoint !== undefined ? { endpoint } : {}) } }
}

async function allEvents(client: LambdaClient, DurableExecutionArn: string): Promise<Event[]> {
  const events: Event[] = []
  let Marker: string | undefined
  do {
    const page = await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn, MaxItems: 1000, Marker }))
    events.push(...(page.Events ?? []))
    Marker = page.NextMarker || undefined
  } while (Marker !== undefined)
  return events
}

/** The details object of an event (`<EventType>Details`), if it has one. */
function detailsOf(e: Event): Record<string, unknown> | undefined {
  const value: unknown = e.EventType ? Object.entries(e).find(([k]) => k === `${e.EventType}Details`)?.[1] : undefined
  return typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value)) : undefined
}

function summary(e: Event): string {
  const d = detailsOf(e)
  const payload = (key: string): string | undefined => {
    const v = d?.[key]
    return typeof v === 'object' && v !== null && 'Payload' in v ? JSON.stringify(v.Payload) : undefined
  }
  const shown = payload('Result') ?? payload('Input') ?? payload('Error')
  return shown === undefined ? '' : `  ${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown}`
}

export function renderHistory(execution: GetDurableExecutionCommandOutput, events: readonly Event[]): string {
  const start = execution.StartTimestamp?.getTime() ?? events[0]?.EventTimestamp?.getTime() ?? 0
  const rows = events.map((e) => [
    `#${e.EventId ?? '?'}`,
    `+${formatDuration(Math.max(0, (e.EventTimestamp?.getTime() ?? start) - start))}`,
    e.EventType ?? '?',
    e.Name ?? (e.Id ? `(${e.Id.slice(0, 8)})` : ''),
  ])
  const widths = [0, 1, 2].map((i) => Math.max(0, ...rows.map((r) => (r[i] as string).length)))
  const lines = rows.map((r, i) =>
    `${r.map((c, j) => (j < 3 ? c.padEnd(widths[j] as number) : c)).join('  ')}${summary(events[i] as Event)}`.trimEnd(),
  )
  const head = `Execution ${execution.Status ?? '?'}  ${execution.DurableExecutionArn ?? ''}`
  return `${[head, '', ...lines].join('\n')}\n`
}

export async function historyCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const parsed = parseHistoryArgs(argv)
  if (!parsed.ok) {
    io.stderr(`durable-yield history: ${parsed.error} (${HISTORY_USAGE.replace('Usage: ', '')})\n`)
    return 2
  }
  const { arn, json } = parsed.value
  const endpoint = endpointOf(parsed.value.endpoint, process.env)
  const client = createClient(endpoint, process.env)
  try {
    const { $metadata: _m, ...execution } = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }))
    const events = await allEvents(client, arn)
    io.stdout(json ? `${JSON.stringify({ execution, events })}\n` : renderHistory({ $metadata: {}, ...execution }, events))
    return 0
  } catch (e) {
    io.stderr(`durable-yield history: ${describeFailure(e, endpoint)}\n`)
    return 1
  } finally {
    client.destroy()
  }
}
