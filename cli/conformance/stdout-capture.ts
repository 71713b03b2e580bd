/**
 * Keeps what handlers print to stdout while they run, for the requirements' log assertions (rules
 * L: single-line JSON records carrying the execution ARN). `process.stdout.write` is wrapped, not
 * replaced for good: writes made while at least one invocation is active are split into lines and
 * kept (not echoed, so a suite run stays readable); any other write passes through unchanged.
 * `release` restores the previous writer.
 */

export interface StdoutCapture {
  /** Runs `body` as an invocation: its stdout writes are captured. */
  during<A>(body: () => Promise<A>): Promise<A>
  /** Every complete line captured so far, in write order. */
  lines(): readonly string[]
  release(): void
}

type Write = typeof process.stdout.write

function textOf(chunk: unknown, encoding: unknown): string {
  if (typeof chunk === 'string') return chunk
  if (chunk instanceof Uint8Array) return Buffer.from(chunk).toString(typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
  return String(chunk)
}

export function captureStdout(): StdoutCapture {
  const previous: Write = process.stdout.write
  const captured: string[] = []
  let partial = ''
  let active = 0
  const wrapper = function (this: unknown, chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
    if (active === 0) return (previous as (...args: unknown[]) => boolean).call(process.stdout, chunk, encoding, callback)
    const parts = (partial + textOf(chunk, encoding)).split('\n')
    partial = parts.pop() ?? ''
    captured.push(...parts)
    const done = typeof encoding === 'function' ? encoding : callback
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)())
    return true
  }
  process.stdout.write = wrapper as Write
  return {
    async during(body) {
      active += 1
      try {
        return await body()
      } finally {
        active -= 1
        if (active === 0 && partial !== '') (captured.push(partial), (partial = ''))
      }
    },
    lines: () => captured,
    release() {
      if (process.stdout.write === (wrapper as Write)) process.stdout.write = previous
    },
  }
}
