/**
 * Spawning the `durable-yield` bin for the serve/list/history/callback and crash-recovery tests:
 * start `serve` as a child process and read its URL from the first stdout line, run one-shot
 * commands, and stop or kill -9 the server by its process id.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
const bin = resolve(root, 'bin/durable-yield.js')
export const fixtures = 'test/cli/fixtures/serve-handlers.ts'

const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }

export interface Served {
  readonly child: ChildProcess
  readonly url: string
  stderr(): string
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>
}

export function startServe(args: readonly string[]): Promise<Served> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  child.stderr?.on('data', (c) => (stderr += c))
  return new Promise((done, fail) => {
    child.stdout?.on('data', (c) => {
      stdout += c
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1]
      if (url) done({ child, url, stderr: () => stderr, exited })
    })
    void exited.then((code) => fail(new Error(`serve exited with ${code} before listening: ${stderr}`)))
  })
}

export function cli(args: readonly string[], extraEnv: Readonly<Record<string, string>> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c) => (stdout += c))
    child.stderr.on('data', (c) => (stderr += c))
    child.on('error', fail)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

export const oneLine = (text: string): boolean => text.trimEnd().split('\n').length === 1
