import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { parseConformanceArgs, runConformanceCommand } from '../../../cli/conformance/command.js'
import * as E from 'fp-ts/lib/Either.js'
import { FakeTarget, type Script } from './fake-target.js'
import { scripts } from './scripts.js'

const here = fileURLToPath(new URL('.', import.meta.url))
const template = join(here, 'fixtures/template.yaml')
const fixtureRequirements = join(here, 'fixtures/requirements')
const officialDir = resolve(here, '../../../../shared/conformance/requirements')

const wrongIdStep: Script = (context, input) => {
  context.event('StepStarted', { SubType: 'Step', Id: 'step-1', StepStartedDetails: {} })
  context.event('StepSucceeded', { SubType: 'Step', Id: 'step-2', StepSucceededDetails: {} })
  context.event('InvocationCompleted', { InvocationCompletedDetails: {} })
  context.succeed(`Hello, ${String(input)}!`)
}

async function runCommand(argv: string[], handlers: Record<string, Script> = { 'handlers.requirement_1_1': scripts['handlers.step_basic']!, 'handlers.requirement_4_1': scripts['handlers.callback_basic']! }) {
  let stdout = ''
  let stderr = ''
  let created = 0
  const code = await runConformanceCommand(argv, {
    createTarget: async () => {
      created += 1
      return new FakeTarget(handlers)
    },
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    randomIndex: (size) => 7 % size,
    wallClock: () => 0,
  })
  return { code, stdout, stderr, created }
}

test('parseConformanceArgs should read every flag and resolve paths against cwd', () => {
  const parsed = parseConformanceArgs(['--template', 't.yaml', '--requirements=reqs', '--suite', 'step', '--suite', 'map,wait', '--json'], '/repo')
  assert.equal(parsed, E.right({ templatePath: '/repo/t.yaml', requirementsDir: '/repo/reqs', suites: ['step', 'map,wait'], json: true }))
  assert.ok(E.isLeft(parseConformanceArgs(['--bogus'], '/repo')))
})

test('the command should print a table per suite with PASSED and NOT_IMPLEMENTED, and exit 0', async () => {
  const { code, stdout, created } = await runCommand(['--template', template, '--requirements', fixtureRequirements])
  assert.is(code, 0)
  assert.is(created, 1)
  assert.match(stdout, /callback\nID +STATUS +FUNCTION +DETAIL\n4-1 +PASSED +CallbackBasic/)
  assert.match(stdout, /step\nID +STATUS +FUNCTION +DETAIL\n1-1 +PASSED +StepBasic/)
  assert.match(stdout, /7-1 +NOT_IMPLEMENTED +- +wait_for_callback is not built yet/)
  assert.match(stdout, /warning: The template mentions 8-13, but no requirement file has that id\./)
  assert.match(stdout, /3 requirement\(s\): 2 PASSED, 0 FAILED, 0 OPTIONAL_FAILED, 1 NOT_IMPLEMENTED, 0 UNCOVERED/)
})

test('--suite should not warn about template ids that belong to the suites left out', async () => {
  const { stdout } = await runCommand(['--template', template, '--requirements', fixtureRequirements, '--suite', 'step'])
  assert.not.match(stdout, /mentions.*4-1/)
  assert.match(stdout, /mentions 8-13, but no requirement file has that id/)
})

test('ids the template mentions without a requirement file should be listed in one warning', async () => {
  const only = mkdtempSync(join(tmpdir(), 'requirements-'))
  mkdirSync(join(only, 'callback'))
  copyFileSync(join(fixtureRequirements, 'callback/4-1.yaml'), join(only, 'callback/4-1.yaml'))
  const { stdout } = await runCommand(['--template', template, '--requirements', only], {})
  assert.match(stdout, /warning: The template mentions 1-1, 7-1, 8-13, but no requirement file has those ids\./)
})

test('a FAILED requirement should exit 1 and show the first mismatching event and field', async () => {
  const { code, stdout } = await runCommand(['--template', template, '--requirements', fixtureRequirements, '--suite', 'step'], { 'handlers.requirement_1_1': wrongIdStep })
  assert.is(code, 1)
  assert.match(stdout, /1-1 +FAILED +StepBasic +EventId 3 \(StepSucceeded\) Id: expected \$\{ID1\} = "step-1" \(bound earlier\), got "step-2"/)
})

test('--json should print the official report shape', async () => {
  const { code, stdout } = await runCommand(['--template', template, '--requirements', fixtureRequirements, '--suite', 'step,wait_for_callback', '--json'])
  assert.is(code, 0)
  const report = JSON.parse(stdout) as { summary: Record<string, number>; results: { id: string; status: string; handler: string | null }[]; ci: { exit_code: number } }
  assert.equal(report.summary, { total: 2, passed: 1, failed: 0, optional_failed: 0, not_implemented: 1, uncovered: 0 })
  assert.equal(report.results.map((result) => [result.id, result.status, result.handler]), [['1-1', 'PASSED', 'handlers.requirement_1_1'], ['7-1', 'NOT_IMPLEMENTED', null]])
  assert.is(report.ci.exit_code, 0)
})

test('requirements no function lists should be UNCOVERED and not start a target', async () => {
  const { code, stdout, created } = await runCommand(['--template', template, '--requirements', officialDir, '--suite', 'wait'])
  assert.is(code, 0)
  assert.is(created, 0)
  assert.match(stdout, /2-1 +UNCOVERED[\s\S]*2-2 +UNCOVERED[\s\S]*2-4 +UNCOVERED/)
})

test('an unknown suite should exit 2 and list the suites that exist', async () => {
  const { code, stderr } = await runCommand(['--template', template, '--requirements', fixtureRequirements, '--suite', 'stpe'])
  assert.is(code, 2)
  assert.match(stderr, /Unknown suite stpe; choose from: all, callback, step, wait_for_callback\./)
})

test('an optional requirement that fails should be OPTIONAL_FAILED and not block', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-'))
  mkdirSync(join(dir, 'step'))
  copyFileSync(join(officialDir, 'step/1-7.yaml'), join(dir, 'step/1-7.yaml'))
  writeFileSync(join(dir, 'template.yaml'), 'Resources:\n  Logger:\n    Type: AWS::Serverless::Function\n    Properties: { Handler: handlers.requirement_1_7 }\n    TestingMetadata: { TestDescription: ["1-7"] }\n')
  const { code, stdout } = await runCommand(['--template', join(dir, 'template.yaml'), '--requirements', dir], { 'handlers.requirement_1_7': scripts['handlers.step_basic']! })
  assert.is(code, 0)
  assert.match(stdout, /1-7 +OPTIONAL_FAILED +Logger +ExpectedLogs\[0\]/)
})

test('a requirement file that does not decode should be FAILED naming the file and path', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-'))
  mkdirSync(join(dir, 'step'))
  writeFileSync(join(dir, 'step/1-1.yaml'), 'ExpectedExecutionHistory:\n  - EventType: StepStarted\n    EventId: second\n')
  const { code, stdout } = await runCommand(['--template', template, '--requirements', dir])
  assert.is(code, 1)
  assert.match(stdout, /1-1 +FAILED +- +.*step\/1-1\.yaml: ExpectedExecutionHistory\[0\]\.EventId: expected number, got "second"/)
})

test.run()
