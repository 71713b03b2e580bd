// The engine target: handlers from a SAM template on the embedded engine, chained invokes resolved
// by FunctionName, virtual time (a 24 h wait costs nothing), history/callbacks over the HTTP API, and
// stdout lines kept per execution.
import { fileURLToPath } from 'node:url'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createEngineTarget } from '../../../cli/conformance/engine-target.js'
import type { ConformanceTarget } from '../../../cli/conformance/target.js'
import type { FunctionMapping } from '../../../cli/conformance/template.js'

const templatePath = fileURLToPath(new URL('./fixtures/engine/template.yaml', import.meta.url))
const codeDir = fileURLToPath(new URL('./fixtures/engine', import.meta.url))
const fn = (logicalId: string, handler: string): FunctionMapping => ({ functionLogicalId: logicalId, handler, codeDir })

const DAY_MS = 24 * 3600 * 1000

async function withTarget(body: (target: ConformanceTarget) => Promise<void>): Promise<void> {
  const target = await createEngineTarget({ templatePath, requirementsDir: codeDir })
  try {
    await body(target)
  } finally {
    await target.close?.()
  }
}

const eventTypes = (events: readonly unknown[]) => events.map((e) => (e as { EventType: string }).EventType)

test('invokeSync should run a chained invoke to the template function with that FunctionName', () =>
  withTarget(async (target) => {
    const { executionArn } = await target.invokeSync(fn('Caller', 'workflows.caller'), 'x')
    assert.equal(await target.getExecution(executionArn), { Status: 'SUCCEEDED', Result: '"target got x"' })
    const history = await target.getHistory(executionArn)
    const started = history.find((e) => (e as { EventType: string }).EventType === 'ChainedInvokeStarted') as { ChainedInvokeStartedDetails: { FunctionName: string } }
    assert.is(started.ChainedInvokeStartedDetails.FunctionName, 'fixture-target')
  }))

test('invokeSync should skip a 24-hour wait on the virtual clock and keep each execution its own log lines', () =>
  withTarget(async (target) => {
    const before = target.clock.now()
    const first = await target.invokeSync(fn('Sleeper', 'workflows.sleeper'), 'first')
    const second = await target.invokeSync(fn('Sleeper', 'workflows.sleeper'), 'second')
    assert.ok(target.clock.now() - before >= 2 * DAY_MS)
    assert.equal((await target.getExecution(first.executionArn)).Status, 'SUCCEEDED')
    const lines = (await target.readLogLines(first.executionArn)).map((line) => JSON.parse(line).message)
    // Both invocations' lines (replay logging is on), none of the other execution's.
    assert.equal(lines, ['sleeping for first', 'sleeping for first', 'woke up for first'])
    assert.is((await target.readLogLines(second.executionArn)).length, 3)
  }))

test('invokeAsync should leave time still until clock.sleep lets it pass', () =>
  withTarget(async (target) => {
    const { executionArn } = await target.invokeAsync(fn('Sleeper', 'workflows.sleeper'), 'async')
    await target.clock.sleep(3600)
    assert.is((await target.getExecution(executionArn)).Status, 'RUNNING')
    assert.equal(eventTypes(await target.getHistory(executionArn)), ['ExecutionStarted', 'WaitStarted', 'InvocationCompleted'])
    await target.clock.sleep(24 * 3600)
    assert.is((await target.getExecution(executionArn)).Status, 'SUCCEEDED')
  }))

test('callbacks should be answered through the HTTP API', () =>
  withTarget(async (target) => {
    const { executionArn } = await target.invokeAsync(fn('Forever', 'workflows.forever'), null)
    await target.clock.sleep(1)
    const started = (await target.getHistory(executionArn)).find((e) => (e as { EventType: string }).EventType === 'CallbackStarted') as { CallbackStartedDetails: { CallbackId: string } }
    await target.sendCallbackSuccess(started.CallbackStartedDetails.CallbackId, '"answered"')
    await target.clock.sleep(1)
    // The callback hands over the raw text it was sent, which the workflow returns as a string.
    assert.equal(await target.getExecution(executionArn), { Status: 'SUCCEEDED', Result: JSON.stringify('"answered"') })
  }))

test('invokeSync should reject, naming the cause, when nothing can ever wake the execution', () =>
  withTarget(async (target) => {
    try {
      await target.invokeSync(fn('Forever', 'workflows.forever'), null)
      assert.unreachable('should have rejected')
    } catch (error) {
      assert.match(String(error), /still RUNNING with nothing left to wake it/)
    }
  }))

test('a handler whose module is missing should fail its execution with a message naming Handler', () =>
  withTarget(async (target) => {
    const { executionArn } = await target.invokeSync(fn('Broken', 'missing-module.handler'), null)
    assert.is((await target.getExecution(executionArn)).Status, 'FAILED')
    const failed = (await target.getHistory(executionArn)).at(-1) as { ExecutionFailedDetails: { Error: { Payload: { ErrorMessage: string } } } }
    assert.match(failed.ExecutionFailedDetails.Error.Payload.ErrorMessage, /Broken: no module for Handler 'missing-module.handler'/)
  }))

test.run()
