/**
 * The workflow logger: structured, one JSON object per line, enriched with the execution ARN and the
 * operation it is called from, and silent while the code it is called from is being replayed, so a
 * log line appears once per execution rather than once per invocation (PROTOCOL.md §8.3).
 */

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR'
const LEVELS: Readonly<Record<LogLevel, number>> = { DEBUG: 2, INFO: 3, WARN: 4, ERROR: 5 }

export interface Logger {
  debug(message: string, data?: unknown): void
  info(message: string, data?: unknown): void
  warn(message: string, data?: unknown): void
  error(message: string, data?: unknown): void
}

export interface LogRecordContext {
  readonly executionArn: string
  readonly requestId?: string
  readonly operationId?: string
  readonly operationName?: string
  readonly attempt?: number
  /** Fields instrumentation plugins add (enrichLogContext), e.g. trace ids. */
  readonly extra?: Readonly<Record<string, string | number | boolean>>
}

export type LogSink = (line: string) => void

function threshold(): number {
  const configured = process.env['AWS_LAMBDA_LOG_LEVEL']?.toUpperCase()
  return configured !== undefined && configured in LEVELS ? LEVELS[configured as LogLevel] : LEVELS.DEBUG
}

function errorFields(data: unknown): Record<string, unknown> {
  if (!(data instanceof Error)) return data === undefined ? {} : { data }
  return { errorType: data.name, errorMessage: data.message, stackTrace: data.stack?.split('\n') }
}

/**
 * A logger whose records are dropped while `isReplaying()` says so; `context()` is read per call
 * because the active operation changes as the interpreter moves between fibers.
 */
export function createLogger(context: () => LogRecordContext, isReplaying: () => boolean, sink: LogSink = (l) => process.stdout.write(l + '\n')): Logger {
  const min = threshold()
  const write = (level: LogLevel, message: string, data?: unknown) => {
    if (LEVELS[level] < min || isReplaying()) return
    const ctx = context()
    const record = {
      ...ctx.extra,
      requestId: ctx.requestId,
      timestamp: new Date().toISOString(),
      level,
      executionArn: ctx.executionArn,
      operationId: ctx.operationId,
      operationName: ctx.operationName,
      attempt: ctx.attempt,
      message,
      ...errorFields(data),
    }
    sink(JSON.stringify(record))
  }
  return {
    debug: (m, d) => write('DEBUG', m, d),
    info: (m, d) => write('INFO', m, d),
    warn: (m, d) => write('WARN', m, d),
    error: (m, d) => write('ERROR', m, d),
  }
}
