/**
 * `durable(workflow, options)` turns a generator workflow into a Lambda durable handler: it decodes
 * the invocation event once, pages in the rest of the state, runs the workflow on the interpreter,
 * waits for the checkpoint queue to drain, and answers SUCCEEDED, FAILED or PENDING — or throws for
 * invocation-level failures so that Lambda retries (PROTOCOL.md §2.2).
 */
import * as E from 'fp-ts/lib/Either.js'
import * as Execution from '../core/operations/execution.js'
import * as History from '../core/history.js'
import type { InvocationOutput, Operation } from '../core/types.js'
import * as Client from '../adapters/lambda/durable-client.js'
import { InvocationEventC, UnobservedInvocationEventC, decode } from '../adapters/wire/codecs.js'
import { CheckpointQueue, type QueueEvents } from './checkpoint-queue.js'
import type { Op } from './effect.js'
import { DurableSdkError, toErrorObject } from './errors.js'
import { createLogger, type Logger } from './logger.js'
import { rootPreserveDepth, validateChildOperationsDepth, type PluginsConfig } from './plugins-config.js'
import { rootFrame } from './runtime/frame.js'
import * as Invocation from './plugins/invocation.js'
import * as Loader from './plugins/loader.js'
import { createRunner, type Runner } from './plugins/runner.js'
import { PluginSession } from './plugins/session.js'
import type { DurableInstrumentationPlugin } from './plugins/types.js'
import { handlers } from './runtime/handlers/index.js'
import { Runtime, type Ending } from './runtime/runtime.js'

export interface LoggerConfig {
  /** false: log during replay too (default true: silent while replaying), as the official `configureLogger`. */
  readonly modeAware?: boolean
}

export interface DurableContext {
  readonly logger: Logger
  readonly executionArn: string
  configureLogger(config: LoggerConfig): void
}

export type Workflow<I, R> = (input: I, context: DurableContext) => Op<R>

export interface DurableOptions {
  /** Any object with LambdaClient's `send(command)`; defaults to a client from the environment. */
  readonly client?: Client.CommandSender
  /** Instrumentation plugins (the official SDK 2.4 contract), called in order; a throwing plugin never fails the workflow. */
  readonly plugins?: readonly DurableInstrumentationPlugin[]
  /** Experimental, as the official `pluginsConfig`; an invalid value fails every execution (FAILED). */
  readonly pluginsConfig?: PluginsConfig
}

export interface LambdaContextLike {
  getRemainingTimeInMillis?: () => number
  awsRequestId?: string
}

export type DurableHandler = (event: unknown, context?: LambdaContextLike) => Promise<InvocationOutput>

const PLUGINS_KEY = Symbol.for('durable-yield.plugins')

const UNEXPECTED_PAYLOAD =
  'Unexpected payload provided to start the durable execution.\nCheck your resource configurations to confirm the durability is set.'

function injectedClient(event: unknown): Client.InjectedClient | undefined {
  // The question every invocation asks, apart from the checks only a test runner's event reaches.
  if (typeof event !== 'object' || event === null || !('durableExecutionClient' in event)) return undefined
  return asInjectedClient(event.durableExecutionClient)
}

function asInjectedClient(candidate: unknown): Client.InjectedClient | undefined {
  if (typeof candidate !== 'object' || candidate === null) return undefined
  if (!('checkpoint' in candidate) || !('getExecutionState' in candidate)) return undefined
  const { checkpoint, getExecutionState } = candidate
  if (typeof checkpoint !== 'function' || typeof getExecutionState !== 'function') return undefined
  return { checkpoint: (p) => checkpoint.call(candidate, p), getExecutionState: (p) => getExecutionState.call(candidate, p) }
}

/** Plugins the test runner puts on the event (a non-enumerable global-symbol key); empty when none. */
function injectedPlugins(event: unknown): readonly DurableInstrumentationPlugin[] {
  if (typeof event !== 'object' || event === null) return []
  const injected: unknown = (event as Record<symbol, unknown>)[PLUGINS_KEY]
  // Only our own test runner sets this key, with the array its caller passed in `plugins`.
  return Array.isArray(injected) ? (injected as DurableInstrumentationPlugin[]) : []
}

interface PluginSetup {
  readonly runner: Runner | undefined
  readonly plugins: readonly DurableInstrumentationPlugin[] | undefined
}

/**
 * The plugins of a handler: its own, then those of DURABLE_EXECUTION_PLUGINS (loaded once, from
 * handler creation; a failure fails each invocation), then the test runner's for one event.
 */
function pluginSetup(plugins: readonly DurableInstrumentationPlugin[] | undefined) {
  const own: PluginSetup = { runner: plugins !== undefined && plugins.length > 0 ? createRunner(plugins) : undefined, plugins }
  const fromEnvironment = Loader.fromEnvironment()?.then((loaded): PluginSetup => {
    const all = [...(plugins ?? []), ...loaded]
    return { runner: createRunner(all), plugins: all }
  })
  void fromEnvironment?.catch(() => undefined)
  return {
    /** Whether anything may read the operations' Start/EndTimestamp (only plugins do). */
    observed: (event: unknown) => own.runner !== undefined || fromEnvironment !== undefined || injectedPlugins(event).length > 0,
    /** The runner for one invocation; rejects when the environment's providers failed to load. */
    async runnerFor(event: unknown): Promise<Runner | undefined> {
      const configured = fromEnvironment !== undefined ? await fromEnvironment : own
      const injected = injectedPlugins(event)
      return injected.length === 0 ? configured.runner : createRunner([...(configured.plugins ?? []), ...injected])
    },
  }
}

function decodeEvent(event: unknown, observed: boolean) {
  const decoded = decode(observed ? InvocationEventC : UnobservedInvocationEventC, event, 'durable invocation event')
  if (E.isRight(decoded)) return decoded.right
  const missing = decoded.left.path === 'DurableExecutionArn' || decoded.left.path === 'CheckpointToken' || decoded.left.path === ''
  throw new DurableSdkError('INVALID_EVENT', missing ? UNEXPECTED_PAYLOAD : decoded.left.message)
}

function clientFor(event: unknown, options: DurableOptions): Client.DurableClient {
  const injected = injectedClient(event)
  if (injected !== undefined) return Client.fromInjected(injected)
  return options.client !== undefined ? Client.fromSender(options.client) : Client.fromEnvironment()
}

/** The rest of the state after the event's first page (called only when the event has a NextMarker). */
async function loadOperations(client: Client.DurableClient, arn: string, token: string, first: readonly Operation[], marker: string): Promise<readonly Operation[]> {
  const operations = [...first]
  for (let next: string | undefined = marker; next !== undefined && next !== ''; ) {
    const page = await client.getState(arn, token, next, 1000)
    operations.push(...page.operations)
    next = page.nextMarker
  }
  return operations
}

export function durable<I = unknown, R = unknown>(workflow: Workflow<I, R>, options: DurableOptions = {}): DurableHandler {
  const setup = pluginSetup(options.plugins)
  const depth = options.pluginsConfig?.childOperationsDepth
  const configError = validateChildOperationsDepth(depth)
  const budget = configError === undefined ? rootPreserveDepth(depth) : 0
  return async (event, lambdaContext) => {
    // Without any plugin nothing reads the operations' Start/EndTimestamp (they are not parsed) and
    // there is no runner to wait for.
    const observed = setup.observed(event)
    const input = decodeEvent(event, observed)
    let runner: Runner | undefined
    try {
      if (observed) runner = await setup.runnerFor(event)
    } catch (error) {
      return { Status: 'FAILED', Error: toErrorObject(error) }
    }
    let client: Client.DurableClient | undefined
    // Made when first needed (a page of state, a checkpoint): a replay that needs neither makes none.
    const serviceClient = () => (client ??= clientFor(event, options))
    const arn = input.DurableExecutionArn
    const state = input.InitialExecutionState
    const first = state?.Operations ?? []
    // The event's own list as is when it is the whole state (no copy of N operations on replay).
    const operations = state?.NextMarker ? await loadOperations(serviceClient(), arn, input.CheckpointToken, first, state.NextMarker) : first
    const history = History.index(operations)
    const events = new RuntimeQueueEvents()
    const queue = new CheckpointQueue(serviceClient, arn, input.CheckpointToken, events)
    const remaining = lambdaContext?.getRemainingTimeInMillis
    const rt = new Runtime(arn, history.records, queue, handlers, remaining === undefined ? undefined : () => remaining.call(lambdaContext))
    events.runtime = rt
    const requestId = lambdaContext?.awsRequestId
    const userInput = JSON.parse(History.inputPayload(history)) as I
    const context = new WorkflowContext(rt, arn, requestId, runner)
    const frame = rootFrame(History.startsInReplay(history), budget)
    // An invalid config fails the execution before the workflow runs (nothing is checkpointed).
    const run = (): Promise<Ending> =>
      configError === undefined ? rt.run(workflow(userInput, context), frame) : Promise.resolve({ _tag: 'Settled', outcome: { ok: false, error: new Error(configError) } })
    if (runner === undefined) return finish(queue, await run())
    const facts = { requestId: requestId ?? '', executionArn: arn, executionInput: userInput, history: history.records, execution: history.execution, updatedIds: input.UpdatedOperationIds ?? [], isFirstInvocation: !History.startsInReplay(history) }
    return instrumentedRun(runner, facts, history.records, rt, queue, events, run)
  }
}

/**
 * What the checkpoint queue reports, passed on to the invocation's runtime (and its plugin session).
 * A class rather than closures in the handler: its methods are compiled when first called, and a
 * replay with nothing to checkpoint calls none.
 */
class RuntimeQueueEvents implements QueueEvents {
  runtime: Runtime | undefined
  session: PluginSession | undefined

  onOperations(operations: readonly Operation[]): Promise<void> | void {
    const change = this.session?.prepareChange(operations)
    this.runtime?.mergeOperations(operations)
    return change?.()
  }

  onFailure(error: DurableSdkError): void {
    this.runtime?.fail(error)
  }

  onIdle(): void {
    this.runtime?.poke()
  }
}

/** The run with instrumentation plugins: a session on the runtime, and the invocation's hooks around the workflow. */
function instrumentedRun(
  runner: Runner,
  facts: Invocation.InvocationFacts,
  records: Map<string, Operation>,
  rt: Runtime,
  queue: CheckpointQueue,
  events: RuntimeQueueEvents,
  run: () => Promise<Ending>,
): Promise<InvocationOutput> {
  const session = new PluginSession(runner, facts.executionArn, records, new Set(facts.updatedIds), (work) => rt.userCode(work))
  events.session = session
  rt.plugins = session
  return Invocation.instrumented(runner, facts, async () => {
    const ending = await run()
    return pluginEnd(ending, await finish(queue, ending))
  })
}

/**
 * The context a workflow receives: a replay-aware logger (configurable as the official one) and its
 * ARN. The logger is made on first use: most workflows never log, and it reads its level from the
 * environment.
 */
class WorkflowContext implements DurableContext {
  // Private in the language, so that logging or serialising the context shows only its public face.
  #modeAware = true
  #logger: Logger | undefined
  readonly #rt: Runtime
  readonly #requestId: string | undefined
  readonly #runner: Runner | undefined

  constructor(rt: Runtime, readonly executionArn: string, requestId: string | undefined, runner: Runner | undefined) {
    this.#rt = rt
    this.#requestId = requestId
    this.#runner = runner
  }

  get logger(): Logger {
    return (this.#logger ??= createLogger(
      () => ({ executionArn: this.executionArn, ...(this.#requestId !== undefined ? { requestId: this.#requestId } : {}), ...(this.#runner?.has('enrichLogContext') ? { extra: this.#runner.enrichLogContext() } : {}) }),
      () => this.#modeAware && (this.#rt.current?.frame.mode ?? 'Execution') !== 'Execution',
    ))
  }

  /** An arrow, as the official method behaves: it works detached from the context too. */
  readonly configureLogger = (config: LoggerConfig): void => {
    this.#modeAware = config.modeAware ?? this.#modeAware
  }
}

/** How the invocation ended, for onInvocationEnd: the raw result value, or the error as an Error. */
function pluginEnd(ending: Ending, output: InvocationOutput): Invocation.RunEnd {
  const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)))
  if (ending._tag === 'Suspended') return { status: 'PENDING', output }
  if (ending._tag === 'Terminated') return { status: 'FAILED', output, error: ending.error }
  if (ending.outcome.ok) return { status: 'SUCCEEDED', output, result: ending.outcome.value }
  return { status: 'FAILED', output, error: asError(ending.outcome.error) }
}

/** Waits for the queue to go idle; an idle queue (a replay with nothing to send) starts no async function. */
async function drainedSlowly(queue: CheckpointQueue): Promise<void> {
  while (!queue.idle) await new Promise((resolve) => setImmediate(resolve))
}

const drained = (queue: CheckpointQueue): Promise<void> | undefined => (queue.idle ? undefined : drainedSlowly(queue))

async function finish(queue: CheckpointQueue, ending: Awaited<ReturnType<Runtime['run']>>): Promise<InvocationOutput> {
  if (ending._tag === 'Terminated') {
    if (ending.error instanceof DurableSdkError && ending.error.code !== 'CHECKPOINT_EXECUTION' && ending.error.code !== 'CHECKPOINT_INVOCATION') await drained(queue)
    if (ending.failure === 'invocation') throw ending.error
    return { Status: 'FAILED', Error: { ErrorType: ending.error.name, ErrorMessage: ending.error.message } }
  }
  await drained(queue)
  if (ending._tag === 'Suspended') return { Status: 'PENDING' }
  if (!ending.outcome.ok) return Execution.failed(toErrorObject(ending.outcome.error)).output
  const json = ending.outcome.value === undefined ? undefined : JSON.stringify(ending.outcome.value)
  const completion = Execution.succeeded(json, Date.now())
  if (completion.updates.length > 0) {
    const confirmed = queue.enqueue(`execution-result-${Date.now()}`, completion.updates, true)
    await confirmed
  }
  return completion.output
}
