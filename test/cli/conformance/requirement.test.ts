import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as E from 'fp-ts/lib/Either.js'
import { loadRequirement, parseRequirementText } from '../../../cli/conformance/requirement.js'

const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)))
const officialDir = resolve(repoRoot, '../shared/conformance/requirements')

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry)
    return statSync(full).isDirectory() ? yamlFiles(full) : entry.endsWith('.yaml') ? [full] : []
  })
}

test('every official requirement file should decode', () => {
  const files = yamlFiles(officialDir)
  assert.ok(files.length >= 100, `expected the official requirements at ${officialDir}`)
  const failures = files.map((file) => loadRequirement(file)).flatMap((result) => (E.isLeft(result) ? [result.left.message] : []))
  assert.equal(failures, [])
})

test('loadRequirement should give the id, the suite and the typed keys', () => {
  const loaded = loadRequirement(join(officialDir, 'callback/4-5.yaml'))
  if (E.isLeft(loaded)) return assert.unreachable(loaded.left.message)
  const requirement = loaded.right
  assert.is(requirement.id, '4-5')
  assert.is(requirement.suite, 'callback')
  assert.ok(requirement.asyncInvoke)
  assert.equal(Object.keys(requirement.variables), ['CB_NAME', 'CB_PAYLOAD'])
  assert.is(requirement.input, '${CB_NAME}')
  assert.equal(requirement.callbackActions.map((action) => action.Operation), ['heartbeat', 'success'])
  assert.is(requirement.expectedResult?.ExecutionStatus, 'SUCCEEDED')
  assert.is(requirement.expectedResult?.result, undefined)
})

test('loadRequirement should read optional, ExpectedLogs and a present Result key', () => {
  const loaded = loadRequirement(join(officialDir, 'step/1-7.yaml'))
  if (E.isLeft(loaded)) return assert.unreachable(loaded.left.message)
  assert.ok(loaded.right.optional)
  assert.is(loaded.right.expectedLogs?.length, 3)
  assert.equal(loaded.right.expectedResult?.result, { value: 'Hello, ${INPUT_1}!' })
})

test('an empty Result: and a missing Input should both mean null', () => {
  const loaded = parseRequirementText('ExpectedResult:\n  ExecutionStatus: SUCCEEDED\n  Result:\n', 'dir/suite/9-9.yaml')
  if (E.isLeft(loaded)) return assert.unreachable(loaded.left.message)
  assert.equal(loaded.right.expectedResult?.result, { value: null })
  assert.is(loaded.right.input, null)
  assert.is(loaded.right.suite, 'suite')
})

test('Operation should be case-insensitive, as in the official runner', () => {
  const loaded = parseRequirementText('CallbackActions:\n  - CallbackName: "*"\n    Operation: Success\n', 's/1.yaml')
  assert.ok(E.isRight(loaded) && loaded.right.callbackActions[0]?.Operation === 'success')
})

test('a bad file should give one error naming the file and the path', () => {
  const cases: [string, string][] = [
    ['ExpectedExecutionHistory:\n  - EventType: A\n    EventId: two\n', 'ExpectedExecutionHistory[0].EventId'],
    ['CallbackActions:\n  - CallbackName: x\n    Operation: poke\n', 'CallbackActions[0].Operation'],
    ['CallbackActions:\n  - CallbackName: x\n    Operation: failure\n    Payload:\n      ErrorType: 3\n', 'CallbackActions[0].Payload.ErrorType'],
    ['ExpectedLogs:\n  - count: 1\n', 'ExpectedLogs[0].match'],
    ['AsyncInvoke: maybe\n', 'AsyncInvoke'],
  ]
  for (const [text, path] of cases) {
    const loaded = parseRequirementText(text, 'reqs/step/1-1.yaml')
    if (E.isRight(loaded)) return assert.unreachable(`accepted ${text}`)
    assert.is(loaded.left.path, path)
    assert.ok(loaded.left.message.startsWith(`reqs/step/1-1.yaml: ${path}: `), loaded.left.message)
    assert.match(loaded.left.message, /Fix the file/)
  }
})

test('a file that is not YAML should say so', () => {
  const loaded = parseRequirementText('a: [unclosed\n', 'reqs/x/1.yaml')
  assert.ok(E.isLeft(loaded) && /not valid YAML/.test(loaded.left.message))
})

test('should read booleans as PyYAML does: y and n stay strings, yes/on/off are booleans', () => {
  const text = 'description: d\nInput: [x, y, n, Y, yes, On, off, TRUE]\nExpectedExecutionHistory: []\n'
  const loaded = parseRequirementText(text, 'reqs/parallel/8-15.yaml')
  if (E.isLeft(loaded)) return assert.unreachable(loaded.left.message)
  assert.equal(loaded.right.input, ['x', 'y', 'n', 'Y', true, true, false, true])
})

test.run()
