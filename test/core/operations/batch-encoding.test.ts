import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as Batch from '../../../core/operations/batch.js'

const Encode = suite('Batch.encodeResult / encodeSummary')

const badItem = Batch.batchError({
  ErrorType: 'ChildContextError',
  ErrorMessage: 'bad item',
  Cause: Batch.batchError({
    ErrorType: 'StepError',
    ErrorMessage: 'bad item',
    Cause: Batch.batchError({ ErrorType: 'StepError', ErrorMessage: 'bad item' }),
  }),
})

Encode('should write the PROTOCOL.md §5.8 BatchResult byte for byte', () => {
  const items: Batch.BatchItem[] = [
    { index: 0, status: 'SUCCEEDED', result: 10 },
    { index: 1, status: 'FAILED', error: badItem },
    { index: 2, status: 'STARTED' },
  ]
  assert.is(
    Batch.encodeResult(items, 'ALL_COMPLETED'),
    '{"all":[{"result":10,"index":0,"status":"SUCCEEDED"},' +
      '{"error":{"ErrorType":"ChildContextError","ErrorMessage":"bad item",' +
      '"Cause":{"ErrorType":"StepError","ErrorMessage":"bad item",' +
      '"Cause":{"ErrorType":"StepError","ErrorMessage":"bad item"}}},' +
      '"index":1,"status":"FAILED"},' +
      '{"index":2,"status":"STARTED"}],' +
      '"completionReason":"ALL_COMPLETED"}',
  )
})

Encode('should write the TV12 map result byte for byte', () => {
  const items: Batch.BatchItem[] = [1, 2, 3, 4, 5].map((n, index) => ({ index, status: 'SUCCEEDED', result: n * 2 }))
  assert.is(
    Batch.encodeResult(items, 'ALL_COMPLETED'),
    '{"all":[{"result":2,"index":0,"status":"SUCCEEDED"},{"result":4,"index":1,"status":"SUCCEEDED"},' +
      '{"result":6,"index":2,"status":"SUCCEEDED"},{"result":8,"index":3,"status":"SUCCEEDED"},' +
      '{"result":10,"index":4,"status":"SUCCEEDED"}],"completionReason":"ALL_COMPLETED"}',
  )
})

Encode('should write the TV13 early-completion result byte for byte', () => {
  const items: Batch.BatchItem[] = [
    { index: 0, status: 'SUCCEEDED', result: 'F' },
    { index: 1, status: 'STARTED' },
  ]
  assert.is(
    Batch.encodeResult(items, 'MIN_SUCCESSFUL_REACHED'),
    '{"all":[{"result":"F","index":0,"status":"SUCCEEDED"},{"index":1,"status":"STARTED"}],"completionReason":"MIN_SUCCESSFUL_REACHED"}',
  )
})

Encode('should omit the result key of an item whose result is undefined', () => {
  assert.is(Batch.encodeResult([{ index: 0, status: 'SUCCEEDED', result: undefined }], 'ALL_COMPLETED'), '{"all":[{"index":0,"status":"SUCCEEDED"}],"completionReason":"ALL_COMPLETED"}')
})

Encode('should write the TV15 map summary with the user summary last, byte for byte', () => {
  const items: Batch.BatchItem[] = [0, 1, 2].map((index) => ({ index, status: 'SUCCEEDED', result: 'x' }))
  assert.is(
    Batch.encodeSummary('Map', items, 3, 'ALL_COMPLETED', 'n=3'),
    '{"type":"MapResult","totalCount":3,"successCount":3,"failureCount":0,"completionReason":"ALL_COMPLETED","status":"SUCCEEDED","itemStatuses":"SSS","summary":"n=3"}',
  )
})

Encode('should write a parallel summary with startedCount after failureCount and "-" for started items', () => {
  const items: Batch.BatchItem[] = [
    { index: 0, status: 'SUCCEEDED', result: 1 },
    { index: 1, status: 'FAILED', error: badItem },
    { index: 3, status: 'STARTED' },
  ]
  assert.is(
    Batch.encodeSummary('Parallel', items, 5, 'ALL_COMPLETED'),
    '{"type":"ParallelResult","totalCount":5,"successCount":1,"failureCount":1,"startedCount":1,"completionReason":"ALL_COMPLETED","status":"FAILED","itemStatuses":"SF--"}',
  )
})

Encode('should write an empty itemStatuses when no item started', () => {
  assert.is(
    Batch.encodeSummary('Map', [], 0, 'ALL_COMPLETED'),
    '{"type":"MapResult","totalCount":0,"successCount":0,"failureCount":0,"completionReason":"ALL_COMPLETED","status":"SUCCEEDED","itemStatuses":""}',
  )
})

Encode('should nest ErrorData in a batch error only when present', () => {
  assert.equal(Batch.batchError({ ErrorType: 'StepError', ErrorMessage: 'm', ErrorData: 'd' }), { ErrorType: 'StepError', ErrorMessage: 'm', ErrorData: 'd' })
  assert.equal(JSON.stringify(Batch.batchError({})), '{"ErrorType":"Error","ErrorMessage":""}')
})

Encode.run()

const Decode = suite('Batch.decodeRecorded')

Decode('should read the reason and markers back from a summary', () => {
  const summary = Batch.encodeSummary('Map', [{ index: 0, status: 'SUCCEEDED', result: 1 }, { index: 1, status: 'FAILED', error: badItem }], 2, 'MIN_SUCCESSFUL_REACHED')
  assert.equal(Batch.decodeRecorded(summary), { reason: 'MIN_SUCCESSFUL_REACHED', markers: 'SF' })
})

Decode('should read the reason and markers from a full BatchResult payload (a context kept within childOperationsDepth)', () => {
  const items = [{ index: 0, status: 'SUCCEEDED', result: 1 }, { index: 1, status: 'STARTED' }, { index: 2, status: 'FAILED', error: badItem }] as const
  assert.equal(Batch.decodeRecorded(Batch.encodeResult(items, 'MIN_SUCCESSFUL_REACHED')), { reason: 'MIN_SUCCESSFUL_REACHED', markers: 'S-F' })
  assert.equal(Batch.decodeRecorded(Batch.encodeResult([{ index: 0, status: 'STARTED' }], 'ALL_COMPLETED')), { reason: 'ALL_COMPLETED', markers: '-' })
})

Decode('should mark unlisted indexes unfinished and skip entries without a numeric index', () => {
  assert.equal(Batch.decodeRecorded('{"all":[{"index":2,"status":"SUCCEEDED"},{"status":"FAILED"},null,7]}'), { markers: '--S' })
  assert.equal(Batch.decodeRecorded('{"all":[{"status":"SUCCEEDED"}]}'), {})
  assert.equal(Batch.decodeRecorded('{"all":[]}'), {})
})

Decode('should use only integer indexes within the all array, so a damaged payload cannot ask for a huge marker string', () => {
  assert.equal(Batch.decodeRecorded('{"all":[{"index":1e12,"status":"SUCCEEDED"},{"index":1.5,"status":"FAILED"},{"index":-1,"status":"FAILED"},{"index":0,"status":"FAILED"}]}'), { markers: 'F' })
  assert.equal(Batch.decodeRecorded('{"all":[{"index":9,"status":"SUCCEEDED"}]}'), {})
})

Decode('should prefer a summary\'s markers, even malformed ones, over an all array', () => {
  assert.equal(Batch.decodeRecorded('{"itemStatuses":"S-","all":[{"index":0,"status":"FAILED"}]}'), { markers: 'S-' })
  assert.equal(Batch.decodeRecorded('{"itemStatuses":"?","all":[{"index":0,"status":"FAILED"}]}'), {})
})

Decode('should ignore a reason that is not one of the five legal values', () => {
  assert.equal(Batch.decodeRecorded('{"completionReason":"BECAUSE","itemStatuses":"S"}'), { markers: 'S' })
})

Decode('should ignore malformed markers', () => {
  assert.equal(Batch.decodeRecorded('{"completionReason":"ALL_COMPLETED","itemStatuses":"SX"}'), { reason: 'ALL_COMPLETED' })
  assert.equal(Batch.decodeRecorded('{"itemStatuses":""}'), {})
  assert.equal(Batch.decodeRecorded('{"itemStatuses":3}'), {})
})

Decode('should return nothing for an absent, empty, unparseable or non-object payload', () => {
  for (const payload of [undefined, '', 'n=3', '"ALL_COMPLETED"', 'null', '42']) assert.equal(Batch.decodeRecorded(payload), {}, String(payload))
})

Decode('should not read inherited properties', () => {
  assert.equal(Batch.decodeRecorded('{"__proto__":{"completionReason":"ALL_COMPLETED"}}'), {})
})

Decode.run()
