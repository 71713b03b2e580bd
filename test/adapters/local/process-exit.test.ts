import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createRetryStrategy, durable, step } from '../../../shell/index.js'
import { runLocal } from '../../../adapters/local/testing.js'
import type { Handler } from '../../../adapters/local/index.js'

const retry = createRetryStrategy({ maxAttempts: 3, initialDelay: { seconds: 1 }, backoffRate: 1, jitter: 'NONE' })

const crashOnce = (ran: number[]) =>
  durable(function* () {
    return yield* step(
      'fragile',
      async ({ attempt }) => {
        ran.push(attempt)
        if (attempt === 1) process.exit(3)
        return 'second time lucky'
      },
      { semantics: 'AT_MOST_ONCE_PER_RETRY', retryStrategy: retry },
    )
  }) as Handler

test('should record a handler calling process.exit as a crashed invocation (Runtime.ExitError) and invoke again', async () => {
  const ran: number[] = []
  const run = await runLocal(crashOnce(ran), null, { skipTime: true })
  assert.is(run.status, 'SUCCEEDED')
  assert.is(run.result, 'second time lucky')
  assert.equal(ran, [1, 2])
  const types = run.history.map((e) => e['EventType'])
  assert.equal(types, ['ExecutionStarted', 'StepStarted', 'InvocationCompleted', 'StepFailed', 'InvocationCompleted', 'StepStarted', 'StepSucceeded', 'InvocationCompleted', 'ExecutionSucceeded'])
  const crashed = run.history[2]?.['InvocationCompletedDetails'] as { Error?: { Payload?: { ErrorType?: string; ErrorMessage?: string } } }
  assert.is(crashed.Error?.Payload?.ErrorType, 'Runtime.ExitError')
  assert.match(crashed.Error?.Payload?.ErrorMessage ?? '', /Runtime exited with error: exit status 3$/)
  const interrupted = run.history[3]?.['StepFailedDetails'] as { Error?: { Payload?: { ErrorType?: string } } }
  assert.is(interrupted.Error?.Payload?.ErrorType, 'StepInterruptedError')
})

test('should crash only the invocation that called process.exit when others run beside it', async () => {
  const ran: number[] = []
  const calm = durable(function* () {
    return yield* step('calm', async () => 'calm')
  }) as Handler
  const [crashed, other] = await Promise.all([runLocal(crashOnce(ran), null, { skipTime: true }), runLocal(calm, null, { skipTime: true })])
  assert.is(crashed.status, 'SUCCEEDED')
  assert.is(other.status, 'SUCCEEDED')
  assert.not.ok(other.history.some((e) => (e['InvocationCompletedDetails'] as { Error?: unknown } | undefined)?.Error !== undefined))
})

test.run()
