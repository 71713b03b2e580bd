import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { durable, waitForCallback } from '../../../shell/index.js'
import { createLocalRunner } from '../../../adapters/local/testing.js'
import type { Handler } from '../../../adapters/local/index.js'

test('waitForCallback should accept a submitter without a leading name, as the official SDK does', async () => {
  const seen: string[] = []
  const handler = durable(function* () {
    return yield* waitForCallback(async (callbackId) => { seen.push(callbackId) }, { timeout: { seconds: 30 } })
  }) as Handler
  const runner = createLocalRunner(handler)
  try {
    runner.start(null)
    const waiting = await runner.runUntilIdle()
    const context = waiting.operations.find((o) => o.SubType === 'WaitForCallback')
    const callback = waiting.operations.find((o) => o.Type === 'CALLBACK')
    assert.ok(context !== undefined && context.Name === undefined)
    assert.is(callback?.CallbackDetails?.CallbackId, seen[0])
    runner.engine.sendCallbackSuccess({ CallbackId: seen[0]!, Result: 'done' })
    const run = await runner.runUntilIdle()
    assert.is(run.status, 'SUCCEEDED')
    assert.is(run.result, 'done')
  } finally {
    runner.close()
  }
})

test.run()
