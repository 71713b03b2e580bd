/**
 * Presents a conformance run: one table per suite (id, status, function, and for failures the first
 * mismatch, which names the event and field), a summary line, and a `--json` document shaped like the
 * official runner's report (schema 1.0: summary, results, ci.exit_code) so tools can read either.
 * Pure: builds strings, the command decides where they go. Ids sort by their numbers (`1-2` < `1-11`).
 */
import { exitCodeFor, isBlocking, REPORT_STATUSES, type ReportStatus } from './status.js'

export interface ReportEntry {
  readonly id: string
  readonly suite: string
  readonly status: ReportStatus
  readonly description: string
  readonly functionLogicalId?: string | undefined
  readonly handler?: string | undefined
  /** Why a requirement is NOT_IMPLEMENTED. */
  readonly reason?: string | undefined
  readonly errors: readonly string[]
  readonly executionArn?: string | undefined
  readonly durationMs: number
}

export interface Report {
  readonly entries: readonly ReportEntry[]
  readonly warnings: readonly string[]
  readonly exitCode: 0 | 1
}

export function compareRequirementIds(left: string, right: string): number {
  const leftParts = left.split(/[^0-9]+/).filter(Boolean).map(Number)
  const rightParts = right.split(/[^0-9]+/).filter(Boolean).map(Number)
  for (let index = 0; index < Math.max(leftParts.length, rightParts.length); index += 1) {
    const difference = (leftParts[index] ?? -1) - (rightParts[index] ?? -1)
    if (difference !== 0) return difference
  }
  return left.localeCompare(right)
}

export function buildReport(entries: readonly ReportEntry[], warnings: readonly string[] = []): Report {
  const sorted = [...entries].sort((left, right) => left.suite.localeCompare(right.suite) || compareRequirementIds(left.id, right.id))
  return { entries: sorted, warnings, exitCode: exitCodeFor(sorted.map((entry) => entry.status)) }
}

export function countByStatus(entries: readonly ReportEntry[]): Readonly<Record<ReportStatus, number>> {
  const counts: Record<ReportStatus, number> = { PASSED: 0, FAILED: 0, OPTIONAL_FAILED: 0, NOT_IMPLEMENTED: 0, UNCOVERED: 0 }
  for (const entry of entries) counts[entry.status] += 1
  return counts
}

function detailOf(entry: ReportEntry): string {
  if (entry.status === 'NOT_IMPLEMENTED') return entry.reason ?? ''
  const [first] = entry.errors
  if (first === undefined) return ''
  return entry.errors.length > 1 ? `${first} (+${entry.errors.length - 1} more)` : first
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? []
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd()).join('\n')
}

function summaryLine(entries: readonly ReportEntry[]): string {
  const counts = countByStatus(entries)
  return `${entries.length} requirement(s): ${REPORT_STATUSES.map((status) => `${counts[status]} ${status}`).join(', ')}`
}

export function renderTables(report: Report): string {
  const suites = [...new Set(report.entries.map((entry) => entry.suite))]
  const sections = suites.map((suite) => {
    const entries = report.entries.filter((entry) => entry.suite === suite)
    const rows = [['ID', 'STATUS', 'FUNCTION', 'DETAIL'], ...entries.map((entry) => [entry.id, entry.status, entry.functionLogicalId ?? '-', detailOf(entry)])]
    return `${suite}\n${table(rows)}`
  })
  const warnings = report.warnings.map((warning) => `warning: ${warning}`)
  const verdict = report.exitCode === 0 ? 'OK: no requirement FAILED' : 'FAILED: fix the FAILED requirements above (OPTIONAL_FAILED, NOT_IMPLEMENTED and UNCOVERED do not block)'
  return [...sections, ...warnings, summaryLine(report.entries), verdict].join('\n\n') + '\n'
}

export function renderJson(report: Report): string {
  const counts = countByStatus(report.entries)
  const document = {
    schema_version: '1.0',
    warnings: report.warnings,
    summary: {
      total: report.entries.length,
      passed: counts.PASSED,
      failed: counts.FAILED,
      optional_failed: counts.OPTIONAL_FAILED,
      not_implemented: counts.NOT_IMPLEMENTED,
      uncovered: counts.UNCOVERED,
    },
    results: report.entries.map((entry) => ({
      id: entry.id,
      suite: entry.suite,
      function: entry.functionLogicalId ?? null,
      handler: entry.handler ?? null,
      description: entry.description,
      status: entry.status,
      reason: entry.reason ?? null,
      optional: entry.status === 'OPTIONAL_FAILED',
      errors: entry.errors,
      execution_arn: entry.executionArn ?? null,
      duration_seconds: Math.round(entry.durationMs) / 1000,
    })),
    ci: {
      fail_on: 'failed',
      blocking_statuses: REPORT_STATUSES.filter(isBlocking),
      blocking_count: report.entries.filter((entry) => isBlocking(entry.status)).length,
      exit_code: report.exitCode,
    },
  }
  return `${JSON.stringify(document, null, 2)}\n`
}
