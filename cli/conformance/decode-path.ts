/**
 * Renders where an io-ts decode failed as the path an author would write in YAML:
 * `ExpectedExecutionHistory[2].EventId`. Union and intersection members are validated against the
 * same value as their parent, so their member index is no step of the path.
 */
import * as t from 'io-ts'

export function decodePath(context: t.Context): string {
  let path = ''
  for (let index = 1; index < context.length; index += 1) {
    const entry = context[index]
    const parent = context[index - 1]
    if (entry === undefined || parent === undefined) continue
    if (parent.type instanceof t.UnionType || parent.type instanceof t.IntersectionType) continue
    path += Array.isArray(parent.actual) ? `[${entry.key}]` : path === '' ? entry.key : `.${entry.key}`
  }
  return path
}
