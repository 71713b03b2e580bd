/**
 * waitForCallback (PROTOCOL.md §5.4) is a child context (SubType `WaitForCallback`) holding an
 * unnamed CALLBACK and an unnamed submitter STEP; the shell composes it from those primitives, and
 * child-context.ts records it. What is particular to it is how its failure surfaces, decided here.
 *
 * | recorded error of the context (rebuilt)           | surfaces as                               |
 * |---------------------------------------------------|-------------------------------------------|
 * | CallbackError / CallbackExternalError / CallbackTimeoutError | itself                          |
 * | StepError (the submitter exhausted its retries)   | CallbackSubmitterError(message, original) |
 * | anything else                                      | ChildContextError(message, original)      |
 */
import type { DurableErrorData } from '../errors.js'

export function surfaceFailure(original: DurableErrorData): DurableErrorData {
  switch (original.errorType) {
    case 'CallbackError':
    case 'CallbackExternalError':
    case 'CallbackTimeoutError':
      return original
    case 'StepError':
      return { errorType: 'CallbackSubmitterError', message: original.message, cause: original }
    default:
      return { errorType: 'ChildContextError', message: original.message, cause: original }
  }
}
