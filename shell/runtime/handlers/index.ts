/** The handler for every effect tag, in one exhaustive table. */
import type { Effect } from '../../effect.js'
import type { Handler } from '../runtime.js'
import { handleBatch } from './batch.js'
import { handleChildBegin, handleChildEnd } from './child.js'
import { handleFork, handleJoin } from './combinators.js'
import { handleCondition } from './condition.js'
import { handleCallbackResult, handleCreateCallback, handleInvoke, handleWait } from './leaf.js'
import { handleStep } from './step.js'

export const handlers: Readonly<Record<Effect['_tag'], Handler>> = {
  Step: handleStep as Handler,
  Wait: handleWait as Handler,
  CreateCallback: handleCreateCallback as Handler,
  CallbackResult: handleCallbackResult as Handler,
  Invoke: handleInvoke as Handler,
  WaitForCondition: handleCondition as Handler,
  ChildBegin: handleChildBegin as Handler,
  ChildEnd: handleChildEnd as Handler,
  Batch: handleBatch as Handler,
  Fork: handleFork as Handler,
  Join: handleJoin as Handler,
  Await: ((_r: unknown, _f: unknown, effect: { promise: Promise<unknown> }) => effect.promise) as Handler,
  Answered: ((_r: unknown, _f: unknown, effect: { answer: unknown }) => effect.answer) as Handler,
}
