/**
 * Requirement 10-17: a plugin that logs and throws from every invocation, operation and attempt
 * hook, registered before a healthy one; the healthy plugin still sees every hook and the step runs.
 */
import { durable, step, type DurableInstrumentationPlugin } from '../../../shell/index.js'
import { emitter, upperType } from './conf-plugin.js'

const bad = emitter('CONFPLUGIN-FAULTY')
const fault = (hook: string) => {
  bad.emit({ hook })
  throw new Error(`faulty plugin: ${hook}`)
}
const faulty: DurableInstrumentationPlugin = {
  async onInvocationStart(info) {
    bad.capture(info.executionArn)
    fault('invocation-start')
  },
  async onOperationStart(info) {
    if (upperType(info) === 'STEP') fault('operation-start')
  },
  async onOperationAttemptStart(info) {
    if (upperType(info) === 'STEP') fault('attempt-start')
  },
  async onOperationAttemptEnd(info) {
    if (upperType(info) === 'STEP') fault('attempt-end')
  },
  async onOperationEnd(info) {
    if (upperType(info) === 'STEP') fault('operation-end')
  },
  async onInvocationEnd() {
    fault('invocation-end')
  },
}

const good = emitter('CONFPLUGIN-HEALTHY')
const healthy: DurableInstrumentationPlugin = {
  async onInvocationStart(info) {
    good.capture(info.executionArn)
    good.emit({ hook: 'invocation-start', first: info.isFirstInvocation })
  },
  async onOperationStart(info) {
    if (upperType(info) === 'STEP') good.emit({ hook: 'operation-start', op: info.id })
  },
  async onOperationAttemptStart(info) {
    if (upperType(info) === 'STEP') good.emit({ hook: 'attempt-start', op: info.id })
  },
  async onOperationAttemptEnd(info) {
    if (upperType(info) === 'STEP') good.emit({ hook: 'attempt-end', op: info.id, outcome: info.outcome })
  },
  async onOperationEnd(info) {
    if (upperType(info) === 'STEP') good.emit({ hook: 'operation-end', op: info.id, status: info.status })
  },
  async onInvocationEnd(info) {
    good.emit({ hook: 'invocation-end', status: info.status })
  },
}

export const handler = durable(
  function* (event: string) {
    return yield* step(async () => `Hello, ${event}!`)
  },
  { plugins: [faulty, healthy] },
)
