/**
 * Promise combinators (all, allSettled, any, race — PROTOCOL.md §5.9, 2.4 semantics): the inputs are
 * operations of the enclosing context, checkpointed there; the combinator itself is a child context
 * (SubType `RunInChildContext`) whose id is taken after its inputs' ids, recorded by child-context.ts.
 * Its result is the JSON of the combined value; what is particular to it is how its failure surfaces.
 *
 * | recorded error of the context (rebuilt) | surfaces as                                  |
 * |-----------------------------------------|----------------------------------------------|
 * | any error                               | PromiseCombinatorError(message, original)    |
 */
import type { DurableErrorData } from '../errors.js'

export function surfaceFailure(original: DurableErrorData): DurableErrorData {
  return { errorType: 'PromiseCombinatorError', message: original.message, cause: original }
}
