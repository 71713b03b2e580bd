// The plugin runner: lifecycle hooks reach every plugin and are awaited; a throwing or rejecting
// plugin is reported once per hook and never stops the others; wrap hooks nest in order, the
// wrapped function runs once and its own error (never a plugin's) is what the caller sees.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createRunner, reportOnce } from '../../../shell/plugins/runner.js'

const quiet = () => {}

test('should run a lifecycle hook on every plugin and await async ones', async () => {
  const seen: string[] = []
  const runner = createRunner([
    { onOperationStart: async () => { await new Promise((r) => setTimeout(r, 5)); seen.push('slow') } },
    { onOperationStart: () => { seen.push('fast') } },
  ], quiet)
  await runner.run('onOperationStart', { id: 'x' })
  assert.equal(seen.sort(), ['fast', 'slow'])
})

test('should isolate a plugin that throws or rejects and report it once per hook', async () => {
  const reports: string[] = []
  const seen: string[] = []
  const runner = createRunner(
    [
      { onOperationStart: () => { throw new Error('sync') }, onOperationEnd: async () => { throw new Error('async') } },
      { onOperationStart: () => { seen.push('start') }, onOperationEnd: () => { seen.push('end') } },
    ],
    reportOnce((line) => reports.push(line)),
  )
  await runner.run('onOperationStart', {})
  await runner.run('onOperationStart', {})
  await runner.run('onOperationEnd', {})
  assert.equal(seen, ['start', 'start', 'end'])
  assert.is(reports.length, 2)
  assert.ok(reports[0]!.includes('onOperationStart') && reports[0]!.includes('sync'))
  assert.ok(reports[1]!.includes('onOperationEnd') && reports[1]!.includes('async'))
})

test('should nest wrap hooks with the first plugin outermost and call the function once', () => {
  const order: string[] = []
  let calls = 0
  const wrapper = (tag: string) => ({
    wrapOperationAttemptFn: (_info: unknown, fn: () => unknown) => { order.push(`${tag}>`); const v = fn(); order.push(`<${tag}`); return v },
  })
  const runner = createRunner([wrapper('a'), wrapper('b')], quiet)
  const value = runner.wrap('wrapOperationAttemptFn', {}, () => { calls++; order.push('fn'); return 42 })
  assert.is(value, 42)
  assert.is(calls, 1)
  assert.equal(order, ['a>', 'b>', 'fn', '<b', '<a'])
})

test('should still run the function when a wrap hook throws before calling it', async () => {
  const reports: string[] = []
  const runner = createRunner([{ wrapOperationAttemptFn: () => { throw new Error('broken wrap') } }], reportOnce((l) => reports.push(l)))
  assert.is(runner.wrap('wrapOperationAttemptFn', {}, () => 'ran'), 'ran')
  const rejecting = createRunner([{ wrapOperationAttemptFn: async () => { throw new Error('late') } }], quiet)
  assert.is(await rejecting.wrap('wrapOperationAttemptFn', {}, () => 'ran too'), 'ran too')
  assert.is(reports.length, 1)
})

test("should surface the function's own error even when a wrap hook swallows it", async () => {
  const swallow = { wrapOperationAttemptFn: async (_i: unknown, fn: () => unknown) => { try { return await fn() } catch { return 'hidden' } } }
  const runner = createRunner([swallow], quiet)
  try {
    await runner.wrap('wrapOperationAttemptFn', {}, async () => { throw new Error('user error') })
    assert.unreachable('should have thrown')
  } catch (error) {
    assert.is((error as Error).message, 'user error')
  }
})

test('should merge enrichLogContext fields in order and skip a throwing plugin', () => {
  const runner = createRunner([{ enrichLogContext: () => ({ a: 1, b: 'x' }) }, { enrichLogContext: () => { throw new Error('no') } }, { enrichLogContext: () => ({ b: 'y' }) }], quiet)
  assert.equal(runner.enrichLogContext(), { a: 1, b: 'y' })
  assert.is(runner.has('onOperationStart'), false)
  assert.is(runner.has('enrichLogContext'), true)
})

test.run()
