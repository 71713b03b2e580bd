/**
 * Test-side wire ids: `H(raw)` = first 16 hex chars of MD5(raw) (PROTOCOL.md §4.2). The harness keeps
 * its own copy instead of importing core/ids so that the oracle never shares code with the thing it
 * checks: a bug in our id scheme must show up as a difference, not cancel itself out.
 */
import { createHash } from 'node:crypto'

export const H = (raw: string): string => createHash('md5').update(raw, 'utf8').digest('hex').slice(0, 16)
