import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as ChildContext from '../../../core/operations/child-context.js'

const eo = (ErrorType: string, ErrorMessage = 'm') => ({ ErrorType, ErrorMessage })
const rebuilt = (errorType: string, message = 'm') => ({ errorType, message, cause: { name: errorType, message } })

test('should wrap any error in ChildContextError by default', () => {
  assert.equal(ChildContext.mapFailure(eo('InvokeError')), { errorType: 'ChildContextError', message: 'm', cause: rebuilt('InvokeError') })
})

test('should surface ChildContextError "Child context failed" when no error was recorded', () => {
  assert.equal(ChildContext.mapFailure(undefined), { errorType: 'ChildContextError', message: 'Child context failed' })
})

for (const type of ['CallbackError', 'CallbackExternalError', 'CallbackTimeoutError']) {
  test(`should pass ${type} through unchanged with the callback mapping`, () => {
    assert.equal(ChildContext.mapFailure(eo(type), 'callback'), rebuilt(type))
  })
}

test('should turn a StepError into CallbackSubmitterError with the callback mapping', () => {
  assert.equal(ChildContext.mapFailure(eo('StepError', 'cannot submit'), 'callback'), {
    errorType: 'CallbackSubmitterError',
    message: 'cannot submit',
    cause: rebuilt('StepError', 'cannot submit'),
  })
})

test('should turn an unknown error type (rebuilt as StepError) into CallbackSubmitterError', () => {
  assert.equal(ChildContext.mapFailure(eo('Error', 'boom'), 'callback').errorType, 'CallbackSubmitterError')
})

test('should wrap a recorded CallbackSubmitterError in ChildContextError, as the 2.4 errorMapper does', () => {
  assert.equal(ChildContext.mapFailure(eo('CallbackSubmitterError'), 'callback'), {
    errorType: 'ChildContextError',
    message: 'm',
    cause: rebuilt('CallbackSubmitterError'),
  })
})

test('should wrap other durable errors in ChildContextError with the callback mapping', () => {
  assert.equal(ChildContext.mapFailure(eo('InvokeError'), 'callback'), { errorType: 'ChildContextError', message: 'm', cause: rebuilt('InvokeError') })
})

test('should wrap any error in PromiseCombinatorError with the combinator mapping', () => {
  assert.equal(ChildContext.mapFailure(eo('StepError', 'r1'), 'combinator'), {
    errorType: 'PromiseCombinatorError',
    message: 'r1',
    cause: rebuilt('StepError', 'r1'),
  })
})

test('should surface ChildContextError "Child context failed" without an error, whatever the mapping (2.4 skips the mapper)', () => {
  for (const mapping of ['callback', 'combinator'] as const) {
    assert.equal(ChildContext.mapFailure(undefined, mapping), { errorType: 'ChildContextError', message: 'Child context failed' })
  }
})

test.run()
