// Type tests, proved by `npm run typecheck`: `yield*` on an operation gives its typed result (steps,
// callbacks, map/parallel BatchResults, combinators), and a bare `yield step(...)` inside a durable
// workflow does not compile (the `@ts-expect-error` line fails typecheck if it ever does). The one
// runtime test only checks that the typed workflow values are what they claim at run time too.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { all, createCallback, durable, map, step, type BatchResult, type Op } from '../../shell/index.js'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const expectType = <T extends true>(_proof: T): void => undefined

export const typedWorkflow = durable(function* (event: { x: number }) {
  const n = yield* step('n', async () => event.x + 1)
  expectType<Equal<typeof n, number>>(true)
  const s = yield* step(() => 'text')
  expectType<Equal<typeof s, string>>(true)
  const [answer, callbackId] = yield* createCallback<{ ok: boolean }>('cb')
  expectType<Equal<typeof answer, Op<{ ok: boolean }>>>(true)
  expectType<Equal<typeof callbackId, string>>(true)
  const pair = yield* all('pair', [step(async () => 1), step(async () => 'a')])
  expectType<Equal<typeof pair, [number, string]>>(true)
  const batch = yield* map('m', [1, 2], (item) => step(async () => item > 1))
  expectType<Equal<typeof batch, BatchResult<boolean>>>(true)
  return { n, s }
})

// A contextually typed generator is checked where it is passed, so the workflow sits on one line:
// the directive covers exactly the bare `yield` (an Op where the interpreter takes an Effect).
// @ts-expect-error a bare `yield step(...)` does not compile inside durable(): use `yield*`
export const bareYield = durable(function* () { return yield step('s', async () => 1) })

// With the workflow's type written out, the error is reported on the `yield` line itself.
export function* annotated(): Op<number> {
  // @ts-expect-error a bare `yield step(...)` yields an Op, not an Effect
  yield step('s', async () => 1)
  return yield* step('t', async () => 2)
}

test('should infer the yield* result types the values have at run time', () => {
  const op = step('x', async () => 1)
  const first = op.next()
  assert.is(first.done, false)
  assert.is((first.value as { _tag: string })._tag, 'Step')
})

test.run()
