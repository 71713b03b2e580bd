import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { buildReport, compareRequirementIds, renderTables, type ReportEntry } from '../../../cli/conformance/report.js'

const entry = (id: string, suite: string, status: ReportEntry['status'], errors: string[] = []): ReportEntry => ({ id, suite, status, description: '', errors, durationMs: 0 })

test('compareRequirementIds should sort by the numbers in the id', () => {
  assert.equal(['1-11', '1-2', '10-1', '1-1'].sort(compareRequirementIds), ['1-1', '1-2', '1-11', '10-1'])
})

test('buildReport should sort by suite then id and set the exit code from FAILED only', () => {
  const report = buildReport([entry('1-11', 'step', 'PASSED'), entry('4-1', 'callback', 'UNCOVERED'), entry('1-2', 'step', 'OPTIONAL_FAILED', ['x'])])
  assert.equal(report.entries.map((item) => item.id), ['4-1', '1-2', '1-11'])
  assert.is(report.exitCode, 0)
  assert.is(buildReport([entry('1-1', 'step', 'FAILED', ['x'])]).exitCode, 1)
})

test('renderTables should show the first error and how many more there are', () => {
  const text = renderTables(buildReport([entry('1-1', 'step', 'FAILED', ['EventId 3 (StepSucceeded) Id: expected a, got b', 'second'])]))
  assert.match(text, /1-1 +FAILED +- +EventId 3 \(StepSucceeded\) Id: expected a, got b \(\+1 more\)/)
  assert.match(text, /FAILED: fix the FAILED requirements above/)
})

test.run()
