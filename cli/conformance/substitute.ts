/**
 * Rule S and variable binding. A run has one set of bindings, shared by every later step:
 * `Variables` first (`${GEN_STR:N}` becomes N random characters of `[a-z0-9]`, anything else is a
 * literal string), then the placeholders the history matcher binds. Bindings are an immutable map
 * threaded through the steps, so a failed tentative match can be thrown away without side effects.
 * Substitution only touches strings (keys never), replaces `${NAME}` for bound identifiers with the
 * value as Python `str()` would print it, and leaves unbound references as they are.
 * The random source is passed in so tests are deterministic.
 */
import { isRecord } from './json-values.js'
import { pythonStr } from './python-text.js'

export type Bindings = ReadonlyMap<string, unknown>

/** Returns an integer in `[0, size)`. */
export type RandomIndex = (size: number) => number

export const GENERATED_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

const GENERATED_STRING = /^\$\{GEN_STR:(\d+)\}$/
const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g
const WHOLE_REFERENCE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/

export const emptyBindings: Bindings = new Map()

export function generateString(length: number, randomIndex: RandomIndex): string {
  let text = ''
  for (let index = 0; index < length; index += 1) text += GENERATED_ALPHABET[randomIndex(GENERATED_ALPHABET.length)]
  return text
}

/** Binds a requirement's `Variables`, in file order, on top of `bindings`. */
export function bindVariables(
  variables: Readonly<Record<string, string>>,
  randomIndex: RandomIndex,
  bindings: Bindings = emptyBindings,
): Bindings {
  const bound = new Map(bindings)
  for (const [name, value] of Object.entries(variables)) {
    const generated = GENERATED_STRING.exec(value)
    bound.set(name, generated ? generateString(Number(generated[1]), randomIndex) : value)
  }
  return bound
}

/** The NAME of a string that is exactly `${NAME}`, else undefined. */
export function wholeReferenceName(value: unknown): string | undefined {
  return typeof value === 'string' ? WHOLE_REFERENCE.exec(value)?.[1] : undefined
}

export function substituteText(text: string, bindings: Bindings): string {
  return text.replace(REFERENCE, (reference, name: string) => (bindings.has(name) ? pythonStr(bindings.get(name)) : reference))
}

/** Rule S applied to every string inside a value; mapping keys are left alone. */
export function substituteValue(value: unknown, bindings: Bindings): unknown {
  if (typeof value === 'string') return substituteText(value, bindings)
  if (Array.isArray(value)) return value.map((item) => substituteValue(item, bindings))
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substituteValue(item, bindings)]))
  }
  return value
}
