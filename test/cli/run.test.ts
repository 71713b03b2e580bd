import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from 'uvu'
import * as assert from 'uvu/assert'

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
const bin = resolve(root, 'bin/durable-yield.js')
const example = 'examples/order-workflow/handler.ts'

function cli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c) => (stdout += c))
    child.stderr.on('data', (c) => (stderr += c))
    child.on('error', fail)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

const oneLine = (text: string) => text.trimEnd().split('\n').length === 1

test('run should execute the example to SUCCEEDED and print one JSON object with --json', async () => {
  const r = await cli(['run', example, '--input', '@examples/order-workflow/input.json', '--skip-time', '--json'])
  assert.is(r.code, 0, r.stderr)
  const out = JSON.parse(r.stdout) as { status: string; result: Record<string, unknown>; operations: { Name?: string }[]; history: { EventType: string }[] }
  assert.is(out.status, 'SUCCEEDED')
  assert.is(out.result['orderId'], 'A-1001')
  assert.is(out.result['charged'], 33)
  assert.is(out.result['notified'], 2)
  assert.ok(out.operations.some((o) => o.Name === 'cancellation-window'))
  assert.is(out.history.at(-1)?.EventType, 'ExecutionSucceeded')
})

test('run should exit 2 with one line on stderr for a missing module', async () => {
  const r = await cli(['run', 'does/not/exist.ts'])
  assert.is(r.code, 2)
  assert.ok(oneLine(r.stderr), r.stderr)
  assert.match(r.stderr, /module not found/)
  assert.is(r.stdout, '')
})

test('run should exit 2 on invalid --input JSON', async () => {
  const r = await cli(['run', example, '--input', '{not json'])
  assert.is(r.code, 2)
  assert.ok(oneLine(r.stderr), r.stderr)
  assert.match(r.stderr, /not valid JSON/)
})

test('run should exit 2 on an unknown flag', async () => {
  const r = await cli(['run', example, '--frobnicate'])
  assert.is(r.code, 2)
  assert.ok(oneLine(r.stderr), r.stderr)
  assert.match(r.stderr, /unknown option --frobnicate/)
})

test.run()
