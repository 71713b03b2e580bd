// Scripted handlers for the fake target, each producing the history the official SDK would.
import type { Script, ScriptContext } from './fake-target.js'

function completeCallback(context: ScriptContext, callbackId: string, name: string | undefined, outcome: Parameters<Parameters<ScriptContext['callback']>[1]>[0], parentId?: string): void {
  const common = { SubType: 'Callback', Id: `op-${callbackId}`, ...(name !== undefined && { Name: name }), ...(parentId !== undefined && { ParentId: parentId }) }
  if (outcome.kind === 'success') context.event('CallbackSucceeded', { ...common, CallbackSucceededDetails: { Result: { Payload: outcome.result } } })
  else if (outcome.kind === 'failure') context.event('CallbackFailed', { ...common, CallbackFailedDetails: { Error: { Payload: outcome.error } } })
  else context.event('CallbackTimedOut', { ...common, CallbackTimedOutDetails: { Error: { Payload: { ErrorType: 'Callback.Timeout' } } } })
}

function finish(context: ScriptContext, outcome: Parameters<Parameters<ScriptContext['callback']>[1]>[0]): void {
  context.event('InvocationCompleted', { InvocationCompletedDetails: {} })
  if (outcome.kind === 'success') context.succeed(outcome.result === undefined ? null : (JSON.parse(outcome.result) as unknown))
  else context.fail('CallbackError', outcome.kind === 'failure' ? outcome.error.ErrorMessage : 'Callback timed out')
}

const callbackWith = (options: { timeout?: number; heartbeatTimeout?: number }): Script => (context, input) => {
  const name = String(input)
  const callbackId = context.callback({ name, ...options }, (outcome) => {
    completeCallback(context, callbackId, name, outcome)
    finish(context, outcome)
  })
  context.event('InvocationCompleted', { InvocationCompletedDetails: {} })
}

export const scripts: Record<string, Script> = {
  'handlers.step_basic': (context, input) => {
    context.log({ message: `Greeting step running for: ${String(input)}` })
    context.event('StepStarted', { SubType: 'Step', Id: 'step-1', StepStartedDetails: {} })
    context.event('StepSucceeded', { SubType: 'Step', Id: 'step-1', StepSucceededDetails: { Result: { Payload: JSON.stringify(`Hello, ${String(input)}!`) } } })
    context.event('InvocationCompleted', { InvocationCompletedDetails: {} })
    context.succeed(`Hello, ${String(input)}!`)
  },
  'handlers.callback_basic': callbackWith({}),
  'handlers.callback_timeout_5': callbackWith({ timeout: 5 }),
  'handlers.callback_heartbeat_10': callbackWith({ heartbeatTimeout: 10 }),
  'handlers.callback_heartbeat_4': callbackWith({ heartbeatTimeout: 4 }),
  'handlers.wait_for_callback': (context, input) => {
    const name = String(input)
    context.event('ContextStarted', { SubType: 'WaitForCallback', Id: 'ctx-1', Name: name, ContextStartedDetails: {} })
    const callbackId = context.callback({ parentId: 'ctx-1' }, (outcome) => {
      completeCallback(context, callbackId, undefined, outcome, 'ctx-1')
      context.event('ContextSucceeded', { SubType: 'WaitForCallback', Id: 'ctx-1', Name: name, ContextSucceededDetails: {} })
      finish(context, outcome)
    })
    context.event('StepStarted', { SubType: 'Step', Id: 'step-1', ParentId: 'ctx-1', StepStartedDetails: {} })
    context.event('StepSucceeded', { SubType: 'Step', Id: 'step-1', ParentId: 'ctx-1', StepSucceededDetails: {} })
    context.event('InvocationCompleted', { InvocationCompletedDetails: {} })
  },
  'handlers.wait_forever': (context) => {
    context.event('WaitStarted', { SubType: 'Wait', Id: 'wait-1', WaitStartedDetails: { Duration: 3600 } })
    context.event('InvocationCompleted', { InvocationCompletedDetails: {} })
  },
}
