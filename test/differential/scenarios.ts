/**
 * The catalogue of our API's versions of the oracle scenarios, keyed by the official scenario names,
 * so that the differential tests can pair every official scenario with ours (and notice a missing one).
 */
import type { Scenario } from '../support/scenario-types.js'
import { basicScenarios } from './scenarios-basic.js'
import { batchScenarios } from './scenarios-batch.js'
import { combinatorScenarios } from './scenarios-combinators.js'
import { contextScenarios } from './scenarios-contexts.js'
import { externalScenarios } from './scenarios-external.js'

export const ourScenarios: readonly Scenario[] = [
  ...basicScenarios,
  ...externalScenarios,
  ...contextScenarios,
  ...batchScenarios,
  ...combinatorScenarios,
]

export const ourScenario = (name: string): Scenario | undefined => ourScenarios.find((s) => s.name === name)
