import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as W from '../../adapters/wire/codecs.js'
import type { OperationUpdate } from '../../core/types.js'
import { RUNS, workflow } from './arbitraries.js'
import { runToCompletion } from './model.js'

/** Through JSON and back, as the AWS SDK would send it and the engine would read it. */
function roundTrip(update: OperationUpdate): E.Either<W.WireDecodeError, OperationUpdate> {
  return W.decode(W.OperationUpdateC, JSON.parse(JSON.stringify(W.OperationUpdateC.encode(update))), 'update')
}

test('should encode and decode every update the reducer produced back to itself', () => {
  fc.assert(
    fc.property(workflow, (wf) => {
      const updates = runToCompletion(wf).seen.flatMap((s) => s.transition.updates)
      for (const update of updates) {
        const back = roundTrip(update)
        if (E.isLeft(back)) assert.unreachable(`${JSON.stringify(update)}: ${JSON.stringify(back.left)}`)
        else assert.equal(back.right, update)
      }
    }),
    RUNS,
  )
})

test('should produce checkpoint request bodies the wire codec accepts, invocation by invocation', () => {
  fc.assert(
    fc.property(workflow, (wf) => {
      const outcome = runToCompletion(wf)
      for (let n = 1; n <= outcome.invocations; n++) {
        const Updates = outcome.seen.filter((s) => s.invocation === n).flatMap((s) => s.transition.updates)
        const body = { CheckpointToken: `token-${n}`, Updates }
        assert.ok(E.isRight(W.decode(W.CheckpointRequestC, JSON.parse(JSON.stringify(body)), 'checkpoint')), `invocation ${n}`)
      }
    }),
    { numRuns: 50 },
  )
})

test('should reject an update the reducer must never produce (the codec is not a no-op)', () => {
  assert.ok(E.isLeft(roundTrip({ Id: 'not a wire id!', Type: 'STEP', Action: 'START' })))
  assert.ok(E.isLeft(roundTrip({ Id: 'c4ca4238a0b92382', Type: 'WAIT', Action: 'START', WaitOptions: { WaitSeconds: 0 } })))
})

test.run()
