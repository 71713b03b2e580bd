// configureLogger({ modeAware: false }) makes the workflow logger write during replay too (as the
// official SDK's configureLogger), so re-executed code is observable; by default replay is silent.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { runLocal } from '../../adapters/local/testing.js'
import { durable, wait } from '../../shell/index.js'

/** Runs `body` and returns the stdout lines it wrote that contain `marker`. */
async function linesWith(marker: string, body: () => Promise<unknown>): Promise<string[]> {
  const original = process.stdout.write
  const lines: string[] = []
  process.stdout.write = ((chunk: unknown) => (lines.push(...String(chunk).split('\n')), true)) as typeof process.stdout.write
  try {
    await body()
  } finally {
    process.stdout.write = original
  }
  return lines.filter((line) => line.includes(marker))
}

const logThenWait = (modeAware: boolean | undefined) =>
  durable(function* (_input: unknown, ctx) {
    if (modeAware !== undefined) ctx.configureLogger({ modeAware })
    ctx.logger.info('before-the-wait')
    yield* wait({ seconds: 5 })
    return 'done'
  })

test('should log root code once by default, although it runs again on replay', async () => {
  const lines = await linesWith('before-the-wait', () => runLocal(logThenWait(undefined), null, { skipTime: true }))
  assert.is(lines.length, 1)
})

test('should log during replay too with configureLogger({ modeAware: false })', async () => {
  const lines = await linesWith('before-the-wait', () => runLocal(logThenWait(false), null, { skipTime: true }))
  assert.is(lines.length, 2)
  assert.ok(lines.every((line) => JSON.parse(line).message === 'before-the-wait'))
})

test.run()
