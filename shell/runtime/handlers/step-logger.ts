/**
 * The logger handed to user code inside a step or a condition check: user code only runs when it
 * executes for real, so this logger is never silenced, and every record names its operation.
 */
import * as Ids from '../../../core/ids.js'
import type { OperationId } from '../../../core/types.js'
import { createLogger, type Logger } from '../../logger.js'
import type { Runtime } from '../runtime.js'

export function stepLogger(runtime: Runtime, id: OperationId, name: string | undefined, attempt: number): Logger {
  const context = {
    executionArn: runtime.arn,
    operationId: Ids.wireId(id.raw),
    ...(name !== undefined ? { operationName: name } : {}),
    attempt,
  }
  const plugins = runtime.plugins?.runner
  return createLogger(() => (plugins?.has('enrichLogContext') ? { ...context, extra: plugins.enrichLogContext() } : context), () => false)
}
