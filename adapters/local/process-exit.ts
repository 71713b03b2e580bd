/**
 * A handler that calls `process.exit` crashes its Lambda sandbox: the service records the invocation
 * as failed with `Runtime.ExitError` and invokes again. Embedded handlers share the engine's process,
 * so while an invocation runs, `process.exit` is intercepted: the call ends that invocation (and only
 * it, found through AsyncLocalStorage) as crashed, and throws to unwind the code that made it. What
 * the abandoned code does afterwards cannot reach the execution: its checkpoint token is stale once
 * the crash is recorded. A call outside any invocation reaches the real `process.exit`.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

type Exit = (code?: number | string | null) => never

const scope = new AsyncLocalStorage<(code: number) => void>()
let realExit: Exit | undefined

/** Thrown at the `process.exit` call site, so the crashed code stops where it asked to. */
export class ProcessExitIntercepted extends Error {
  override name = 'ProcessExitIntercepted'
}

function install(): void {
  if (realExit !== undefined) return
  const original = process.exit.bind(process) as Exit
  realExit = original
  process.exit = ((code?: number | string | null): never => {
    const crash = scope.getStore()
    if (crash === undefined) return original(code)
    const status = code === undefined || code === null ? (typeof process.exitCode === 'number' ? process.exitCode : 0) : Number(code)
    crash(status)
    throw new ProcessExitIntercepted(`process.exit(${status}) ended the invocation`)
  }) as Exit
}

/**
 * Runs `fn` outside every invocation's scope. Engine timers are armed from inside a handler's
 * checkpoint call; armed there, each timer would keep that invocation's scope (and its crash
 * promise) alive until it fired, hours later for a parked execution, and fire inside it.
 */
export const outsideInvocations = <T>(fn: () => T): T => scope.exit(fn)

/**
 * Runs one invocation's handler; resolves or rejects as it does, unless it calls `process.exit`
 * first: then it rejects at once with the error Lambda reports for a runtime that exited.
 */
export function runCrashable<T>(requestId: string, body: () => Promise<T>): Promise<T> {
  install()
  let crashed!: (error: Error) => void
  const crash = new Promise<never>((_, reject) => (crashed = reject))
  const onExit = (status: number) => {
    const error = new Error(`RequestId: ${requestId} Error: Runtime exited with error: exit status ${status}`)
    error.name = 'Runtime.ExitError'
    crashed(error)
  }
  return Promise.race([scope.run(onExit, body), crash])
}
