/**
 * Example: tracing a durable workflow with OpenTelemetry. The `durable-yield/otel` plugin opens a
 * span per invocation, per operation and per attempt; here they go to the console exporter of
 * `@opentelemetry/sdk-trace-base` (swap in an OTLP exporter for a real backend). The workflow has a
 * step, a step that fails once and is retried, a wait (the invocation suspends and resumes), a child
 * context and a map, so every kind of span shows up. Run it with:
 *   npx durable-yield run examples/otel-workflow/handler.ts --skip-time
 */
import { BasicTracerProvider, ConsoleSpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { otelPlugin } from '../../adapters/otel/index.js'
import { childContext, durable, map, step, wait } from '../../shell/index.js'

const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new ConsoleSpanExporter())] })

export const handler = durable(
  function* (input: { readonly user?: string } | null) {
    const user = input?.user ?? 'ada'
    const profile = yield* step('load-profile', async () => ({ user, plan: 'pro' }))
    const quote = yield* step(
      'fetch-quote',
      async ({ attempt }) => {
        if (attempt === 1) throw new Error('pricing service busy')
        return { price: 42, attempt }
      },
      { retryStrategy: (_error, attempts) => (attempts < 3 ? { shouldRetry: true, delay: { seconds: 5 } } : { shouldRetry: false }) },
    )
    yield* wait('cool-off', { minutes: 10 })
    const invoice = yield* childContext('billing', function* () {
      const id = yield* step('create-invoice', async () => `inv-${user}`)
      return yield* step('send-invoice', async () => ({ id, sent: true }))
    })
    const receipts = yield* map('notify', ['email', 'sms'], function* (channel) {
      return yield* step(`notify-${channel}`, async () => `${channel}:ok`)
    })
    return { profile, quote, invoice, notified: receipts.getResults() }
  },
  { plugins: [otelPlugin({ tracer: provider.getTracer('otel-workflow') })] },
)
