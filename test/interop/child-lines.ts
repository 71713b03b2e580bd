/**
 * What the interop child process (runner-child.ts) and the test that spawns it exchange: the plan
 * goes in as JSON in `INTEROP_PLAN`, and each scenario's two runs come back as one stdout line
 * prefixed `@@interop `, so that anything else a workflow prints cannot be mistaken for a result.
 */
import type { CallbackLocator, RunnerOutcome } from './official-runner.js'

export interface PlanEntry {
  readonly name: string
  readonly locators: readonly CallbackLocator[]
}

export type Attempt = { readonly ok: true; readonly outcome: RunnerOutcome } | { readonly ok: false; readonly error: string }

export interface InteropLine {
  readonly name: string
  readonly official: Attempt
  readonly ours: Attempt
}

export const LINE_PREFIX = '@@interop '

export const formatLine = (line: InteropLine): string => `${LINE_PREFIX}${JSON.stringify(line)}\n`

/** The result line on one line of stdout, or undefined for anything else printed there. */
export const parseLine = (text: string): InteropLine | undefined =>
  text.startsWith(LINE_PREFIX) ? (JSON.parse(text.slice(LINE_PREFIX.length)) as InteropLine) : undefined
