/** Requirement 8-13: tolerated failure percentage 25 of 4 branches: the second failure stops the batch. */
import { durable, parallel } from '../../../shell/index.js'

const failing = (index: number) => function* (): Generator<never, string> { throw new Error(`branch ${index} failed`) }

export const handler = durable(function* () {
  const result = yield* parallel('tolerated-pct', [failing(0), failing(1), failing(2), failing(3)], {
    maxConcurrency: 1,
    completionConfig: { toleratedFailurePercentage: 25 },
  })
  const { completionReason, successCount, failureCount, totalCount } = result
  return { completionReason, successCount, failureCount, totalCount }
})
