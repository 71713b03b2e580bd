/**
 * The real `ConformanceTarget`: the embedded engine (memory store, virtual clock) running the
 * template's handlers. Every template function is registered under its FunctionName (else its
 * logical id), so chained invokes between template functions resolve through the engine's invoker
 * registry. Time is virtual and moves only here: `clock.sleep` walks the clock timer by timer up to
 * the deadline, letting the engine go idle after each, and a synchronous invoke skips ahead to each
 * next timer until the execution is terminal, so waits, retries and timeouts cost no wall time.
 * History, execution and callbacks go through the engine's HTTP API with the real LambdaClient, as
 * the official runner uses the service; stdout written during invocations is kept for the log checks.
 */
import { LambdaClient } from '@aws-sdk/client-lambda'
import * as E from 'fp-ts/lib/Either.js'
import { createEngine, type Engine } from '../../adapters/local/engine.js'
import { createVirtualClock, type VirtualClock } from '../../adapters/local/clock.js'
import { createRegistryInvoker, type Handler } from '../../adapters/local/invocation-event.js'
import { startHttpServer } from '../../adapters/local/http/server.js'
import { createMemoryStore } from '../../adapters/local/store-memory.js'
import { lazyHandler } from './handler-loader.js'
import { lambdaApiOperations } from './lambda-api.js'
import { captureStdout } from './stdout-capture.js'
import type { ConformanceClock, ConformanceTarget, ExecutionStarted, TargetContext } from './target.js'
import { loadTemplate, type FunctionMapping } from './template.js'

/** A synchronous invoke gives up after this much virtual time: an execution that never ends is a failure, not a hang. */
const MAX_SYNC_VIRTUAL_MS = 366 * 24 * 3600 * 1000

export interface EngineTargetOptions {
  /** Virtual start time (ms since the epoch); default: now. */
  readonly startTime?: number
}

function nameOf(fn: FunctionMapping): string {
  return fn.functionName ?? fn.functionLogicalId
}

function registryFor(functions: readonly FunctionMapping[], capture: ReturnType<typeof captureStdout>) {
  const invoker = createRegistryInvoker({})
  for (const fn of functions) {
    const handler = lazyHandler(fn)
    const run: Handler = (event, context) => capture.during(async () => await handler(event, context))
    invoker.register(nameOf(fn), run)
    if (nameOf(fn) !== fn.functionLogicalId && !invoker.has(fn.functionLogicalId)) invoker.register(fn.functionLogicalId, run)
  }
  return invoker
}

function virtualClockFor(engine: () => Engine, clock: VirtualClock): ConformanceClock {
  return {
    now: () => clock.now(),
    async sleep(seconds) {
      const until = clock.now() + seconds * 1000
      await engine().whenIdle()
      for (let next = clock.nextDue(); next !== undefined && next <= until; next = clock.nextDue()) {
        clock.advanceTo(next)
        await engine().whenIdle()
      }
      clock.advanceTo(until)
      await engine().whenIdle()
    },
  }
}

/** Skips virtual time, timer by timer, until the execution is terminal. */
async function runToEnd(engine: Engine, clock: VirtualClock, arn: string): Promise<void> {
  const deadline = clock.now() + MAX_SYNC_VIRTUAL_MS
  for (;;) {
    await engine.whenIdle()
    if (engine.getExecution({ DurableExecutionArn: arn }).Status !== 'RUNNING') return
    const next = clock.nextDue()
    if (next === undefined) throw new Error(`the execution ${arn} is still RUNNING with nothing left to wake it (an open callback with no timeout?); a synchronous requirement cannot finish`)
    if (next > deadline) throw new Error(`the execution ${arn} was still RUNNING after a year of virtual time`)
    clock.advanceTo(next)
  }
}

export async function createEngineTarget(context: TargetContext, options: EngineTargetOptions = {}): Promise<ConformanceTarget> {
  const template = loadTemplate(context.templatePath)
  if (E.isLeft(template)) throw new Error(template.left.message)
  const capture = captureStdout()
  const clock = createVirtualClock({ skipTime: false, ...(options.startTime !== undefined && { start: options.startTime }) })
  const engine = createEngine({ store: createMemoryStore(), clock, invoker: registryFor(template.right.allFunctions, capture) })
  const server = await startHttpServer(engine, { port: 0 })
  // History, execution records and callbacks go over the engine's HTTP API, through the real client.
  const client = new LambdaClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 })
  const api = lambdaApiOperations(client)
  const start = (fn: FunctionMapping, input: unknown): ExecutionStarted => ({
    executionArn: engine.startExecution({ functionName: nameOf(fn), inputPayload: JSON.stringify(input ?? null) }).DurableExecutionArn,
  })
  return {
    clock: virtualClockFor(() => engine, clock),
    async invokeSync(fn, input) {
      const started = start(fn, input)
      await runToEnd(engine, clock, started.executionArn)
      return started
    },
    invokeAsync: async (fn, input) => start(fn, input),
    ...api,
    readLogLines: async (arn) => capture.lines().filter((line) => line.includes(arn)),
    async close() {
      client.destroy()
      await server.close()
      engine.close()
      capture.release()
    },
  }
}
