// Runs the whole conformance command in-process, on the embedded engine, over the official
// requirements (../shared/conformance/requirements) and conformance/template.yaml: CI fails when any
// requirement is FAILED. Virtual time keeps the whole run within seconds.
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { runConformanceCommand } from '../../cli/conformance/command.js'
import { createEngineTarget } from '../../cli/conformance/engine-target.js'

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
const requirements = resolve(root, '../shared/conformance/requirements')
const template = resolve(root, 'conformance/template.yaml')

interface Result {
  readonly id: string
  readonly suite: string
  readonly status: string
  readonly errors: readonly string[]
}

function resultsOf(json: string): Result[] {
  const document: unknown = JSON.parse(json)
  if (typeof document !== 'object' || document === null || !('results' in document) || !Array.isArray(document.results)) throw new Error(`not a conformance report: ${json.slice(0, 200)}`)
  return document.results as Result[]
}

test('every official conformance requirement should pass or be NOT_IMPLEMENTED with a reason', async () => {
  let stdout = ''
  let stderr = ''
  const code = await runConformanceCommand(['--template', template, '--requirements', requirements, '--json'], {
    createTarget: (context) => createEngineTarget(context),
    cwd: root,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  })
  assert.is(stderr, '')
  const results = resultsOf(stdout)
  const failed = results.filter((r) => r.status === 'FAILED').map((r) => `${r.suite} ${r.id}: ${r.errors.join(' | ')}`)
  assert.equal(failed, [], `FAILED requirements:\n${failed.join('\n')}`)
  assert.is(code, 0)
  const owned = new Set(['callback', 'child', 'invoke', 'map', 'wait'])
  const uncovered = results.filter((r) => owned.has(r.suite) && r.status === 'UNCOVERED').map((r) => r.id)
  assert.equal(uncovered, [], 'every requirement of these suites should be mapped in the template')
  assert.ok(results.filter((r) => r.status === 'PASSED').length > 0)
})

test.run()
