/**
 * Requirement 9-19: map "op-serde" with an operation-level serdes for the whole map result: it
 * writes "OPSERDE:" and the comma-joined results, and reads that back into a BatchResult.
 */
import { BatchResult, durable, map, type Serdes } from '../../../shell/index.js'

const PREFIX = 'OPSERDE:'

const operationSerdes: Serdes<BatchResult<string>> = {
  serialize: (value) => (value === undefined ? undefined : PREFIX + value.getResults().join(',')),
  deserialize(data) {
    if (data === undefined || !data.startsWith(PREFIX)) return undefined
    const results = data.slice(PREFIX.length).split(',')
    return new BatchResult(results.map((result, index) => ({ index, status: 'SUCCEEDED' as const, result })), 'ALL_COMPLETED')
  },
}

export const handler = durable(function* () {
  const result = yield* map(
    'op-serde',
    ['x', 'y'],
    function* (item) {
      return item.toUpperCase()
    },
    { maxConcurrency: 1, serdes: operationSerdes },
  )
  return result.getResults()
})
