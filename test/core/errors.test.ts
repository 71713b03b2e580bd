import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as Errors from '../../core/errors.js'

const KNOWN: ReadonlyArray<readonly [Errors.DurableErrorType, string]> = [
  ['StepError', 'Step failed'],
  ['CallbackError', 'Callback failed'],
  ['CallbackExternalError', 'Callback failed'],
  ['CallbackTimeoutError', 'Callback timed out'],
  ['CallbackSubmitterError', 'Callback submitter failed'],
  ['InvokeError', 'Invoke failed'],
  ['ChildContextError', 'Child context failed'],
  ['WaitForConditionError', 'Wait for condition failed'],
  ['PromiseCombinatorError', 'Promise combinator failed'],
]

const From = suite('Errors.fromErrorObject')

for (const [type, fallback] of KNOWN) {
  From(`should rebuild ${type} with its message, cause and ErrorData`, () => {
    assert.equal(Errors.fromErrorObject({ ErrorType: type, ErrorMessage: 'why', ErrorData: 'd' }), {
      errorType: type,
      message: 'why',
      cause: { name: type, message: 'why' },
      errorData: 'd',
    })
  })

  From(`should give ${type} its default message "${fallback}" when the message is empty or absent`, () => {
    assert.is(Errors.fromErrorObject({ ErrorType: type, ErrorMessage: '' }).message, fallback)
    assert.equal(Errors.fromErrorObject({ ErrorType: type }), { errorType: type, message: fallback, cause: { name: type, message: '' } })
  })
}

From('should rebuild an unknown ErrorType as StepError keeping the original name in the cause', () => {
  assert.equal(Errors.fromErrorObject({ ErrorType: 'TypeError', ErrorMessage: 'boom' }), {
    errorType: 'StepError',
    message: 'boom',
    cause: { name: 'TypeError', message: 'boom' },
  })
})

From('should rebuild an unknown ErrorType without a message as StepError "Unknown error"', () => {
  assert.is(Errors.fromErrorObject({ ErrorType: 'Rejected' }).message, 'Unknown error')
  assert.equal(Errors.fromErrorObject({}), { errorType: 'StepError', message: 'Unknown error', cause: { name: 'Error', message: '' } })
})

From('should not treat inherited property names as known ErrorTypes', () => {
  assert.is(Errors.fromErrorObject({ ErrorType: 'toString', ErrorMessage: 'x' }).errorType, 'StepError')
  assert.is(Errors.fromErrorObject({ ErrorType: 'constructor', ErrorMessage: 'x' }).errorType, 'StepError')
})

From('should join StackTrace lines into the cause stack', () => {
  assert.equal(Errors.fromErrorObject({ ErrorType: 'Error', ErrorMessage: 'x', StackTrace: ['at a', 'at b'] }).cause, {
    name: 'Error',
    message: 'x',
    stack: 'at a\nat b',
  })
})

From.run()

const Wrap = suite('Errors.wrap / causeOf / isDurableErrorData')

Wrap('should wrap a recorded error as the given type, keeping message, cause and ErrorData', () => {
  assert.equal(Errors.wrap('CallbackExternalError', { ErrorType: 'Rejected', ErrorMessage: 'no way', ErrorData: '{"why":1}' }), {
    errorType: 'CallbackExternalError',
    message: 'no way',
    cause: { name: 'Rejected', message: 'no way' },
    errorData: '{"why":1}',
  })
})

Wrap('should use the default message of the type when nothing or an empty message was recorded', () => {
  assert.equal(Errors.wrap('InvokeError', undefined), { errorType: 'InvokeError', message: 'Invoke failed' })
  assert.equal(Errors.wrap('CallbackTimeoutError', { ErrorMessage: '' }), {
    errorType: 'CallbackTimeoutError',
    message: 'Callback timed out',
    cause: { name: 'Error', message: '' },
  })
})

Wrap('should tell durable error data from a plain cause', () => {
  assert.ok(Errors.isDurableErrorData({ errorType: 'StepError', message: 'x' }))
  assert.not.ok(Errors.isDurableErrorData(Errors.causeOf({ ErrorType: 'StepError', ErrorMessage: 'x' })))
})

Wrap.run()

const Codes = suite('Errors.ERROR_CODES / nonDeterminismMessage')

Codes('should classify every code as an execution or invocation failure with a hint', () => {
  for (const [code, entry] of Object.entries(Errors.ERROR_CODES)) {
    assert.ok(entry.failure === 'execution' || entry.failure === 'invocation', code)
    assert.ok(entry.hint.length > 0, code)
  }
  assert.is(Errors.ERROR_CODES.NON_DETERMINISM.errorType, 'NonDeterministicExecutionError')
  assert.is(Errors.ERROR_CODES.NON_DETERMINISM.failure, 'execution')
})

Codes('should word the non-determinism message as TV18, byte for byte', () => {
  assert.is(
    Errors.nonDeterminismMessage('type', '1', 'STEP', 'WAIT'),
    '[Unrecoverable Execution] Non-deterministic execution detected: Operation type mismatch for step "1". Expected type "STEP", but got "WAIT". This indicates non-deterministic control flow in your workflow code.',
  )
})

Codes('should print an absent name or subtype as "undefined"', () => {
  assert.is(
    Errors.nonDeterminismMessage('name', '2-1', undefined, 'b'),
    '[Unrecoverable Execution] Non-deterministic execution detected: Operation name mismatch for step "2-1". Expected name "undefined", but got "b". This indicates non-deterministic control flow in your workflow code.',
  )
})

Codes.run()
