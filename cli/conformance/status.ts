/**
 * The official runner's report statuses and exit-code rule. A requirement is PASSED or FAILED when it
 * ran, OPTIONAL_FAILED when it failed but is marked `optional: true`, NOT_IMPLEMENTED when the
 * template declares it an intentional gap, UNCOVERED when no function lists it. Only FAILED blocks:
 * the exit code is 1 when at least one requirement FAILED, else 0.
 */

export const REPORT_STATUSES = ['PASSED', 'FAILED', 'OPTIONAL_FAILED', 'NOT_IMPLEMENTED', 'UNCOVERED'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

export function statusOfRun(passed: boolean, optional: boolean): ReportStatus {
  if (passed) return 'PASSED'
  return optional ? 'OPTIONAL_FAILED' : 'FAILED'
}

export function isBlocking(status: ReportStatus): boolean {
  return status === 'FAILED'
}

export function exitCodeFor(statuses: Iterable<ReportStatus>): 0 | 1 {
  for (const status of statuses) if (isBlocking(status)) return 1
  return 0
}
