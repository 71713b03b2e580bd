/**
 * Retry and wait strategies as users configure them, with the official SDK's names and defaults
 * (PROTOCOL.md §11). The arithmetic lives in core/retry (pure); this module adds the error filters
 * and draws the jitter, which is why it is in the shell.
 */
import * as Retry from '../core/retry.js'
import type { ConditionDecision, DurationLike, RetryDecision, RetryStrategy } from './effect.js'

export type JitterStrategy = Retry.Jitter

export interface RetryStrategyConfig {
  maxAttempts?: number
  initialDelay?: DurationLike
  maxDelay?: DurationLike
  backoffRate?: number
  jitter?: JitterStrategy
  retryableErrors?: (string | RegExp)[]
  retryableErrorTypes?: (new (...args: never[]) => Error)[]
}

function isRetryable(error: Error, config: RetryStrategyConfig): boolean {
  const messages = config.retryableErrors
  const types = config.retryableErrorTypes
  if ((messages === undefined || messages.length === 0) && (types === undefined || types.length === 0)) return true
  const byMessage = (messages ?? []).some((p) => (typeof p === 'string' ? error.message.includes(p) : p.test(error.message)))
  return byMessage || (types ?? []).some((type) => error instanceof type)
}

function strategy(config: RetryStrategyConfig, backoff: Retry.Backoff): RetryStrategy {
  return (error, attemptsMade) => {
    if (attemptsMade >= backoff.maxAttempts || !isRetryable(error, config)) return { shouldRetry: false }
    const seconds = Retry.nextDelay(backoff, attemptsMade, Math.random())
    return seconds === undefined ? { shouldRetry: false } : { shouldRetry: true, delay: { seconds } }
  }
}

export function createRetryStrategy(config: RetryStrategyConfig = {}): RetryStrategy {
  return strategy(config, {
    maxAttempts: config.maxAttempts ?? 3,
    initialDelaySeconds: Retry.durationSeconds(config.initialDelay ?? { seconds: 5 }),
    maxDelaySeconds: Retry.durationSeconds(config.maxDelay ?? { minutes: 5 }),
    backoffRate: config.backoffRate ?? 2,
    jitter: config.jitter ?? 'FULL',
  })
}

export function createLinearRetryStrategy(config: RetryStrategyConfig & { increment?: DurationLike } = {}): RetryStrategy {
  return strategy(config, {
    maxAttempts: config.maxAttempts ?? 6,
    initialDelaySeconds: Retry.durationSeconds(config.initialDelay ?? { seconds: 1 }),
    maxDelaySeconds: Retry.durationSeconds(config.maxDelay ?? { minutes: 5 }),
    backoffRate: 1,
    incrementSeconds: Retry.durationSeconds(config.increment ?? { seconds: 1 }),
    jitter: config.jitter ?? 'FULL',
  })
}

export const retryPresets = {
  default: createRetryStrategy({ maxAttempts: 6, initialDelay: { seconds: 5 }, maxDelay: { seconds: 60 }, backoffRate: 2, jitter: 'FULL' }),
  linear: createLinearRetryStrategy({ maxAttempts: 6, initialDelay: { seconds: 1 }, increment: { seconds: 1 }, jitter: 'NONE' }),
  noRetry: createRetryStrategy({ maxAttempts: 1 }),
} as const

export interface WaitStrategyConfig<S> {
  shouldContinuePolling: (state: S) => boolean
  maxAttempts?: number
  initialDelay?: DurationLike
  maxDelay?: DurationLike
  backoffRate?: number
  jitter?: JitterStrategy
}

export function createWaitStrategy<S>(config: WaitStrategyConfig<S>): (state: S, attemptsMade: number) => ConditionDecision {
  const backoff: Retry.Backoff = {
    maxAttempts: config.maxAttempts ?? 60,
    initialDelaySeconds: Retry.durationSeconds(config.initialDelay ?? { seconds: 5 }),
    maxDelaySeconds: Retry.durationSeconds(config.maxDelay ?? { seconds: 300 }),
    backoffRate: config.backoffRate ?? 1.5,
    jitter: config.jitter ?? 'FULL',
  }
  return (state, attemptsMade) => {
    if (!config.shouldContinuePolling(state)) return { shouldContinue: false }
    const seconds = Retry.nextDelay(backoff, attemptsMade, Math.random())
    if (seconds === undefined) throw new Error(`waitForCondition exceeded maximum attempts (${backoff.maxAttempts})`)
    return { shouldContinue: true, delay: { seconds } }
  }
}

/** The verdict the core needs from a strategy's answer (1 s when no delay is given). */
export function toVerdict(decision: RetryDecision): { shouldRetry: false } | { shouldRetry: true; delaySeconds: number } {
  if (!decision.shouldRetry) return { shouldRetry: false }
  return { shouldRetry: true, delaySeconds: decision.delay === undefined ? 1 : Retry.durationSeconds(decision.delay) }
}
