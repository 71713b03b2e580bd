/** Requirement 9-1: map "map" over the input names, one step per item greeting it, max-concurrency 1; returns the results. */
import { durable, map, step } from '../../../shell/index.js'

export const handler = durable(function* (names: string[]) {
  const result = yield* map('map', names, (name) => step(async () => `Hello, ${name}!`), { maxConcurrency: 1 })
  return result.getResults()
})
