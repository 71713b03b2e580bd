/**
 * Requirement 6-11: the string state goes through a custom serdes (base64 of the JSON text) at each
 * checkpoint; the check appends "x" until the state has length 2, so the result is "xx".
 */
import { durable, waitForCondition, type Serdes } from '../../../shell/index.js'

const base64Serdes: Serdes<string> = {
  serialize: (value) => (value === undefined ? undefined : Buffer.from(JSON.stringify(value)).toString('base64')),
  deserialize: (data) => (data === undefined ? undefined : (JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as string)),
}

export const handler = durable(function* () {
  return yield* waitForCondition(undefined, async (state: string) => `${state}x`, {
    initialState: '',
    waitStrategy: (state) => (state.length < 2 ? { shouldContinue: true, delay: { seconds: 1 } } : { shouldContinue: false }),
    serdes: base64Serdes,
  })
})
