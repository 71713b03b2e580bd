// In-process polling (shell/runtime/poller.ts, PROTOCOL.md §6.3): when a parked operation polls, how
// often, and when it must not — plus, through durable() on the fake service with a live clock, that
// polling never keeps an invocation alive by itself: with nothing else running it suspends at once.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Ids from '../../../core/ids.js'
import type { Operation } from '../../../core/types.js'
import { durable, parallel, step, wait } from '../../../shell/index.js'
import { Poller, type PollerDeps } from '../../../shell/runtime/poller.js'
import { fakeClient } from '../../support/fake-client.js'
import type { FakeService } from '../../support/fake-service.js'
import { runScenario } from '../../support/run-scenario.js'
import type { LambdaHandler, Recording } from '../../support/scenario-types.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const id = Ids.operationId(Ids.root, 1)

interface Probe extends PollerDeps {
  poll: PollerDeps['poll']
  readonly polls: number[]
  fired: () => void
  firedCount: number
  isWaiting: boolean
  remaining: number
}

const probe = (): Probe => {
  const p: Probe = {
    polls: [],
    firedCount: 0,
    isWaiting: true,
    remaining: Number.POSITIVE_INFINITY,
    now: () => Date.now(),
    remainingMs: () => p.remaining,
    poll: async () => void p.polls.push(Date.now()),
    waiting: () => p.isWaiting,
    fired: () => void p.firedCount++,
  }
  return p
}

/** Every poller a test makes is disposed after it, pass or fail: a leaked one would poll forever. */
const made: Poller[] = []
const pollerOf = (deps: PollerDeps): Poller => {
  const poller = new Poller(deps)
  made.push(poller)
  return poller
}
test.after.each(() => {
  for (const p of made.splice(0)) p.dispose()
})

const waitRecord = (endsIn: number): Operation => ({
  Id: id.wire,
  Type: 'WAIT',
  Status: 'STARTED',
  WaitDetails: { ScheduledEndTimestamp: Date.now() + endsIn },
})
const callbackRecord: Operation = { Id: id.wire, Type: 'CALLBACK', Status: 'STARTED' }

test('should poll once at the wait end time and stop when the record changed', async () => {
  const deps = probe()
  deps.poll = async () => {
    deps.polls.push(Date.now())
    deps.isWaiting = false
  }
  const poller = pollerOf(deps)
  const armedAt = Date.now()
  poller.watch(id, waitRecord(40))
  await sleep(120)
  assert.is(deps.polls.length, 1)
  assert.ok(deps.polls[0]! - armedAt >= 35, `polled after ${deps.polls[0]! - armedAt} ms`)
  assert.not.ok(poller.dueWithin(60_000))
})

test('should poll an operation without an end time (a callback) after 1 s', () => {
  const poller = pollerOf(probe())
  poller.watch(id, callbackRecord)
  assert.ok(poller.dueWithin(1_000))
  assert.not.ok(poller.dueWithin(900))
})

test('should poll again after n seconds while the record is unchanged', async () => {
  const deps = probe()
  const poller = pollerOf(deps)
  poller.watch(id, waitRecord(0))
  await sleep(30)
  assert.is(deps.polls.length, 1)
  assert.ok(poller.dueWithin(1_000))
  assert.not.ok(poller.dueWithin(900))
})

test('should keep counting fruitless polls when the same operation parks again', async () => {
  const deps = probe()
  const poller = pollerOf(deps)
  poller.watch(id, waitRecord(0))
  await sleep(30)
  poller.forget(id.wire)
  poller.watch(id, waitRecord(0))
  await sleep(30)
  assert.is(deps.polls.length, 2)
  assert.ok(poller.dueWithin(2_000))
  assert.not.ok(poller.dueWithin(1_900), 'the second fruitless poll waits 2 s')
})

test('should arm nothing when the end comes within 1 s of the invocation deadline', () => {
  const deps = probe()
  deps.remaining = 1_500
  const poller = pollerOf(deps)
  poller.watch(id, waitRecord(1_000))
  assert.not.ok(poller.dueWithin(60_000))
  deps.remaining = 2_500
  poller.watch(id, waitRecord(1_000))
  assert.ok(poller.dueWithin(1_000))
})

test('should stop polling when less than 1 s is left as the timer fires', async () => {
  const deps = probe()
  deps.remaining = 5_000
  const poller = pollerOf(deps)
  poller.watch(id, waitRecord(10))
  deps.remaining = 900
  await sleep(50)
  assert.equal(deps.polls, [])
  assert.is(deps.firedCount, 1)
  assert.not.ok(poller.dueWithin(60_000))
})

test('should never fire after dispose or for a forgotten record', async () => {
  const deps = probe()
  const disposed = pollerOf(deps)
  disposed.watch(id, waitRecord(10))
  disposed.dispose()
  disposed.watch(id, waitRecord(10))
  const forgotten = pollerOf(deps)
  forgotten.watch(id, waitRecord(10))
  forgotten.forget(id.wire)
  await sleep(50)
  assert.equal(deps.polls, [])
  assert.is(deps.firedCount, 0)
})

/** Runs a handler on the fake service with a live clock, timing each invocation. */
const timedRun = async (handler: LambdaHandler, invocationTimeoutMs?: number): Promise<{ recording: Recording; ms: number[] }> => {
  const ms: number[] = []
  const timed: LambdaHandler = async (event, context) => {
    const start = Date.now()
    try {
      return await handler(event, context)
    } finally {
      ms.push(Date.now() - start)
    }
  }
  const recording = await runScenario({ handler: timed, liveClock: true, ...(invocationTimeoutMs === undefined ? {} : { invocationTimeoutMs }) })
  return { recording, ms }
}

const polls = (r: Recording) => r.invocations.flatMap((i) => i.requests).filter((u) => u.length === 0).length

test('should suspend at once when nothing else runs, never awaiting the wait', async () => {
  const { recording, ms } = await timedRun(durable(function* () {
    yield* step('first', async () => 1)
    yield* wait('pause', { seconds: 1 })
    return 'done'
  }, { client: fakeClient }))
  assert.is(recording.invocations[0]!.output?.Status, 'PENDING')
  assert.ok(ms[0]! < 500, `first invocation took ${ms[0]} ms`)
  assert.is(recording.invocations.length, 2)
  assert.is(recording.status, 'SUCCEEDED')
  assert.is(polls(recording), 0)
})

test('should suspend when the sibling step ends before the wait does', async () => {
  const { recording, ms } = await timedRun(durable(function* () {
    yield* parallel([() => wait('long', { seconds: 2 }), () => step('quick', async () => sleep(300))])
  }, { client: fakeClient }))
  assert.is(recording.invocations[0]!.output?.Status, 'PENDING')
  assert.ok(ms[0]! < 900, `first invocation took ${ms[0]} ms`)
  assert.is(polls(recording), 0)
  assert.is(recording.status, 'SUCCEEDED')
})

test('should not poll a wait ending within 1 s of the Lambda deadline', async () => {
  // With 15 minutes left this polls at 1 s (as wait-polled-while-sibling-runs does); with 1.9 s it
  // must not, and learns the wait ended only from the response to the slow step's SUCCEED.
  const { recording } = await timedRun(durable(function* () {
    yield* parallel([() => wait('short', { seconds: 1 }), () => step('slow', async () => sleep(1_300))])
  }, { client: fakeClient }), 1_900)
  assert.is(polls(recording), 0)
  assert.is(recording.invocations.length, 1)
  assert.is(recording.status, 'SUCCEEDED')
})

test('should poll rather than suspend when a parked wait has already ended', async () => {
  // The record says STARTED though its end is 5 s past (the service has not got to it yet): the poll
  // is due at once, within the official 20 ms suspension cooldown, so it goes first, as in 2.4.
  const seed = (service: FakeService) =>
    service.store.apply({ Id: id.wire, Type: 'WAIT', SubType: 'Wait', Action: 'START', Name: 'w', WaitOptions: { WaitSeconds: 1 } }, Date.now() - 6_000, () => 'unused')
  const recording = await runScenario({
    handler: durable(function* () {
      yield* wait('w', { seconds: 1 })
      return 'done'
    }, { client: fakeClient }),
    liveClock: true,
    onService: seed,
  })
  assert.is(recording.invocations.length, 1)
  assert.equal(recording.invocations[0]!.requests[0], [])
  assert.is(recording.status, 'SUCCEEDED')
})

test.run()
