/**
 * Loads the handler module for `run`: resolves the path from the cwd, imports it (a .ts file goes
 * through tsx, registered on demand when the process was not started with it), and picks the named
 * export. Every failure is a `ModuleError` with a one-line message, which main.ts turns into exit 2.
 */
import { existsSync } from 'node:fs'
import { extname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

export class ModuleError extends Error {}

type Handler = (event: unknown, context: unknown) => unknown

const TS_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.tsx'])
let tsxRegistered = false
// A file is imported once: Node caches a failed plain-URL load, so importing it again after tsx was
// registered would fail (serve loads several exports of one module).
const modules = new Map<string, Promise<Record<string, unknown>>>()

function importFile(file: string): Promise<Record<string, unknown>> {
  const known = modules.get(file)
  if (known) return known
  const loading = importOnce(file)
  modules.set(file, loading)
  loading.catch(() => modules.delete(file))
  return loading
}

async function importOnce(file: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href
  try {
    return (await import(url)) as Record<string, unknown>
  } catch (e) {
    const code = (e as { code?: string }).code
    if (code !== 'ERR_UNKNOWN_FILE_EXTENSION' || tsxRegistered || !TS_EXTENSIONS.has(extname(file))) throw e
  }
  // Started without tsx (e.g. from dist/cli.js): register it now and retry.
  const { register } = await import('tsx/esm/api')
  register()
  tsxRegistered = true
  // Node caches the failed load under the plain URL, so ask again under a distinct one.
  return (await import(`${url}?tsx`)) as Record<string, unknown>
}

export async function loadHandler(modulePath: string, exportName: string, cwd: string): Promise<Handler> {
  const file = resolve(cwd, modulePath)
  if (!existsSync(file)) throw new ModuleError(`module not found: ${modulePath}`)
  let mod: Record<string, unknown>
  try {
    mod = await importFile(file)
  } catch (e) {
    const first = ((e as Error)?.message ?? String(e)).split('\n')[0]
    throw new ModuleError(`cannot load ${modulePath}: ${first}`)
  }
  const exported = mod[exportName] ?? (exportName === 'handler' ? (mod['default'] as Record<string, unknown> | undefined)?.[exportName] : undefined)
  if (exported === undefined) {
    const names = Object.keys(mod).filter((k) => typeof mod[k] === 'function')
    throw new ModuleError(`${modulePath} has no export "${exportName}"${names.length ? ` (functions exported: ${names.join(', ')})` : ''}`)
  }
  if (typeof exported !== 'function') throw new ModuleError(`export "${exportName}" of ${modulePath} is not a function`)
  return exported as Handler
}
