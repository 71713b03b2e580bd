/**
 * Several plugins behind one: lifecycle hooks go to every plugin at once and are awaited together;
 * wrap hooks nest in registration order (the first plugin outermost). A plugin that throws or
 * rejects is isolated per hook: its error is reported once per plugin and hook, and never reaches
 * the workflow. The wrapped function runs exactly once, and its own error (not a plugin's) is what
 * the caller sees, even if a plugin swallowed it or never called it.
 */
import type { DurableInstrumentationPlugin, LifecycleHook, WrapHook } from './types.js'

export type Report = (pluginIndex: number, hook: string, error: unknown) => void

export interface Runner {
  /** True when some plugin implements `hook`: callers skip building info objects otherwise. */
  has(hook: LifecycleHook | WrapHook | 'enrichLogContext'): boolean
  run(hook: LifecycleHook, info: unknown): Promise<void>
  wrap<T>(hook: WrapHook, info: unknown, fn: () => T): T | Promise<T>
  enrichLogContext(): Record<string, string | number | boolean>
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'

/** The default report: one JSON line on stderr per plugin and hook, the first time it fails. */
export function reportOnce(write: (line: string) => void = (line) => console.warn(line)): Report {
  const seen = new Set<string>()
  return (index, hook, error) => {
    const key = `${index}:${hook}`
    if (seen.has(key)) return
    seen.add(key)
    const message = error instanceof Error ? error.message : String(error)
    write(JSON.stringify({ level: 'WARN', message: `Instrumentation plugin #${index} threw from ${hook}; the error is ignored and the workflow goes on. Fix the plugin.`, hook, error: message }))
  }
}

export function createRunner(plugins: readonly DurableInstrumentationPlugin[], report: Report = reportOnce()): Runner {
  const list = [...plugins]
  return {
    has: (hook) => list.some((p) => typeof p[hook] === 'function'),
    run: async (hook, info) => {
      await Promise.all(
        list.map(async (plugin, index) => {
          const method = plugin[hook] as ((i: unknown) => unknown) | undefined
          if (typeof method !== 'function') return
          try {
            const result = method.call(plugin, info)
            if (isThenable(result)) await result
          } catch (error) {
            report(index, hook, error)
          }
        }),
      )
    },
    wrap: (hook, info, fn) => wrapAll(list, report, hook, info, fn),
    enrichLogContext: () => {
      let fields: Record<string, string | number | boolean> = {}
      list.forEach((plugin, index) => {
        if (typeof plugin.enrichLogContext !== 'function') return
        try {
          fields = { ...fields, ...plugin.enrichLogContext() }
        } catch (error) {
          report(index, 'enrichLogContext', error)
        }
      })
      return fields
    },
  }
}

/** `fn` callable any number of times but run once; remembers its result and its own error. */
class Once<T> {
  called: { readonly result: T | Promise<T> } | undefined
  failure: { readonly error: unknown } | undefined

  constructor(private readonly fn: () => T) {}

  readonly call = (): T | Promise<T> => {
    if (this.called !== undefined) return this.called.result
    try {
      const value = this.fn()
      const result = isThenable(value) ? Promise.resolve(value).catch((error: unknown) => this.fail(error)) : value
      this.called = { result }
      return result
    } catch (error) {
      const rejected = Promise.reject(error)
      rejected.catch(() => {})
      this.called = { result: rejected }
      return this.fail(error)
    }
  }

  private fail(error: unknown): never {
    this.failure = { error }
    throw error
  }
}

function wrapAll<T>(list: readonly DurableInstrumentationPlugin[], report: Report, hook: WrapHook, info: unknown, fn: () => T): T | Promise<T> {
  const once = new Once(fn)
  // A plugin that fails: the function's own error wins; else run (or reuse) the rest of the chain.
  const recover = (index: number, error: unknown, next: () => unknown): unknown => {
    if (once.failure !== undefined) throw once.failure.error
    report(index, hook, error)
    return once.called !== undefined ? once.called.result : next()
  }
  const chain = list.reduceRight<() => unknown>((next, plugin, index) => () => {
    const method = plugin[hook] as ((i: unknown, f: () => unknown) => unknown) | undefined
    if (typeof method !== 'function') return next()
    try {
      const out = method.call(plugin, info, next)
      return isThenable(out) ? Promise.resolve(out).catch((error: unknown) => recover(index, error, next)) : out
    } catch (error) {
      return recover(index, error, next)
    }
  }, once.call)
  const settle = (value: unknown): T => {
    if (once.failure !== undefined) throw once.failure.error
    return value as T
  }
  const outcome = chain()
  return isThenable(outcome) ? Promise.resolve(outcome).then(settle) : settle(outcome)
}
