// stdout capture for the log assertions: writes during an invocation are kept as lines (partial
// writes joined) and not echoed; other writes pass through; release restores the writer.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { captureStdout } from '../../../cli/conformance/stdout-capture.js'

test('should keep lines written during an invocation and pass other writes through', async () => {
  const original = process.stdout.write
  const passed: string[] = []
  const fake = ((chunk: unknown) => (passed.push(String(chunk)), true)) as typeof process.stdout.write
  process.stdout.write = fake
  const capture = captureStdout()
  try {
    process.stdout.write('before\n')
    await capture.during(async () => {
      process.stdout.write('{"a":')
      process.stdout.write(Buffer.from('1}\nsecond line\nunterminated'))
      await new Promise((resolve) => setImmediate(resolve))
      console.log('from console')
    })
    process.stdout.write('after\n')
    assert.equal(capture.lines(), ['{"a":1}', 'second line', 'unterminatedfrom console'])
    assert.equal(passed, ['before\n', 'after\n'])
  } finally {
    capture.release()
    const restored = process.stdout.write
    process.stdout.write = original
    assert.ok(restored === fake)
  }
})

test('release should put back the writer that was there before', () => {
  const before = process.stdout.write
  const capture = captureStdout()
  assert.ok(process.stdout.write !== before)
  capture.release()
  assert.ok(process.stdout.write === before)
})

test.run()
