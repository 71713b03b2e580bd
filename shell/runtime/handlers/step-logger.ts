/**
 * The logger handed to user code inside a step or a condition check: user code only runs when it
 * executes for real, so this logger is never silenced, and every record names its operation.
 * The step context builds it lazily.
 */
import type { OperationId } from '../../../core/types.js'
import type { StepContext } from '../../effect.js'
import { createLogger, type Logger } from '../../logger.js'
import type { Runtime } from '../runtime.js'

export function stepLogger(runtime: Runtime, id: OperationId, name: string | undefined, attempt: number): Logger {
  const context = {
    executionArn: runtime.arn,
    operationId: id.wire,
    ...(name !== undefined ? { operationName: name } : {}),
    attempt,
  }
  const plugins = runtime.plugins?.runner
  return createLogger(() => (plugins?.has('enrichLogContext') ? { ...context, extra: plugins.enrichLogContext() } : context), () => false)
}

/**
 * The context a step function receives. Its logger is built on first use: most step functions never
 * log, and building one (closures, the log level from the environment) is a large share of a short step.
 */
export function stepContext(runtime: Runtime, id: OperationId, name: string | undefined, attempt: number): StepContext {
  let logger: Logger | undefined
  return {
    get logger(): Logger {
      return (logger ??= stepLogger(runtime, id, name, attempt))
    },
    attempt,
  }
}
