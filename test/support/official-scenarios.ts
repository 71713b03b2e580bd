/**
 * The catalogue of oracle scenarios written with the official SDK 2.4, keyed by stable kebab-case
 * names. Another implementation of the same workflows (our API) is looked up by these names and its
 * recording diffed against the official one (`runScenario` + `normalise`); benchmarks run them too.
 * Names must stay unique and never be reused for a different workflow.
 */
import { basicScenarios } from './official-scenarios-basic.js'
import { batchScenarios } from './official-scenarios-batch.js'
import { combinatorScenarios } from './official-scenarios-combinators.js'
import { contextScenarios } from './official-scenarios-contexts.js'
import { externalScenarios } from './official-scenarios-external.js'
import type { Scenario } from './scenario-types.js'

export const officialScenarios: readonly Scenario[] = [
  ...basicScenarios,
  ...externalScenarios,
  ...contextScenarios,
  ...batchScenarios,
  ...combinatorScenarios,
]

export const officialScenario = (name: string): Scenario => {
  const found = officialScenarios.find((s) => s.name === name)
  if (!found) throw new Error(`no official scenario named "${name}"`)
  return found
}
