/**
 * Requirement 1-6: a step with its own serdes that upper-cases every string it serializes, so the
 * checkpointed (and returned, round-tripped) value of `hello world` is `HELLO WORLD`.
 */
import { durable, step, type Serdes } from '../../../shell/index.js'

const upper = (value: unknown): unknown =>
  typeof value === 'string' ? value.toUpperCase()
    : Array.isArray(value) ? value.map(upper)
    : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, upper(v)]))
    : value

const uppercaseSerdes: Serdes<string> = {
  serialize: (value) => (value === undefined ? undefined : JSON.stringify(upper(value))),
  deserialize: (data) => (data === undefined ? undefined : (JSON.parse(data) as string)),
}

export const handler = durable(function* (event: string) {
  return yield* step(async () => event, { serdes: uppercaseSerdes })
})
