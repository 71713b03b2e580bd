/**
 * Opens and closes child contexts (ChildBegin / ChildEnd effects). Entering pushes a frame with the
 * child's id scope; a new non-virtual context's START is enqueued and the fiber steps aside once, as
 * the official SDK's awaited plugin hook does, so that sibling branches start before any of them
 * runs. Closing marks the context finished before its result is serialized (PROTOCOL.md §7.5).
 */
import * as ChildContext from '../../../core/operations/child-context.js'
import { reduce } from '../../../core/reduce.js'
import type { Request } from '../../../core/request.js'
import type { ChildBeginEffect, ChildEndEffect, ChildEntry } from '../../effect.js'
import { DurableOperationError, fromData, toErrorObject } from '../../errors.js'
import * as CoreErrors from '../../../core/errors.js'
import { identity, type Identity } from '../../plugins/info.js'
import type { PluginSession } from '../../plugins/session.js'
import type { Fiber } from '../fiber.js'
import { allocate, childFrame, preservesChildren, type Frame } from '../frame.js'
import { Deferred, type Runtime } from '../runtime.js'
import { andThen, deserializeWith, serializeWith, terminal } from './common.js'

function mapped(effectOptions: { errorMapper?: (e: Error) => Error }, error: Error): Error {
  if (effectOptions.errorMapper === undefined) return error
  const original = error instanceof DurableOperationError && error.cause instanceof Error ? error.cause : error
  return effectOptions.errorMapper(original)
}

export function handleChildBegin(runtime: Runtime, fiber: Fiber, effect: ChildBeginEffect): unknown {
  const parent = fiber.frame
  const id = allocate(parent, runtime.history)
  const { options } = effect
  const request: Request = {
    _tag: 'ChildBegin',
    id,
    subType: options.subType,
    virtual: options.virtual,
    ...(effect.name !== undefined ? { name: effect.name } : {}),
    ...(options.mapping !== undefined ? { mapping: options.mapping } : {}),
  }
  const transition = reduce(runtime.history, request)
  const decision = transition.decision
  switch (decision._tag) {
    case 'Replay':
      if (!options.virtual) runtime.queue.finish(id.raw)
      return andThen(deserializeWith(runtime, options.serdes, decision.payload, id, effect.name), (value): ChildEntry => ({ replayed: true, value }))
    case 'Raise':
      runtime.queue.finish(id.raw)
      throw mapped(options, fromData(decision.error))
    case 'EnterChild': {
      const mode = decision.mode === 'ReplaySucceeded' ? 'ReplaySucceeded' : options.virtual ? 'Execution' : runtime.history.has(id.wire) ? 'Replay' : 'Execution'
      const frame = childFrame(parent, id, mode, effect.name, options)
      fiber.frames.push(frame)
      const fresh = transition.updates.length > 0
      if (fresh) void runtime.checkpoint(id, transition)
      const observed = runtime.plugins === undefined || mode === 'ReplaySucceeded' ? undefined : enterObserved(runtime, runtime.plugins, frame, fresh)
      if (observed !== undefined) return observed
      const entry: ChildEntry = { replayed: false }
      return fresh ? new Deferred(entry) : entry
    }
    default:
      return terminal(runtime, decision)
  }
}

export function handleChildEnd(runtime: Runtime, fiber: Fiber, effect: ChildEndEffect): unknown {
  const frame = fiber.frames.pop()
  const id = frame?.id
  const options = frame?.options
  if (frame === undefined || id === undefined || options === undefined) throw new Error('ChildEnd without a matching ChildBegin')
  const base = {
    id,
    subType: options.subType,
    virtual: options.virtual,
    ...(frame.name !== undefined ? { name: frame.name } : {}),
    ...(preservesChildren(frame) ? { preserveChildren: true } : {}),
  }
  if (!options.virtual) runtime.queue.finish(id.raw)
  const outcome = effect.outcome
  if (!outcome.ok) {
    const error = toErrorObject(outcome.error)
    const transition = reduce(runtime.history, { _tag: 'ChildFailed', ...base, error, ...(options.mapping !== undefined ? { mapping: options.mapping } : {}) })
    void runtime.checkpoint(id, transition)
    const decision = transition.decision
    // A context rebuilt from its children that throws on the re-run: its error as thrown, no end hook.
    if (decision._tag === 'Rethrow') throw outcome.error
    if (decision._tag !== 'Raise') return terminal(runtime, decision)
    const ended = hooks(runtime, frame)?.end(endIdentity(frame), options.virtual, {
      recorded: !options.virtual,
      status: 'FAILED',
      error: fromData(CoreErrors.fromErrorObject(error)),
    })
    if (ended !== undefined) return ended.then(() => Promise.reject(mapped(options, fromData(decision.error))))
    throw mapped(options, fromData(decision.error))
  }
  // The official SDK awaits the (async) serializer before recording success: two microtasks after a
  // sibling that failed in the same tick recorded its failure.
  const serialized = settledAfter(EXTRA_HOPS[options.subType] ?? 0).then(() => serializeWith(runtime, options.serdes, outcome.value, id, frame.name))
  return andThen(serialized, (payload) => {
    const summary = ChildContext.isOversized(payload) && options.summaryGenerator !== undefined ? options.summaryGenerator(outcome.value) : undefined
    const transition = reduce(runtime.history, {
      _tag: 'ChildSucceeded',
      ...base,
      ...(payload !== undefined ? { payload } : {}),
      ...(summary !== undefined ? { summary } : {}),
    })
    void runtime.checkpoint(id, transition)
    const ended = hooks(runtime, frame)?.end(endIdentity(frame), options.virtual, { recorded: !options.virtual, status: 'SUCCEEDED' })
    return andThen(ended ?? undefined, () => deserializeWith(runtime, options.serdes, payload, id, frame.name))
  })
}

/**
 * Official SDK 2.4: microtasks between an item function settling and runInChildContext seeing it,
 * beyond a plain context's: parallel's executor awaits the branch (one), map's async executor
 * returns the item's promise (two, adopting a thenable).
 */
const EXTRA_HOPS: Readonly<Record<string, number>> = { ParallelBranch: 1, MapIteration: 2 }

/** A promise that resolves `1 + extra` microtasks from now. */
function settledAfter(extra: number): Promise<void> {
  let p = Promise.resolve()
  for (let i = 0; i < extra; i++) p = p.then()
  return p
}

const endIdentity = (frame: Frame): Identity => identity(frame.id!, 'CONTEXT', frame.options!.subType, frame.name)

/**
 * Official SDK 2.4: a finished context replayed from its children (ReplayChildren) re-runs its
 * function outside the hooked path, so it reports neither start, wrap nor end; its children do.
 */
const hooks = (runtime: Runtime, frame: Frame): PluginSession | undefined => (frame.mode === 'ReplaySucceeded' ? undefined : runtime.plugins)

/**
 * Official SDK 2.4: a context starts live when its START is sent now, and as a replay otherwise
 * (a record from an earlier invocation, or a virtual context). With a wrap hook, the body runs as
 * its own fiber inside the plugins' wrapChildContextFn, on the frame just entered.
 */
function enterObserved(runtime: Runtime, plugins: PluginSession, frame: Frame, fresh: boolean): Promise<ChildEntry> | undefined {
  const base = endIdentity(frame)
  const started = fresh ? plugins.start(base, false, { status: 'STARTED' }) : plugins.start(base, true)
  const entry: ChildEntry = plugins.wrapsChildren
    ? {
        replayed: false,
        run: (body) => {
          const info = { ...plugins.info(base, frame.mode === 'ReplaySucceeded'), isReplayingChildren: frame.mode !== 'Execution' }
          return plugins.wrapChild(info, () => runtime.spawn(body(), frame).then((o) => (o.ok ? o.value : Promise.reject(o.error))))
        },
      }
    : { replayed: false }
  if (started !== undefined) return started.then(() => entry)
  return entry.run === undefined ? undefined : Promise.resolve(entry)
}
