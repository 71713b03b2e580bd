// The otel-workflow example runs to the end on the engine and its console exporter prints a span for
// each invocation, operation and attempt (captured here instead of printed).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { runLocal } from '../../../adapters/local/testing.js'
import { handler } from '../../../examples/otel-workflow/handler.js'

test('should run the otel example and export its invocation, operation and attempt spans', async () => {
  const dir = console.dir
  const printed: { name?: string }[] = []
  console.dir = (value: unknown) => void printed.push(value as { name?: string })
  try {
    const result = await runLocal(handler, { user: 'lin' }, { skipTime: true })
    assert.is(result.status, 'SUCCEEDED')
    assert.equal((result.result as { notified: string[] }).notified, ['email:ok', 'sms:ok'])
  } finally {
    console.dir = dir
  }
  const names = printed.map((s) => s.name)
  assert.is(names.filter((n) => n === 'durable.invocation').length, 3)
  for (const name of ['STEP load-profile', 'STEP fetch-quote attempt 1', 'STEP fetch-quote attempt 2', 'WAIT cool-off', 'CONTEXT billing', 'STEP notify-sms']) {
    assert.ok(names.includes(name), name)
  }
})

test.run()
