/** Requirement 1-1: a single unnamed step that greets the input; succeeds on its first attempt. */
import { durable, step } from '../../../shell/index.js'

const greet = (name: string) => async () => `Hello, ${name}!`

export const handler = durable(function* (event: string) {
  return yield* step(greet(event))
})
