/**
 * `durable-yield/local`: the embedded engine as a library. Create one with a store (memory or
 * SQLite), a clock (virtual with skipTime for tests, real for `serve`) and an invoker (the
 * function-name → handler registry, also used for chained invokes).
 */
export { createEngine, type Engine, type EngineOptions, type StartParams } from './engine.js'
export { createMemoryStore } from './store-memory.js'
export { createSqliteStore } from './store-sqlite.js'
export type { Store } from './store.js'
export { createRealClock, createVirtualClock, type Clock, type VirtualClock } from './clock.js'
export {
  createRegistryInvoker,
  DurableExecutionInvocationInputWithClient,
  type Handler,
  type Invoker,
  type LambdaContext,
} from './invocation-event.js'
export { EngineError, type EngineErrorCode, type EngineErrorName } from './errors.js'
export * as Limits from './limits.js'
export type { ExecutionView } from './tooling-api.js'
export type { ExecutionRecord, HistoryEvent, StoredExecution } from './model.js'
export { startHttpServer, type HttpServer, type HttpServerOptions } from './http/server.js'
export { withHttpCheckpoints } from './http/http-checkpoint-invoker.js'
