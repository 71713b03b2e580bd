import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { durable, waitForCondition } from '../../../shell/index.js'
import { runLocal } from '../../../adapters/local/testing.js'
import type { Handler } from '../../../adapters/local/index.js'

test('waitForCondition should accept a check without a leading name, as the official SDK does', async () => {
  const handler = durable(function* () {
    return yield* waitForCondition(async (n: number) => n + 1, {
      initialState: 0,
      waitStrategy: (n) => (n < 3 ? { shouldContinue: true, delay: { seconds: 5 } } : { shouldContinue: false }),
    })
  }) as Handler
  const run = await runLocal(handler, null, { skipTime: true })
  assert.is(run.status, 'SUCCEEDED')
  assert.is(run.result, 3)
  const condition = run.operations.find((o) => o.SubType === 'WaitForCondition')
  assert.ok(condition !== undefined && condition.Name === undefined)
})

test.run()
