/**
 * The child process of the interop test: the official runner installs fake timers process-wide and
 * starts a worker thread that cannot start under `npm test`'s `node -e` shards, so it runs here, alone.
 * For each entry of the plan (JSON in `INTEROP_PLAN`: scenario name + callback locators) it runs the
 * official SDK's scenario, then ours (differential or interop-only), under the runner and prints one
 * `@@interop <json>` line.
 */
import { ourScenario } from '../differential/scenarios.js'
import { officialScenarios } from '../support/official-scenarios.js'
import type { Scenario } from '../support/scenario-types.js'
import { interopPair } from './interop-scenarios.js'
import { formatLine, type Attempt, type InteropLine, type PlanEntry } from './child-lines.js'
import { runUnderOfficialRunner, startRunnerEnvironment, stopRunnerEnvironment, type CallbackLocator } from './official-runner.js'

const attempt = async (scenario: Scenario | undefined, locators: readonly CallbackLocator[]): Promise<Attempt> => {
  if (scenario === undefined) return { ok: false, error: 'no such scenario' }
  try {
    return { ok: true, outcome: await runUnderOfficialRunner(scenario, locators) }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }
  }
}

const main = async (plan: readonly PlanEntry[]): Promise<void> => {
  await startRunnerEnvironment()
  try {
    for (const { name, locators } of plan) {
      const pair = interopPair(name)
      const official = await attempt(pair?.official ?? officialScenarios.find((s) => s.name === name), locators)
      const ours = await attempt(pair?.ours ?? ourScenario(name), locators)
      const line: InteropLine = { name, official, ours }
      process.stdout.write(formatLine(line))
    }
  } finally {
    await stopRunnerEnvironment()
  }
}

if (process.env.INTEROP_PLAN !== undefined) await main(JSON.parse(process.env.INTEROP_PLAN) as PlanEntry[])
