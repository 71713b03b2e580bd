import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Combinators from '../../../core/operations/combinators.js'

test('should surface any recorded failure as PromiseCombinatorError wrapping it', () => {
  const original = { errorType: 'StepError', message: 'r1' } as const
  assert.equal(Combinators.surfaceFailure(original), { errorType: 'PromiseCombinatorError', message: 'r1', cause: original })
})

test.run()
