import { fileURLToPath } from 'node:url'
import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as E from 'fp-ts/lib/Either.js'
import { coverageOf, loadTemplate } from '../../../cli/conformance/template.js'
import { exitCodeFor, statusOfRun } from '../../../cli/conformance/status.js'

const templatePath = fileURLToPath(new URL('./fixtures/template.yaml', import.meta.url))
const fixturesDir = fileURLToPath(new URL('./fixtures', import.meta.url))

const loaded = () => {
  const result = loadTemplate(templatePath)
  if (E.isLeft(result)) throw new Error(result.left.message)
  return result.right
}

test('loadTemplate should tolerate CloudFormation short tags', () => {
  assert.ok(E.isRight(loadTemplate(templatePath)))
})

test('coverageOf should map an id to its function and handler, with Globals as fallback', () => {
  const coverage = coverageOf(loaded(), '1-1')
  assert.equal(coverage, { _tag: 'Covered', functionLogicalId: 'StepBasic', handler: 'handlers.requirement_1_1', codeDir: join(fixturesDir, 'handlers'), runtime: 'nodejs22.x', functionName: 'StepBasic' })
  const callback = coverageOf(loaded(), '4-1')
  assert.ok(callback._tag === 'Covered' && callback.codeDir === join(fixturesDir, 'callbacks'))
})

test('coverageOf should give NotImplemented for top-level and resource-level declarations', () => {
  assert.equal(coverageOf(loaded(), '7-1'), { _tag: 'NotImplemented', reason: 'wait_for_callback is not built yet' })
  assert.equal(coverageOf(loaded(), '8-13'), { _tag: 'NotImplemented', reason: 'toleratedFailurePercentage is rejected' })
})

test('coverageOf should give Uncovered when no function lists the id', () => {
  assert.equal(coverageOf(loaded(), '2-1'), { _tag: 'Uncovered' })
})

test('a listed function without Handler should be an error that says what to set', () => {
  const dir = mkdtempSync(join(tmpdir(), 'template-'))
  const path = join(dir, 'template.yaml')
  writeFileSync(path, 'Resources:\n  F:\n    Type: AWS::Serverless::Function\n    TestingMetadata:\n      TestDescription: ["1-1"]\n')
  const result = loadTemplate(path)
  assert.ok(E.isLeft(result) && /Resources\.F\.Properties\.Handler is missing; set it/.test(result.left.message))
})

test('loadTemplate should list every function with a handler under its FunctionName, mapped or not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'template-'))
  const path = join(dir, 'template.yaml')
  const resource = (handler: string, extra: string) => `    Type: AWS::Serverless::Function\n    Properties:\n      Handler: ${handler}\n${extra}`
  writeFileSync(path, `Resources:\n  Caller:\n${resource('caller.handler', '    TestingMetadata:\n      TestDescription: ["5-1"]\n')}  Echo:\n${resource('echo.handler', '      FunctionName: echo-target\n')}`)
  const result = loadTemplate(path)
  if (E.isLeft(result)) throw new Error(result.left.message)
  assert.equal(result.right.allFunctions.map((fn) => [fn.functionLogicalId, fn.functionName]), [['Caller', 'Caller'], ['Echo', 'echo-target']])
  assert.equal([...result.right.functions.keys()], ['5-1'])
})

test('statuses: optional failures do not block, only FAILED sets a non-zero exit code', () => {
  assert.is(statusOfRun(true, true), 'PASSED')
  assert.is(statusOfRun(false, false), 'FAILED')
  assert.is(statusOfRun(false, true), 'OPTIONAL_FAILED')
  assert.is(exitCodeFor(['PASSED', 'OPTIONAL_FAILED', 'NOT_IMPLEMENTED', 'UNCOVERED']), 0)
  assert.is(exitCodeFor(['PASSED', 'FAILED']), 1)
})

test.run()
