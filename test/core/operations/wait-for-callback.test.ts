import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { DurableErrorData } from '../../../core/errors.js'
import * as WaitForCallback from '../../../core/operations/wait-for-callback.js'

const original = (errorType: DurableErrorData['errorType']): DurableErrorData => ({ errorType, message: 'm' })

for (const type of ['CallbackError', 'CallbackExternalError', 'CallbackTimeoutError'] as const) {
  test(`should surface a recorded ${type} as itself`, () => {
    assert.equal(WaitForCallback.surfaceFailure(original(type)), original(type))
  })
}

test('should surface a failed submitter step as CallbackSubmitterError wrapping it', () => {
  assert.equal(WaitForCallback.surfaceFailure(original('StepError')), { errorType: 'CallbackSubmitterError', message: 'm', cause: original('StepError') })
})

test('should surface anything else as ChildContextError wrapping it', () => {
  assert.equal(WaitForCallback.surfaceFailure(original('InvokeError')), { errorType: 'ChildContextError', message: 'm', cause: original('InvokeError') })
})

test.run()
