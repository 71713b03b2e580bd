/** Requirement 8-1: parallel "parallel" of two branches, each one step, run one at a time. */
import { durable, parallel, step } from '../../../shell/index.js'

export const handler = durable(function* () {
  const result = yield* parallel('parallel', [
    function* () { return yield* step(async () => 'task-1') },
    function* () { return yield* step(async () => 'task-2') },
  ], { maxConcurrency: 1 })
  return result.getResults()
})
