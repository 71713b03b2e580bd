import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { callbackNameMatches, decideCallbackActions, effectiveEventName, initialCallbackActionsState } from '../../../cli/conformance/callback-actions.js'
import type { CallbackAction } from '../../../cli/conformance/requirement.js'
import { emptyBindings } from '../../../cli/conformance/substitute.js'

const started = (eventId: number, callbackId: string, name?: string, parentId?: string) => ({
  EventType: 'CallbackStarted',
  SubType: 'Callback',
  EventId: eventId,
  Id: `op-${callbackId}`,
  ...(name !== undefined && { Name: name }),
  ...(parentId !== undefined && { ParentId: parentId }),
  CallbackStartedDetails: { CallbackId: callbackId },
})

test('callbackNameMatches should accept *, the exact name, or a ${/re/} that matches', () => {
  assert.ok(callbackNameMatches('*', 'anything'))
  assert.ok(callbackNameMatches('approve', 'approve'))
  assert.ok(callbackNameMatches('${/^appr/}', 'approve'))
  assert.not.ok(callbackNameMatches('approve', 'approved'))
  assert.not.ok(callbackNameMatches('${/^x/}', 'approve'))
})

test('effectiveEventName should give a nameless callback or step under WaitForCallback the context name', () => {
  const context = { EventType: 'ContextStarted', SubType: 'WaitForCallback', EventId: 2, Id: 'ctx', Name: 'wfc-name' }
  const callback = started(3, 'cb1', undefined, 'ctx')
  const step = { EventType: 'StepStarted', EventId: 4, Id: 's', ParentId: 'ctx' }
  const events = [context, callback, step]
  assert.is(effectiveEventName(callback, events), 'wfc-name')
  assert.is(effectiveEventName(step, events), 'wfc-name')
  assert.is(effectiveEventName(started(5, 'cb2', 'own', 'ctx'), events), 'own')
  assert.is(effectiveEventName(started(6, 'cb3', undefined, 'elsewhere'), events), undefined)
})

test('decideCallbackActions should match the WaitForCallback parent name with a named action', () => {
  const events = [{ EventType: 'ContextStarted', SubType: 'WaitForCallback', EventId: 2, Id: 'ctx', Name: 'NAME1' }, started(3, 'cb1', undefined, 'ctx')]
  const actions: CallbackAction[] = [{ CallbackName: '${CB_NAME}', Operation: 'success', Payload: 'p' }]
  const decision = decideCallbackActions(events, actions, initialCallbackActionsState, new Map([['CB_NAME', 'NAME1']]))
  assert.equal(decision.sends.map((send) => [send._tag, send.callbackId, send.callbackName]), [['SendSuccess', 'cb1', 'NAME1']])
})

test('decideCallbackActions should pick the first unused matching action per callback, in history order', () => {
  const events = [started(2, 'a', 'A'), started(3, 'b', 'B')]
  const actions: CallbackAction[] = [
    { CallbackName: 'B', Operation: 'success', Payload: 'for-b', Delay: 3 },
    { CallbackName: '*', Operation: 'success', Payload: 'for-any', Delay: 1 },
  ]
  const decision = decideCallbackActions(events, actions, initialCallbackActionsState, emptyBindings)
  assert.equal(decision.sends.map((send) => [send.callbackId, send.actionIndex, send.delaySeconds]), [['a', 1, 1], ['b', 0, 3]])
  assert.equal([...decision.state.handledCallbacks], ['a', 'b'])
  assert.is(decideCallbackActions(events, actions, decision.state, emptyBindings).sends.length, 0)
})

test('decideCallbackActions should serialise success payloads like json.dumps, and omit a missing one', () => {
  const events = [started(2, 'a', 'A'), started(3, 'b', 'B'), started(4, 'c', 'C')]
  const actions: CallbackAction[] = [
    { CallbackName: 'A', Operation: 'success', Payload: { status: 'approved', id: '${ID}' } },
    { CallbackName: 'B', Operation: 'success', Payload: 'abc' },
    { CallbackName: 'C', Operation: 'success' },
  ]
  const sends = decideCallbackActions(events, actions, initialCallbackActionsState, new Map([['ID', 'x1']])).sends
  assert.equal(sends.map((send) => (send._tag === 'SendSuccess' ? send.result : send._tag)), ['{"status": "approved", "id": "x1"}', '"abc"', undefined])
})

test('decideCallbackActions should send failure with only the error fields present in Payload', () => {
  const actions: CallbackAction[] = [{ CallbackName: '*', Operation: 'failure', Payload: { ErrorType: 'RejectedError', ErrorMessage: 'not ${WHY}' } }]
  const [send] = decideCallbackActions([started(2, 'a', 'A')], actions, initialCallbackActionsState, new Map([['WHY', 'approved']])).sends
  assert.equal(send?._tag === 'SendFailure' && send.error, { ErrorType: 'RejectedError', ErrorMessage: 'not approved' })
})

test('a heartbeat should leave the callback open, so its next action goes out on a later poll', () => {
  const events = [started(2, 'a', 'A')]
  const actions: CallbackAction[] = [
    { CallbackName: 'A', Operation: 'heartbeat' },
    { CallbackName: 'A', Operation: 'success', Payload: 'done', Delay: 1 },
  ]
  const first = decideCallbackActions(events, actions, initialCallbackActionsState, emptyBindings)
  assert.equal(first.sends.map((send) => send._tag), ['SendHeartbeat'])
  assert.is(first.state.handledCallbacks.size, 0)
  const second = decideCallbackActions(events, actions, first.state, emptyBindings)
  assert.equal(second.sends.map((send) => send._tag), ['SendSuccess'])
  assert.equal(decideCallbackActions(events, actions, second.state, emptyBindings).sends, [])
})

test('with no actions at all a callback should stay open without an error', () => {
  const decision = decideCallbackActions([started(2, 'a', 'A')], [], initialCallbackActionsState, emptyBindings)
  assert.equal([decision.sends, decision.errors], [[], []])
})

test('a callback no action matches should be one error, reported once', () => {
  const actions: CallbackAction[] = [{ CallbackName: 'other', Operation: 'success' }]
  const first = decideCallbackActions([started(2, 'a', 'A')], actions, initialCallbackActionsState, emptyBindings)
  assert.is(first.errors.length, 1)
  assert.match(first.errors[0] ?? '', /No CallbackAction matches callback 'A' \(CallbackId a\)/)
  assert.equal(decideCallbackActions([started(2, 'a', 'A')], actions, first.state, emptyBindings).errors, [])
})

test.run()
