/**
 * The `conformance` entry of the CLI's command table: runs the validator on the embedded engine
 * target, printing through the CLI's streams. Kept apart from command.ts so the validator itself
 * stays engine-free and testable with a fake target.
 */
import type { CommandIo } from '../main.js'
import { CONFORMANCE_USAGE, runConformanceCommand } from './command.js'
import { createEngineTarget } from './engine-target.js'

export { CONFORMANCE_USAGE }

export function conformanceCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  return runConformanceCommand(argv, { createTarget: (context) => createEngineTarget(context), cwd: io.cwd, stdout: io.stdout, stderr: io.stderr })
}
