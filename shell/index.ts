/** The public SDK: `durable` and the operations, used with `yield*` in generator workflows. */
export { durable, type DurableContext, type LoggerConfig, type DurableHandler, type DurableOptions, type Workflow } from './durable.js'
export { step, wait, createCallback, invoke, waitForCondition, type StepOptions, type CallbackConfig, type InvokeConfig, type WaitForConditionConfig } from './api/leaf.js'
export { childContext, waitForCallback, type ChildContextOptions, type WaitForCallbackConfig, type Submitter } from './api/context.js'
export { map, parallel, all, allSettled, any, race, type BatchConfig, type MapConfig, type CompletionConfig, type Branch } from './api/batch.js'
export { BatchResult, type BatchItemResult } from './batch-result.js'
export type { Op, StepContext, RetryStrategy, RetryDecision, DurationLike } from './effect.js'
export * from './errors.js'
export { createRetryStrategy, createLinearRetryStrategy, createWaitStrategy, retryPresets } from './retry.js'
export { jsonSerdes, passThroughSerdes, type Serdes, type SerdesContext } from './serdes.js'
export type { Logger } from './logger.js'
export {
  DURABLE_INSTRUMENTATION_PLUGIN_API_VERSION,
  PluginInvocationStatus,
  PluginOperationStatus,
  AttemptEndInfoOutcome,
  type DurableInstrumentationPlugin,
  type OperationInfo,
  type OperationEndInfo,
  type AttemptInfo,
  type AttemptEndInfo,
  type ChildContextInfo,
  type InvocationInfo,
  type InvocationEndInfo,
  type OperationChangeInfo,
} from './plugins/types.js'
