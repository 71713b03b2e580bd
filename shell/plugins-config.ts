/**
 * `pluginsConfig` of `durable()` (official SDK 2.4, experimental): `childOperationsDepth` says how
 * many levels of child contexts keep their children once finished (ReplayChildren), so that a later
 * invocation still sees the whole tree. This module decides whether a value is valid (the official
 * message, word for word, is the execution's error otherwise) and the root frame's budget.
 */

export interface PluginsConfig {
  /**
   * @experimental A non-negative integer or Infinity (default: none). Contexts down to this depth
   * record their full result with ReplayChildren and re-run over their kept children on replay.
   */
  readonly childOperationsDepth?: number
}

/** The error message for an invalid depth, as the official SDK builds it; undefined when valid. */
export function validateChildOperationsDepth(depth: unknown): string | undefined {
  if (depth === undefined || depth === Infinity) return undefined
  if (typeof depth === 'number' && Number.isInteger(depth) && depth >= 0) return undefined
  return `pluginsConfig.childOperationsDepth must be a non-negative integer or Infinity; got ${String(depth)}.`
}

/** The root's budget for a valid depth: none for 0 or absent, else one more than the depth. */
export function rootPreserveDepth(depth: number | undefined): number {
  if (depth === undefined || depth <= 0) return 0
  return depth === Infinity ? Infinity : depth + 1
}
