import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as E from 'fp-ts/lib/Either.js'
import { loadRequirement, parseRequirementText, type Requirement } from '../../../cli/conformance/requirement.js'
import { runRequirement } from '../../../cli/conformance/run-requirement.js'
import type { FunctionMapping } from '../../../cli/conformance/template.js'
import { FakeTarget } from './fake-target.js'
import { scripts } from './scripts.js'

const officialDir = resolve(fileURLToPath(new URL('../../..', import.meta.url)), '../shared/conformance/requirements')
const fixturesDir = fileURLToPath(new URL('./fixtures/requirements', import.meta.url))
const fn = (handler: string): FunctionMapping => ({ functionLogicalId: 'Fn', handler, codeDir: '.' })
const cycling = () => {
  let next = 0
  return (size: number) => next++ % size
}
const requirementAt = (file: string): Requirement => {
  const loaded = loadRequirement(file)
  if (E.isLeft(loaded)) throw new Error(loaded.left.message)
  return loaded.right
}
const requirementFrom = (text: string): Requirement => {
  const loaded = parseRequirementText(text, 'inline/custom/0-1.yaml')
  if (E.isLeft(loaded)) throw new Error(loaded.left.message)
  return loaded.right
}
const run = (requirement: Requirement, handler: string, target = new FakeTarget(scripts)) => runRequirement(requirement, fn(handler), target, { randomIndex: cycling() })

test('a sync requirement should pass on a conforming execution (history once, result, logs)', async () => {
  const requirement = requirementAt(join(fixturesDir, 'step/1-1.yaml'))
  const withLogs = { ...requirement, expectedLogs: [{ match: { message: '/running for: World/' }, count: 1 }] }
  const outcome = await run(withLogs, 'handlers.step_basic')
  assert.equal(outcome.errors, [])
  assert.ok(outcome.passed)
  assert.is(outcome.bindings.get('ID1'), 'step-1')
})

test('a sync requirement should fail naming the result when the handler returns something else', async () => {
  const requirement = requirementAt(join(fixturesDir, 'step/1-1.yaml'))
  const outcome = await run({ ...requirement, input: 'Mars' }, 'handlers.step_basic')
  assert.not.ok(outcome.passed)
  assert.equal(outcome.errors, ['ExpectedResult.Result: expected "Hello, World!", got "Hello, Mars!" (raw Result "\\"Hello, Mars!\\"")'])
})

test('an async callback requirement should send the success after a poll and its delay, then pass', async () => {
  const target = new FakeTarget(scripts)
  const outcome = await run(requirementAt(join(fixturesDir, 'callback/4-1.yaml')), 'handlers.callback_basic', target)
  assert.equal(outcome.errors, [])
  assert.is(outcome.callbacksSent, 1)
  assert.equal(target.calls, ['t=3 success cbid-2 "klmnopqrstuv"'])
  assert.is(outcome.bindings.get('CB_NAME'), 'abcdefghij')
})

test('wait_for_callback: a nameless callback should be matched through its parent context', async () => {
  const outcome = await run(requirementAt(join(fixturesDir, 'wait_for_callback/7-1.yaml')), 'handlers.wait_for_callback')
  assert.equal(outcome.errors, [])
})

test('a heartbeat should be sent on one poll and the success on the next (official 4-5)', async () => {
  const target = new FakeTarget(scripts)
  const outcome = await run(requirementAt(join(officialDir, 'callback/4-5.yaml')), 'handlers.callback_heartbeat_10', target)
  assert.equal(outcome.errors, [])
  assert.equal(target.calls, ['t=2 heartbeat cbid-2', 't=5 success cbid-2 "klmnopqrstuv"'])
})

const HEARTBEAT_SENSITIVE = `
AsyncInvoke: true
Variables: { CB_NAME: '\${GEN_STR:6}' }
Input: \${CB_NAME}
ExpectedResult: { ExecutionStatus: SUCCEEDED }
CallbackActions:
  - { CallbackName: '\${CB_NAME}', Operation: heartbeat }
  - { CallbackName: '\${CB_NAME}', Operation: success, Payload: ok, Delay: 1 }
`

test('the heartbeat should reach the target and keep a 4 s heartbeat timeout alive past 4 s', async () => {
  const target = new FakeTarget(scripts)
  const outcome = await run(requirementFrom(HEARTBEAT_SENSITIVE), 'handlers.callback_heartbeat_4', target)
  assert.equal(outcome.errors, [])
  // The success goes out at t=5, after the first 4 s deadline: only the t=2 heartbeat kept the callback open.
  assert.equal(target.calls, ['t=2 heartbeat cbid-2', 't=5 success cbid-2 "ok"'])
})

test('with no actions the callback should time out, as the official 4-3 expects', async () => {
  const target = new FakeTarget(scripts)
  const outcome = await run(requirementAt(join(officialDir, 'callback/4-3.yaml')), 'handlers.callback_timeout_5', target)
  assert.equal(outcome.errors, [])
  assert.equal(target.calls, [])
})

test('a failure action should send only the error fields of its Payload (official 4-6)', async () => {
  const target = new FakeTarget(scripts)
  const outcome = await run(requirementAt(join(officialDir, 'callback/4-6.yaml')), 'handlers.callback_basic', target)
  assert.equal(target.calls, ['t=3 failure cbid-2 {"ErrorType":"RejectedError","ErrorMessage":"not approved"}'])
  assert.equal(outcome.errors, [])
})

test('an async execution with no new events for 30 s should fail with a stall error', async () => {
  const target = new FakeTarget(scripts)
  const outcome = await run(requirementFrom('AsyncInvoke: true\nExpectedResult: { ExecutionStatus: SUCCEEDED }\n'), 'handlers.wait_forever', target)
  assert.not.ok(outcome.passed)
  assert.match(outcome.errors[0] ?? '', /^No new history events for 3\d\.\ds \(timeout 30s\)/)
  assert.ok(target.nowMs >= 30_000 && target.nowMs <= 34_000)
})

test('without ExpectedResult an async requirement should pass as soon as the history matches', async () => {
  const target = new FakeTarget(scripts)
  const requirement = requirementFrom('AsyncInvoke: true\nExpectedExecutionHistory:\n  - { EventType: WaitStarted, EventId: 2, Id: "${W}", WaitStartedDetails: { Duration: 3600 } }\n')
  const outcome = await run(requirement, 'handlers.wait_forever', target)
  assert.equal(outcome.errors, [])
  assert.is(outcome.bindings.get('W'), 'wait-1')
  assert.is(target.nowMs, 2000)
})

test('a requirement whose action matches no callback should fail and say which callback', async () => {
  const requirement = requirementFrom('AsyncInvoke: true\nInput: real-name\nExpectedResult: { ExecutionStatus: SUCCEEDED }\nCallbackActions:\n  - { CallbackName: other, Operation: success }\n')
  const outcome = await run(requirement, 'handlers.callback_timeout_5')
  assert.match(outcome.errors[0] ?? '', /No CallbackAction matches callback 'real-name'/)
})

test('a target failure should become an error naming the function, not a crash', async () => {
  const outcome = await run(requirementAt(join(fixturesDir, 'step/1-1.yaml')), 'handlers.missing')
  assert.equal(outcome.errors, ['Fn (handlers.missing): handler handlers.missing is not exported by the handlers module'])
})

test.run()
