/** Requirement 10-23: context operations expose their subType; the context wrap hook exposes isReplayingChildren. */
import { durable, parallel, step, wait, type DurableInstrumentationPlugin } from '../../../shell/index.js'
import { dump, emitter, upperType } from './conf-plugin.js'

const out = emitter()
const plugin: DurableInstrumentationPlugin = {
  async onInvocationStart(info) {
    out.capture(info.executionArn)
  },
  async onOperationStart(info) {
    if (upperType(info) === 'CONTEXT') out.emit({ hook: 'operation-start', ...dump(info) })
  },
  wrapChildContextFn(info, fn) {
    if (upperType(info) === 'CONTEXT') out.emit({ hook: 'fn-start', ...dump(info) })
    return fn()
  },
}

export const handler = durable(
  function* () {
    const result = yield* parallel(
      'ctx',
      [
        {
          name: 'branch-a',
          func: function* () {
            yield* step('inner', async () => 'x')
            yield* wait({ seconds: 2 })
            return 'a-done'
          },
        },
        { name: 'branch-b', func: function* () { return 'b-done' } },
      ],
      { maxConcurrency: 1 },
    )
    return result.getResults()
  },
  { plugins: [plugin] },
)
