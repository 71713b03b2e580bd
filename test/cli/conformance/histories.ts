// Hand-made histories shaped like GetDurableExecutionHistory, conforming to the fixture requirements.
// Functions, so each test gets its own copy to change in exactly one field.

const at = (second: number) => `2026-01-01T00:00:${String(second).padStart(2, '0')}.000Z`

/** Conforms to fixtures/requirements/step/1-1.yaml (Input World). */
export function stepBasicHistory(): Record<string, unknown>[] {
  return [
    { EventType: 'ExecutionStarted', EventId: 1, Id: 'exec', EventTimestamp: at(0), ExecutionStartedDetails: { Input: { Payload: '"World"' } } },
    { EventType: 'StepStarted', SubType: 'Step', EventId: 2, Id: 'c4ca4238a0b92382', Name: 'greet', EventTimestamp: at(1), StepStartedDetails: {} },
    { EventType: 'StepSucceeded', SubType: 'Step', EventId: 3, Id: 'c4ca4238a0b92382', Name: 'greet', EventTimestamp: at(1), StepSucceededDetails: { Result: { Payload: '"Hello, World!"' }, RetryDetails: { CurrentAttempt: 1 } } },
    { EventType: 'InvocationCompleted', EventId: 4, EventTimestamp: at(1), InvocationCompletedDetails: { StartTimestamp: at(0), EndTimestamp: at(1), RequestId: 'r1' } },
    { EventType: 'ExecutionSucceeded', EventId: 5, Id: 'exec', EventTimestamp: at(1), ExecutionSucceededDetails: { Result: { Payload: '"Hello, World!"' } } },
  ]
}

/** Conforms to fixtures/requirements/callback/4-1.yaml once CB_NAME/CB_PAYLOAD are bound. */
export function callbackBasicHistory(name: string, payload: string): Record<string, unknown>[] {
  return [
    { EventType: 'ExecutionStarted', EventId: 1, Id: 'exec', EventTimestamp: at(0), ExecutionStartedDetails: { Input: { Payload: JSON.stringify(name) } } },
    { EventType: 'CallbackStarted', SubType: 'Callback', EventId: 2, Id: 'cb-op-1', Name: name, EventTimestamp: at(1), CallbackStartedDetails: { CallbackId: 'cbid-1', Timeout: 0 } },
    { EventType: 'InvocationCompleted', EventId: 3, EventTimestamp: at(1), InvocationCompletedDetails: {} },
    { EventType: 'CallbackSucceeded', SubType: 'Callback', EventId: 4, Id: 'cb-op-1', Name: name, EventTimestamp: at(3), CallbackSucceededDetails: { Result: { Payload: JSON.stringify(payload) } } },
    { EventType: 'InvocationCompleted', EventId: 5, EventTimestamp: at(3), InvocationCompletedDetails: {} },
    { EventType: 'ExecutionSucceeded', EventId: 6, Id: 'exec', EventTimestamp: at(3), ExecutionSucceededDetails: { Result: { Payload: JSON.stringify(payload) } } },
  ]
}
