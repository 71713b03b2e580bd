/**
 * `durable-yield conformance [--template file] [--requirements dir] [--suite name] [--json]`.
 * Parses the flags, loads the template and every requirement of the chosen suites, runs the covered
 * ones one after another on a target made by the injected factory (the embedded engine in the CLI, a
 * fake in tests), and prints a table per suite or the JSON report. Returns the exit code: 1 when a
 * requirement FAILED, 2 for a usage or setup error, else 0. A requirement file that does not decode
 * is a FAILED entry naming the file and path, not a crash, so one bad file never hides the others.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { randomInt } from 'node:crypto'
import { parseArgs } from 'node:util'
import * as E from 'fp-ts/lib/Either.js'
import { buildReport, renderJson, renderTables, type ReportEntry } from './report.js'
import { loadRequirement } from './requirement.js'
import { discoverRequirementFiles, selectSuites, type RequirementFile } from './requirement-files.js'
import { runRequirement, type PollingOptions } from './run-requirement.js'
import { statusOfRun } from './status.js'
import type { RandomIndex } from './substitute.js'
import type { ConformanceTarget, ConformanceTargetFactory } from './target.js'
import { coverageOf, loadTemplate, type TemplateMapping } from './template.js'

export interface ConformanceArgs {
  readonly templatePath: string
  readonly requirementsDir: string
  readonly suites: readonly string[]
  readonly json: boolean
}

export interface ConformanceCommandDeps {
  readonly createTarget: ConformanceTargetFactory
  readonly cwd?: string
  readonly stdout?: (text: string) => void
  readonly stderr?: (text: string) => void
  readonly randomIndex?: RandomIndex
  readonly polling?: Partial<PollingOptions>
  /** Wall clock for durations in the report. */
  readonly wallClock?: () => number
}

export const CONFORMANCE_USAGE = `Usage: durable-yield conformance [--template file] [--requirements dir] [--suite name[,name]] [--json]
  --template      SAM template mapping handlers to requirement ids (default conformance/template.yaml)
  --requirements  folder of <suite>/<id>.yaml requirement files (default conformance/requirements,
                  else ../shared/conformance/requirements)
  --suite         suite(s) to run, repeatable or comma-separated (default all)
  --json          print the JSON report instead of tables
`

const DEFAULT_REQUIREMENT_DIRS = ['conformance/requirements', '../shared/conformance/requirements']

export function parseConformanceArgs(argv: readonly string[], cwd: string): E.Either<string, ConformanceArgs> {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        template: { type: 'string' },
        requirements: { type: 'string' },
        suite: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    })
    const defaultRequirements = DEFAULT_REQUIREMENT_DIRS.map((dir) => resolve(cwd, dir)).find((dir) => existsSync(dir)) ?? resolve(cwd, DEFAULT_REQUIREMENT_DIRS[0] ?? '')
    return E.right({
      templatePath: resolve(cwd, values.template ?? 'conformance/template.yaml'),
      requirementsDir: values.requirements === undefined ? defaultRequirements : resolve(cwd, values.requirements),
      suites: values.suite ?? [],
      json: values.json === true,
    })
  } catch (error) {
    return E.left(`${error instanceof Error ? error.message : String(error)}\n${CONFORMANCE_USAGE}`)
  }
}

interface Session {
  readonly args: ConformanceArgs
  readonly deps: ConformanceCommandDeps
  readonly template: TemplateMapping
  target?: ConformanceTarget
}

async function targetOf(session: Session): Promise<ConformanceTarget> {
  session.target ??= await session.deps.createTarget({ templatePath: session.args.templatePath, requirementsDir: session.args.requirementsDir })
  return session.target
}

async function evaluate(session: Session, entry: RequirementFile): Promise<ReportEntry> {
  const base = { id: entry.id, suite: entry.suite, description: '', errors: [], durationMs: 0 }
  const loaded = loadRequirement(entry.file, entry.suite)
  if (E.isLeft(loaded)) return { ...base, status: 'FAILED', errors: [loaded.left.message] }
  const requirement = loaded.right
  const described = { ...base, description: requirement.description }
  const coverage = coverageOf(session.template, requirement.id)
  if (coverage._tag === 'Uncovered') return { ...described, status: 'UNCOVERED' }
  if (coverage._tag === 'NotImplemented') return { ...described, status: 'NOT_IMPLEMENTED', reason: coverage.reason }
  const wallClock = session.deps.wallClock ?? Date.now
  const started = wallClock()
  const randomIndex = session.deps.randomIndex ?? ((size: number) => randomInt(size))
  const mapped = { ...described, functionLogicalId: coverage.functionLogicalId, handler: coverage.handler }
  try {
    const outcome = await runRequirement(requirement, coverage, await targetOf(session), { randomIndex, polling: session.deps.polling })
    const status = statusOfRun(outcome.passed, requirement.optional)
    return { ...mapped, status, errors: outcome.errors, executionArn: outcome.executionArn, durationMs: wallClock() - started }
  } catch (error) {
    const message = `The conformance target could not be started: ${error instanceof Error ? error.message : String(error)}`
    return { ...mapped, status: statusOfRun(false, requirement.optional), errors: [message], durationMs: wallClock() - started }
  }
}

function unknownIdWarnings(files: readonly RequirementFile[], template: TemplateMapping): string[] {
  const ids = new Set(files.map((file) => file.id))
  const mentioned = [...template.functions.keys(), ...template.notImplemented.keys()]
  const unknown = [...new Set(mentioned.filter((id) => !ids.has(id)))]
  if (unknown.length === 0) return []
  // One line for all of them: a --requirements folder holding a few files must not bury the report.
  return [`The template mentions ${unknown.join(', ')}, but no requirement file has ${unknown.length === 1 ? 'that id' : 'those ids'}.`]
}

/** Runs the command; `argv` holds the arguments after `conformance`. Resolves to the exit code. */
export async function runConformanceCommand(argv: readonly string[], deps: ConformanceCommandDeps): Promise<number> {
  const stdout = deps.stdout ?? ((text: string) => void process.stdout.write(text))
  const stderr = deps.stderr ?? ((text: string) => void process.stderr.write(text))
  const args = parseConformanceArgs(argv, deps.cwd ?? process.cwd())
  if (E.isLeft(args)) {
    stderr(`${args.left}\n`)
    return 2
  }
  const template = loadTemplate(args.right.templatePath)
  if (E.isLeft(template)) {
    stderr(`${template.left.message}\n`)
    return 2
  }
  const discovered = discoverRequirementFiles(args.right.requirementsDir)
  const selected = E.isLeft(discovered) ? discovered : selectSuites(discovered.right, args.right.suites)
  if (E.isLeft(selected)) {
    stderr(`${selected.left}\n`)
    return 2
  }
  const session: Session = { args: args.right, deps, template: template.right }
  const entries: ReportEntry[] = []
  const seen = new Map<string, string>()
  try {
    for (const file of selected.right) {
      const first = seen.get(file.id)
      if (first !== undefined) {
        entries.push({ id: file.id, suite: file.suite, description: '', status: 'FAILED', errors: [`${file.file}: requirement id ${file.id} is already defined by ${first}; ids (file stems) must be unique.`], durationMs: 0 })
        continue
      }
      seen.set(file.id, file.file)
      entries.push(await evaluate(session, file))
    }
  } finally {
    await session.target?.close?.()
  }
  const report = buildReport(entries, [...template.right.warnings, ...unknownIdWarnings(E.isRight(discovered) ? discovered.right : selected.right, template.right)])
  stdout(args.right.json ? renderJson(report) : renderTables(report))
  return report.exitCode
}
