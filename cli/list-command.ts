/**
 * `durable-yield list`: the executions a running `serve` holds, through the real LambdaClient
 * (ListDurableExecutionsByFunction, every page; without --function, every function ListFunctions
 * names). One row per execution, newest last; `--json` prints one JSON array for scripts.
 * Exit codes: 0 listed (even if empty), 1 the server refused or was unreachable, 2 usage errors.
 */
import {
  type ExecutionStatus,
  type Execution,
  type LambdaClient,
  ListDurableExecutionsByFunctionCommand,
  ListFunctionsCommand,
} from '@aws-sdk/client-lambda'
import type { Parsed } from './args.js'
import { createClient, describeFailure, endpointOf } from './endpoint.js'
import { parseFlags } from './flags.js'
import type { CommandIo } from './main.js'

export const LIST_USAGE = 'Usage: durable-yield list [--function name] [--status s[,s]] [--json] [--endpoint url]'

const STATUSES: readonly ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'STOPPED']
const isStatus = (s: string): s is ExecutionStatus => (STATUSES as readonly string[]).includes(s)

interface ListArgs {
  readonly functionName?: string
  readonly statuses: readonly ExecutionStatus[]
  readonly json: boolean
  readonly endpoint?: string
}

export function parseListArgs(argv: readonly string[]): Parsed<ListArgs> {
  const parsed = parseFlags(argv, { values: ['--function', '--endpoint'], repeated: ['--status'], booleans: ['--json'] })
  if (!parsed.ok) return parsed
  const f = parsed.value
  if (f.positional.length > 0) return { ok: false, error: `unexpected argument ${f.positional[0]}` }
  const statuses: ExecutionStatus[] = []
  for (const s of (f.repeated.get('--status') ?? []).flatMap((v) => v.split(','))) {
    const upper = s.trim().toUpperCase()
    if (!isStatus(upper)) return { ok: false, error: `unknown status ${s} (one of ${STATUSES.join(', ')})` }
    statuses.push(upper)
  }
  const functionName = f.values.get('--function')
  const endpoint = f.values.get('--endpoint')
  return {
    ok: true,
    value: {
      ...(functionName !== undefined ? { functionName } : {}),
      statuses,
      json: f.booleans.has('--json'),
      ...(endpoint !== undefined ? { endpoint } : {}),
    },
  }
}

async function listFunction(client: LambdaClient, FunctionName: string, statuses: readonly ExecutionStatus[]): Promise<Execution[]> {
  const out: Execution[] = []
  let Marker: string | undefined
  do {
    const page = await client.send(
      new ListDurableExecutionsByFunctionCommand({ FunctionName, MaxItems: 1000, Marker, ...(statuses.length ? { Statuses: [...statuses] } : {}) }),
    )
    out.push(...(page.DurableExecutions ?? []))
    Marker = page.NextMarker || undefined
  } while (Marker !== undefined)
  return out
}

async function functionNames(client: LambdaClient): Promise<string[]> {
  const out = await client.send(new ListFunctionsCommand({}))
  return (out.Functions ?? []).flatMap((f) => (f.FunctionName ? [f.FunctionName] : []))
}

function renderRows(executions: readonly Execution[]): string {
  if (executions.length === 0) return 'No executions.\n'
  const rows = executions.map((e) => [e.Status ?? '?', e.StartTimestamp?.toISOString() ?? '-', e.DurableExecutionArn ?? '?'])
  const widths = [0, 1].map((i) => Math.max(...rows.map((r) => (r[i] as string).length)))
  return `${rows.map((r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i] as number) : c)).join('  ')).join('\n')}\n`
}

export async function listCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const parsed = parseListArgs(argv)
  if (!parsed.ok) {
    io.stderr(`durable-yield list: ${parsed.error} (${LIST_USAGE.replace('Usage: ', '')})\n`)
    return 2
  }
  const args = parsed.value
  const endpoint = endpointOf(args.endpoint, process.env)
  const client = createClient(endpoint, process.env)
  try {
    const names = args.functionName !== undefined ? [args.functionName] : await functionNames(client)
    const executions: Execution[] = []
    for (const name of names) executions.push(...(await listFunction(client, name, args.statuses)))
    executions.sort((a, b) => (a.StartTimestamp?.getTime() ?? 0) - (b.StartTimestamp?.getTime() ?? 0))
    io.stdout(args.json ? `${JSON.stringify(executions)}\n` : renderRows(executions))
    return 0
  } catch (e) {
    io.stderr(`durable-yield list: ${describeFailure(e, endpoint)}\n`)
    return 1
  } finally {
    client.destroy()
  }
}
