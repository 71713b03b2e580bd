#!/usr/bin/env node
// Runs every test/**/*.test.ts file with uvu, in a few child processes (the machine has 2 cores),
// and closes with the plain line CI reads: "N passed, N failed". Exits non-zero on any failure
// or when no test ran. `npm test -- <substring>` runs only the files whose path contains it.
import { spawn } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const filters = process.argv.slice(2)

function findTests(dir) {
  const out = []
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry)
    if (statSync(full).isDirectory()) out.push(...findTests(full))
    else if (entry.endsWith('.test.ts')) out.push(full)
  }
  return out
}

const files = findTests(join(root, 'test'))
  .filter((f) => filters.length === 0 || filters.some((s) => relative(root, f).includes(s)))
  .sort()
const shardCount = Math.max(1, Math.min(Number(process.env.TEST_SHARDS ?? 2), files.length))
const shards = Array.from({ length: shardCount }, () => [])
files.forEach((f, i) => shards[i % shardCount].push(f))

const runner = `
const files = JSON.parse(process.env.UVU_FILES)
const { run } = await import('uvu/run')
await run(files.map((file) => ({ name: file.slice(${JSON.stringify(root.length + 1)}), file })))
`

function runShard(shard) {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', runner], {
      cwd: root,
      env: { ...process.env, UVU_FILES: JSON.stringify(shard), FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
      process.stdout.write(chunk)
    })
    child.on('close', (code) => {
      const total = Number(/Total:\s+(\d+)/.exec(output)?.[1] ?? 0)
      const passed = Number(/Passed:\s+(\d+)/.exec(output)?.[1] ?? 0)
      const skipped = Number(/Skipped:\s+(\d+)/.exec(output)?.[1] ?? 0)
      const crashed = code !== 0 && total === passed
      done({ total, passed, skipped, failed: total - passed - skipped + (crashed ? 1 : 0), code })
    })
  })
}

const results = await Promise.all(shards.filter((s) => s.length > 0).map(runShard))
const passed = results.reduce((n, r) => n + r.passed, 0)
const failed = results.reduce((n, r) => n + r.failed, 0)
const skipped = results.reduce((n, r) => n + r.skipped, 0)
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''))
if (failed > 0 || passed === 0 || results.some((r) => r.code !== 0)) process.exit(1)
