/** `durable-yield/otel`: the OpenTelemetry instrumentation plugin and its span attribute names. */
export { OtelPlugin, otelPlugin, type OtelPluginOptions } from './plugin.js'
export { Attr } from './attributes.js'
