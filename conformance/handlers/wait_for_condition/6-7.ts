/** Requirement 6-7: the check throws on its first run; no retry, the execution fails. */
import { durable, waitForCondition } from '../../../shell/index.js'

export const handler = durable(function* () {
  return yield* waitForCondition(
    undefined,
    async (): Promise<number> => {
      throw new Error('check failed')
    },
    { initialState: 0, waitStrategy: () => ({ shouldContinue: true, delay: { seconds: 1 } }) },
  )
})
