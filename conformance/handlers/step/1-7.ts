/** Requirement 1-7: a step that logs through its step context logger before and after greeting. */
import { durable, step } from '../../../shell/index.js'

export const handler = durable(function* (event: string) {
  return yield* step(async ({ logger }) => {
    logger.info(`Greeting step started for: ${event}`)
    const greeting = `Hello, ${event}!`
    logger.info(`Greeting step completed with: ${greeting}`)
    return greeting
  })
})
