/**
 * fast-check commands for the model-based engine tests. Each command does one thing a client or
 * time can do to the service, applies the same thing to the model, waits until the engine is idle
 * and then checks every invariant. Refusals must be EngineErrors that change nothing anywhere.
 */
import * as fc from 'fast-check'
import * as assert from 'uvu/assert'
import * as Local from '../../../../adapters/local/index.js'
import { advance, callbackIdOf } from './harness.js'
import { checkAll, type Seen, snapshot } from './invariants.js'
import * as M from './model.js'
import { CORRUPT, probe, type ProbeKind, STALE } from './probes.js'
import type { System } from './system.js'

export interface Real {
  readonly sys: System
  readonly seen: Seen
}

type Cmd = fc.AsyncCommand<M.Model, Real>

const all = (model: M.Model, real: Real): Map<string, string> =>
  new Map([...model.execs.keys()].map((arn) => [arn, snapshot(real.sys.rig.engine, arn)]))

function refused(fn: () => unknown, what: string): Local.EngineError {
  let caught: unknown
  try {
    fn()
  } catch (e) {
    caught = e
  }
  assert.instance(caught, Local.EngineError, what)
  return caught as Local.EngineError
}

class Start implements Cmd {
  constructor(readonly fn: string, readonly n: number) {}
  check = () => true
  async run(model: M.Model, real: Real) {
    const { engine } = real.sys.rig
    const arn = engine.startExecution({ functionName: this.fn, input: this.n }).DurableExecutionArn
    await engine.whenIdle()
    const exec = M.started(model, this.fn, arn, this.n)
    if (['approval', 'ask'].includes(M.kindOf(this.fn))) M.attachCallback(model, exec, callbackIdOf(engine, arn))
    if (this.fn === 'parent') {
      const children = engine.listExecutionsByFunction({ FunctionName: 'child', MaxItems: 1000 }).DurableExecutions
      const fresh = children.filter((c) => !model.execs.has(c.DurableExecutionArn))
      assert.is(fresh.length, 1, 'one chained child per parent')
      const child = M.started(model, 'child', fresh[0]?.DurableExecutionArn ?? '', this.n)
      child.parent = arn
      exec.child = child.arn
    }
    checkAll(model, real.sys, real.seen)
  }
  toString = () => `start ${this.fn}(${this.n})`
}

class Advance implements Cmd {
  constructor(readonly seconds: number) {}
  check = () => true
  async run(model: M.Model, real: Real) {
    await advance(real.sys.rig, this.seconds)
    M.advanced(model, this.seconds * 1000)
    checkAll(model, real.sys, real.seen)
  }
  toString = () => `advance ${this.seconds}s`
}

class Callback implements Cmd {
  constructor(readonly pick: number, readonly action: M.CallbackAction, readonly preferOpen: boolean) {}
  check = (model: Readonly<M.Model>) => model.callbacks.size > 0
  async run(model: M.Model, real: Real) {
    const { engine } = real.sys.rig
    const open = [...model.callbacks.keys()].filter((id) => M.callbackOpen(model, id))
    const ids = this.preferOpen && open.length > 0 ? open : [...model.callbacks.keys()]
    const id = ids[this.pick % ids.length] ?? ''
    const owner = model.callbacks.get(id)
    const others = [...all(model, real)].filter(([arn]) => arn !== owner)
    const send = () =>
      this.action.kind === 'succeed' ? engine.sendCallbackSuccess({ CallbackId: id, Result: this.action.payload })
      : this.action.kind === 'fail' ? engine.sendCallbackFailure({ CallbackId: id, Error: { ErrorType: 'No', ErrorMessage: 'rejected' } })
      : engine.sendCallbackHeartbeat({ CallbackId: id })
    if (M.callbackOpen(model, id)) send()
    else refused(send, `${this.action.kind} of a closed callback`)
    await engine.whenIdle()
    if (M.callbackOpen(model, id)) M.callbackSent(model, id, this.action)
    // A callback id reaches its own execution only.
    for (const [arn, before] of others) assert.is(snapshot(engine, arn), before, `callback ${id} changed ${arn}`)
    checkAll(model, real.sys, real.seen)
  }
  toString = () => `callback #${this.pick}${this.preferOpen ? ' (open)' : ''} ${JSON.stringify(this.action)}`
}

const FORGERIES: Record<string, (id: string) => string> = {
  flip: (id) => id.slice(0, -1) + (id.endsWith('A') ? 'B' : 'A'),
  truncate: (id) => id.slice(0, -2),
  extend: (id) => `${id}AA`,
  'made up': () => 'bm90LWEtY2FsbGJhY2staWQtYXQtYWxs',
}

class Forged implements Cmd {
  constructor(readonly pick: number, readonly how: string) {}
  check = (model: Readonly<M.Model>) => model.callbacks.size > 0
  async run(model: M.Model, real: Real) {
    const { engine } = real.sys.rig
    const id = [...model.callbacks.keys()][this.pick % model.callbacks.size] ?? ''
    const forged = (FORGERIES[this.how] ?? ((x: string) => x))(id)
    const before = all(model, real)
    refused(() => engine.sendCallbackSuccess({ CallbackId: forged, Result: 'forged' }), 'forged callback id')
    refused(() => engine.sendCallbackHeartbeat({ CallbackId: forged }), 'forged heartbeat')
    await engine.whenIdle()
    assert.equal(all(model, real), before)
    checkAll(model, real.sys, real.seen)
  }
  toString = () => `forged callback #${this.pick} (${this.how})`
}

class Stop implements Cmd {
  constructor(readonly pick: number) {}
  check = (model: Readonly<M.Model>) => model.execs.size > 0
  async run(model: M.Model, real: Real) {
    const { engine } = real.sys.rig
    const exec = [...model.execs.values()][this.pick % model.execs.size]
    if (!exec) return
    const stop = () => engine.stopExecution({ DurableExecutionArn: exec.arn })
    if (exec.status === 'RUNNING') stop()
    else assert.is(refused(stop, 'stop of a finished execution').name, 'InvalidParameterValueException')
    await engine.whenIdle()
    M.stopped(model, exec.arn)
    checkAll(model, real.sys, real.seen)
  }
  toString = () => `stop #${this.pick}`
}

class IdleToken implements Cmd {
  constructor(readonly pick: number) {}
  check = () => true
  async run(model: M.Model, real: Real) {
    const { engine } = real.sys.rig
    const t = real.sys.tokens[this.pick % Math.max(1, real.sys.tokens.length)] ?? { arn: [...model.execs.keys()][0] ?? 'arn:none', token: 'none' }
    const before = all(model, real)
    const params = { DurableExecutionArn: t.arn, CheckpointToken: t.token, Updates: [{ Id: 'zz', Type: 'STEP', SubType: 'Step', Action: 'START' }] }
    for (const call of [() => engine.checkpoint(params), () => engine.getExecutionState({ DurableExecutionArn: t.arn, CheckpointToken: t.token })]) {
      const e = await call().then(() => undefined, (err: unknown) => err)
      assert.instance(e, Local.EngineError, 'a token with no invocation running')
    }
    assert.equal(all(model, real), before)
    checkAll(model, real.sys, real.seen)
  }
  toString = () => `idle token #${this.pick}`
}

class Probe implements Cmd {
  constructor(readonly kind: ProbeKind) {}
  check = () => true
  async run(model: M.Model, real: Real) {
    const { engine } = real.sys.rig
    const errors: string[] = []
    real.sys.probe = probe(real.sys, this.kind, errors)
    const arn = engine.startExecution({ functionName: 'manual', input: 0 }).DurableExecutionArn
    await engine.whenIdle()
    assert.equal(errors, [])
    M.started(model, 'manual', arn, 0)
    checkAll(model, real.sys, real.seen)
  }
  toString = () => `probe: ${this.kind}`
}

class Restart implements Cmd {
  check = () => true
  async run(model: M.Model, real: Real) {
    const before = all(model, real)
    real.sys.restart()
    assert.equal(all(model, real), before, 'state after restart')
    await real.sys.rig.engine.whenIdle()
    checkAll(model, real.sys, real.seen)
  }
  toString = () => 'restart'
}

/** The engine goes away in the middle of an invocation; the zombie invocation is let go afterwards. */
class Crash implements Cmd {
  constructor(readonly n: number) {}
  check = () => true
  async run(model: M.Model, real: Real) {
    const { inside, release } = real.sys.hold()
    const arn = real.sys.rig.engine.startExecution({ functionName: 'gated', input: this.n }).DurableExecutionArn
    await inside
    real.sys.restart()
    await real.sys.rig.engine.whenIdle()
    release()
    await new Promise((r) => setTimeout(r, 1))
    await real.sys.rig.engine.whenIdle()
    M.started(model, 'gated', arn, this.n)
    checkAll(model, real.sys, real.seen)
  }
  toString = () => `crash in gated(${this.n})`
}

// Heartbeats are weighted up: only a run of them between short advances tells a reset deadline apart.
const action: fc.Arbitrary<M.CallbackAction> = fc.oneof(
  { arbitrary: fc.string({ minLength: 1, maxLength: 8 }).map((payload) => ({ kind: 'succeed' as const, payload })), weight: 1 },
  { arbitrary: fc.constant({ kind: 'fail' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'heartbeat' as const }), weight: 3 },
)

const start = fc.tuple(fc.constantFrom('waiter', 'approval', 'ask', 'parent', 'broken', 'retrier', 'official-waiter', 'official-approval'), fc.integer({ min: 0, max: 50 })).map(([fn, n]) => new Start(fn, n))
const passTime = fc.constantFrom(1, 4, 5, 9, 11, 30, 61, 3600).map((s) => new Advance(s))
const callback = fc.tuple(fc.nat(), action, fc.boolean()).map(([pick, a, preferOpen]) => new Callback(pick, a, preferOpen))

/** fc.commands picks uniformly among these, so the common moves (start, time, callbacks) appear twice. */
export const commandArbitraries: fc.Arbitrary<Cmd>[] = [
  start,
  start,
  passTime,
  passTime,
  callback,
  callback,
  fc.tuple(fc.nat(), fc.constantFrom(...Object.keys(FORGERIES))).map(([pick, how]) => new Forged(pick, how)),
  fc.nat().map((pick) => new Stop(pick)),
  fc.nat().map((pick) => new IdleToken(pick)),
  fc.constantFrom<ProbeKind>(...STALE, ...Object.keys(CORRUPT)).map((kind) => new Probe(kind)),
  fc.constant(new Restart()),
  fc.integer({ min: 0, max: 50 }).map((n) => new Crash(n)),
]
