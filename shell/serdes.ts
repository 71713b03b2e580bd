/**
 * Serdes: how values become checkpoint payloads and back (PROTOCOL.md §10). The default is JSON with
 * `undefined` meaning "no payload". Callers always get the round-tripped value, on the first run as on
 * replay, so both paths return the same thing. A throwing serdes ends the invocation (Lambda retries):
 * see shell/runtime/handlers/common.ts.
 */
export interface SerdesContext {
  readonly entityId: string
  readonly durableExecutionArn: string
}

export interface Serdes<T> {
  serialize(value: T | undefined, context: SerdesContext): Promise<string | undefined> | string | undefined
  deserialize(data: string | undefined, context: SerdesContext): Promise<T | undefined> | T | undefined
}

export const jsonSerdes: Serdes<any> = {
  serialize: (value) => (value === undefined ? undefined : JSON.stringify(value)),
  deserialize: (data) => (data === undefined ? undefined : JSON.parse(data)),
}

/** Callback results are handed over as the raw string the external system sent. */
export const passThroughSerdes: Serdes<any> = {
  serialize: (value) => (value === undefined ? undefined : String(value)),
  deserialize: (data) => data,
}
