/**
 * Entry point of the `durable-yield` CLI (bin/durable-yield.js loads it, or dist/cli.js once built).
 * Dispatches on the first word; each command lives in its own module and returns an exit code.
 * Each command registers one line in COMMANDS (name, usage, entry point).
 */
import { RUN_USAGE } from './args.js'
import { runCommand } from './run-command.js'
import { SERVE_USAGE, serveCommand } from './serve-command.js'
import { LIST_USAGE, listCommand } from './list-command.js'
import { HISTORY_USAGE, historyCommand } from './history-command.js'
import { CALLBACK_USAGE, callbackCommand } from './callback-command.js'
import { conformanceCommand, CONFORMANCE_USAGE } from './conformance/cli-command.js'

export interface CommandIo {
  readonly cwd: string
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly stderrIsTty: boolean
}

interface Command {
  readonly usage: string
  readonly run: (argv: readonly string[], io: CommandIo) => Promise<number>
}

const COMMANDS: Readonly<Record<string, Command>> = {
  run: { usage: RUN_USAGE, run: runCommand },
  serve: { usage: SERVE_USAGE, run: serveCommand },
  list: { usage: LIST_USAGE, run: listCommand },
  history: { usage: HISTORY_USAGE, run: historyCommand },
  callback: { usage: CALLBACK_USAGE, run: callbackCommand },
  conformance: { usage: CONFORMANCE_USAGE, run: conformanceCommand },
}

const USAGE = `${Object.values(COMMANDS)
  .map((c) => c.usage)
  .join('\n')}\n`

type Write = (text: string) => boolean

function write(stream: NodeJS.WriteStream, raw: Write, text: string): Promise<void> {
  return new Promise((done) => (raw(text) ? done() : stream.once('drain', done)))
}

/** stdout is for the command's own output: whatever the workflow prints (logger, console.log) goes to stderr. */
function claimStdout(): Write {
  const raw: Write = process.stdout.write.bind(process.stdout) as Write
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write
  return raw
}

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv
  const pending: Promise<void>[] = []
  const out = claimStdout()
  const err: Write = process.stderr.write.bind(process.stderr) as Write
  const io: CommandIo = {
    cwd: process.cwd(),
    stdout: (t: string) => void pending.push(write(process.stdout, out, t)),
    stderr: (t: string) => void pending.push(write(process.stderr, err, t)),
    stderrIsTty: process.stderr.isTTY === true,
  }
  let code: number
  const found = command === undefined ? undefined : COMMANDS[command]
  if (found !== undefined) code = await found.run(rest, io)
  else if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE)
    code = command === undefined ? 2 : 0
  } else {
    io.stderr(`durable-yield: unknown command ${command} (available: ${Object.keys(COMMANDS).join(', ')})\n`)
    code = 2
  }
  await Promise.all(pending)
  return code
}

const code = await main(process.argv.slice(2))
// Exit explicitly: a handler module may leave timers or sockets open.
process.exit(code)
