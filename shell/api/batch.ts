/**
 * `map`, `parallel` and the promise combinators. Map and parallel are a child context (SubType Map
 * or Parallel) whose body runs the items as child contexts of their own (MapIteration /
 * ParallelBranch, or virtual ones with `nesting: 'FLAT'`). A combinator forks its inputs in the
 * current context, then joins them inside a RunInChildContext context of its own (PROTOCOL.md §5.9).
 */
import * as Batch from '../../core/operations/batch.js'
import { BatchResult, batchResultSerdes, toItem } from '../batch-result.js'
import type { BatchStatusView, CombinatorKind, ForkHandle, Op } from '../effect.js'
import { DurableSdkError } from '../errors.js'
import type { Serdes } from '../serdes.js'
import { enterChild } from './context.js'

export interface CompletionConfig {
  minSuccessful?: number
  toleratedFailureCount?: number
  toleratedFailurePercentage?: number
  shouldComplete?: (status: BatchStatusView) => { complete: false } | { complete: true; outcome?: 'SUCCEEDED' | 'FAILED' }
}

export interface BatchConfig<R> {
  maxConcurrency?: number
  completionConfig?: CompletionConfig
  serdes?: Serdes<BatchResult<R>>
  itemSerdes?: Serdes<R>
  summaryGenerator?: (result: BatchResult<R>) => string
  nesting?: 'NESTED' | 'FLAT'
}

export interface MapConfig<T, R> extends BatchConfig<R> {
  itemNamer?: (item: T, index: number) => string
}

function* runBatch<R>(kind: Batch.BatchKind, name: string | undefined, count: number, names: (string | undefined)[], body: (index: number) => Op<R>, config: BatchConfig<R>): Op<BatchResult<R>> {
  const completion = config.completionConfig
  const policy: Batch.CompletionPolicy | undefined =
    completion === undefined
      ? undefined
      : {
          ...(completion.minSuccessful !== undefined ? { minSuccessful: completion.minSuccessful } : {}),
          ...(completion.toleratedFailureCount !== undefined ? { toleratedFailureCount: completion.toleratedFailureCount } : {}),
          ...(completion.toleratedFailurePercentage !== undefined ? { toleratedFailurePercentage: completion.toleratedFailurePercentage } : {}),
          ...(completion.shouldComplete !== undefined ? { custom: true } : {}),
        }
  // As in the official SDK, a bad configuration ends the execution before the batch's context starts.
  const invalid = Batch.validate(config.maxConcurrency, policy)
  if (invalid !== undefined) yield { _tag: 'Await', promise: Promise.reject(new DurableSdkError('CONFIG_VALIDATION', invalid)) }
  const summarize = (result: BatchResult<R>) =>
    Batch.encodeSummary(kind, result.all.map(toItem), count, result.completionReason, config.summaryGenerator?.(result))
  const item = (index: number): Op<unknown> =>
    enterChild(Batch.itemName(kind, index, names[index]), () => body(index), {
      subType: kind === 'Map' ? 'MapIteration' : 'ParallelBranch',
      virtualContext: config.nesting === 'FLAT',
      ...(config.itemSerdes !== undefined ? { serdes: config.itemSerdes } : {}),
    })
  return yield* enterChild<BatchResult<R>>(
    name,
    function* () {
      return (yield {
        _tag: 'Batch',
        kind,
        count,
        item,
        itemNames: names,
        ...(config.maxConcurrency !== undefined ? { maxConcurrency: config.maxConcurrency } : {}),
        ...(policy !== undefined ? { policy } : {}),
        ...(completion?.shouldComplete !== undefined
          ? { shouldComplete: (s: BatchStatusView) => { const v = completion.shouldComplete!(s); return v.complete ? { complete: true, outcome: v.outcome ?? 'SUCCEEDED' } : { complete: false } } }
          : {}),
      }) as BatchResult<R>
    },
    { subType: kind, serdes: (config.serdes ?? batchResultSerdes) as Serdes<BatchResult<R>>, summaryGenerator: summarize },
  )
}

type MapFn<T, R> = (item: T, index: number, items: readonly T[]) => Op<R>

export function map<T, R>(items: readonly T[], fn: MapFn<T, R>, config?: MapConfig<T, R>): Op<BatchResult<R>>
export function map<T, R>(name: string | undefined, items: readonly T[], fn: MapFn<T, R>, config?: MapConfig<T, R>): Op<BatchResult<R>>
export function map<T, R>(a: string | undefined | readonly T[], b: readonly T[] | MapFn<T, R>, c?: MapFn<T, R> | MapConfig<T, R>, d?: MapConfig<T, R>): Op<BatchResult<R>> {
  return Array.isArray(a) ? mapNamed(undefined, a as readonly T[], b as MapFn<T, R>, (c as MapConfig<T, R> | undefined) ?? {}) : mapNamed(a as string | undefined, b as readonly T[], c as MapFn<T, R>, d ?? {})
}

function mapNamed<T, R>(name: string | undefined, items: readonly T[], fn: MapFn<T, R>, config: MapConfig<T, R>): Op<BatchResult<R>> {
  if (!Array.isArray(items)) throw new Error('Map operation requires an array of items')
  const names = items.map((item, index) => config.itemNamer?.(item, index))
  return runBatch('Map', name, items.length, names, (index) => fn(items[index] as T, index, items), config)
}

export type Branch<R> = (() => Op<R>) | { name?: string; func: () => Op<R> }

export function parallel<R>(branches: readonly Branch<R>[], config?: BatchConfig<R>): Op<BatchResult<R>>
export function parallel<R>(name: string | undefined, branches: readonly Branch<R>[], config?: BatchConfig<R>): Op<BatchResult<R>>
export function parallel<R>(a: string | undefined | readonly Branch<R>[], b?: readonly Branch<R>[] | BatchConfig<R>, c?: BatchConfig<R>): Op<BatchResult<R>> {
  return Array.isArray(a) ? parallelNamed(undefined, a as readonly Branch<R>[], (b as BatchConfig<R> | undefined) ?? {}) : parallelNamed(a as string | undefined, b as readonly Branch<R>[], c ?? {})
}

function parallelNamed<R>(name: string | undefined, branches: readonly Branch<R>[], config: BatchConfig<R>): Op<BatchResult<R>> {
  if (!Array.isArray(branches)) throw new Error('Parallel operation requires an array of branch functions')
  if (branches.some((b) => typeof b !== 'function' && (typeof b !== 'object' || typeof b.func !== 'function'))) {
    throw new Error('All branches must be functions or NamedParallelBranch objects')
  }
  const names = branches.map((b) => (typeof b === 'function' ? undefined : b.name))
  const run = (index: number) => {
    const branch = branches[index]!
    return typeof branch === 'function' ? branch() : branch.func()
  }
  return runBatch('Parallel', name, branches.length, names, run, config)
}

function* combine<R>(kind: CombinatorKind, name: string | undefined, ops: readonly Op<unknown>[]): Op<R> {
  const handles = (yield { _tag: 'Fork', ops }) as readonly ForkHandle[]
  return yield* enterChild<R>(name, function* () { return (yield { _tag: 'Join', kind, handles }) as R }, {}, 'combinator')
}

type Values<T extends readonly Op<unknown>[]> = { -readonly [K in keyof T]: T[K] extends Op<infer A> ? A : never }

export function all<T extends readonly Op<unknown>[]>(name: string | undefined, ops: readonly [...T]): Op<Values<T>> {
  return combine('all', name, ops)
}
export function allSettled<T extends readonly Op<unknown>[]>(name: string | undefined, ops: readonly [...T]): Op<PromiseSettledResult<Values<T>[number]>[]> {
  return combine('allSettled', name, ops)
}
export function any<T extends readonly Op<unknown>[]>(name: string | undefined, ops: readonly [...T]): Op<Values<T>[number]> {
  return combine('any', name, ops)
}
export function race<T extends readonly Op<unknown>[]>(name: string | undefined, ops: readonly [...T]): Op<Values<T>[number]> {
  return combine('race', name, ops)
}
