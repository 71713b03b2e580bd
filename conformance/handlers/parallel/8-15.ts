/** Requirement 8-15: a per-branch serdes checkpoints `{"wrapped": v}` and reads `v` back. */
import { durable, parallel, type Serdes } from '../../../shell/index.js'

const wrapping: Serdes<string> = {
  serialize: (value) => JSON.stringify({ wrapped: value }),
  deserialize: (data) => (data === undefined ? undefined : (JSON.parse(data) as { wrapped: string }).wrapped),
}

export const handler = durable(function* () {
  const result = yield* parallel('serde', [
    function* () { return 'x' },
    function* () { return 'y' },
  ], { maxConcurrency: 1, itemSerdes: wrapping })
  return result.getResults()
})
