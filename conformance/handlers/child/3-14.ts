/** Requirement 3-14: a named child context whose custom serdes uppercases the result when serializing it. */
import { childContext, durable, step, type Serdes } from '../../../shell/index.js'

const upperCaseSerdes: Serdes<string> = {
  serialize: (value) => (value === undefined ? undefined : value.toUpperCase()),
  deserialize: (data) => data,
}

export const handler = durable(function* (input: string) {
  return yield* childContext(
    'uppercase-child',
    function* () {
      return yield* step(async () => input)
    },
    { serdes: upperCaseSerdes },
  )
})
