/** Requirement 10-12: user-function hooks (the context wrap hook) around each parallel branch, with parent linkage. */
import { durable, parallel, type DurableInstrumentationPlugin } from '../../../shell/index.js'
import { emitter } from './conf-plugin.js'

const out = emitter()
const plugin: DurableInstrumentationPlugin = {
  async onInvocationStart(info) {
    out.capture(info.executionArn)
  },
  async wrapChildContextFn(info, fn) {
    if (info.subType !== 'ParallelBranch') return fn()
    const ids = { op: info.id, parent: info.parentId ?? 'NONE' }
    out.emit({ hook: 'fn-start', ...ids })
    try {
      const value = await fn()
      out.emit({ hook: 'fn-end', ...ids, outcome: 'SUCCEEDED' })
      return value
    } catch (error) {
      out.emit({ hook: 'fn-end', ...ids, outcome: 'FAILED' })
      throw error
    }
  },
}

export const handler = durable(
  function* () {
    const result = yield* parallel('parallel', [function* () { return 'task-1' }, function* () { return 'task-2' }], { maxConcurrency: 1 })
    return result.getResults()
  },
  { plugins: [plugin] },
)
