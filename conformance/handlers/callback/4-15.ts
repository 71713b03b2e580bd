/**
 * Requirement 4-15: a callback with a custom deserializer that parses the JSON payload into a typed
 * object and turns its ISO timestamp into epoch seconds; the handler returns `{ received }`.
 */
import { createCallback, durable, type Serdes } from '../../../shell/index.js'

interface Received {
  readonly id: string
  readonly message: string
  readonly timestamp: number
}

const receivedSerdes: Serdes<Received> = {
  serialize: (value) => (value === undefined ? undefined : JSON.stringify({ ...value, timestamp: new Date(value.timestamp * 1000).toISOString() })),
  deserialize(data) {
    if (data === undefined) return undefined
    const raw = JSON.parse(data) as { id: string; message: string; timestamp: string }
    return { id: raw.id, message: raw.message, timestamp: Math.floor(Date.parse(raw.timestamp) / 1000) }
  },
}

export const handler = durable(function* (name: string) {
  const [result] = yield* createCallback(name, { serdes: receivedSerdes })
  return { received: yield* result }
})
