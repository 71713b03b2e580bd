import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { durable, retryPresets, step } from '../../../shell/index.js'
import { runLocal } from '../../../adapters/local/testing.js'
import type { Handler } from '../../../adapters/local/index.js'

const detail = (event: Record<string, unknown> | undefined, key: string) => (event?.[key] ?? {}) as Record<string, Record<string, unknown>>

test('should flag every history payload Truncated: false, as the service does', async () => {
  const handler = durable(function* (input: string) {
    const value = yield* step('ok', async () => `${input}!`)
    try {
      yield* step('bad', async () => { throw new Error('nope') }, { retryStrategy: retryPresets.noRetry })
    } catch {}
    return value
  }) as Handler
  const run = await runLocal(handler, 'hi', { skipTime: true })
  const byType = (type: string) => run.history.find((e) => e['EventType'] === type)
  assert.equal(detail(byType('ExecutionStarted'), 'ExecutionStartedDetails')['Input'], { Payload: '"hi"', Truncated: false })
  assert.equal(detail(byType('StepSucceeded'), 'StepSucceededDetails')['Result'], { Payload: '"hi!"', Truncated: false })
  assert.is(detail(byType('StepFailed'), 'StepFailedDetails')['Error']?.['Truncated'], false)
  assert.equal(detail(byType('ExecutionSucceeded'), 'ExecutionSucceededDetails')['Result'], { Payload: '"hi!"', Truncated: false })
})

test.run()
