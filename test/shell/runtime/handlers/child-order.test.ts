// A context that succeeds records its success after its serializer, as the official SDK 2.4 does
// (it awaits an async serializer): a sibling failing in the same tick is checkpointed first.
import { withDurableExecution } from '@aws/durable-execution-sdk-js'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { durable, parallel } from '../../../../shell/index.js'
import { fakeClient } from '../../../support/fake-client.js'
import { runScenario } from '../../../support/run-scenario.js'
import type { LambdaHandler } from '../../../support/scenario-types.js'

const official = withDurableExecution(async (_e: unknown, ctx) => {
  const result = await ctx.parallel('pair', [async () => 'ok', async () => { throw new Error('branch broke') }])
  return result.failureCount
}, { client: fakeClient })

const ours = durable(function* () {
  const result = yield* parallel('pair', [function* () { return 'ok' }, function* (): Generator<never, string> { throw new Error('branch broke') }])
  return result.failureCount
}, { client: fakeClient })

const actions = async (handler: LambdaHandler) =>
  (await runScenario({ handler })).invocations.map((i) => i.requests.map((r) => r.map((u) => `${u.Action} ${u.Name ?? ''}`)))

test('should checkpoint a failing branch before a sibling that succeeded in the same tick, as the official SDK', async () => {
  const expected = await actions(official)
  assert.equal(expected, [[['START pair', 'START parallel-branch-0', 'START parallel-branch-1', 'FAIL parallel-branch-1', 'SUCCEED parallel-branch-0', 'SUCCEED pair']]])
  assert.equal(await actions(ours), expected)
})

test.run()
