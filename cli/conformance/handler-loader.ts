/**
 * Finds and imports the handler a template function names. `Handler` is SAM's `file.export`: the
 * text before the last dot is a module path relative to the function's code folder (CodeUri, else
 * the template's folder), tried as written and with the .ts/.mts/.js/.mjs/.cjs extensions; the rest
 * is the export. Loading is lazy and cached, so a broken module fails only the requirements that use
 * it, each with a message naming the function, the handler and what to fix.
 */
import { existsSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { loadHandler } from '../load-module.js'
import type { FunctionMapping } from './template.js'

export type LoadedHandler = (event: unknown, context: unknown) => unknown

const EXTENSIONS = ['', '.ts', '.mts', '.js', '.mjs', '.cjs']

export interface HandlerLocation {
  readonly file: string
  readonly exportName: string
}

/** Splits `file.export` and finds the file; throws a message saying which paths were tried. */
export function locateHandler(fn: FunctionMapping): HandlerLocation {
  const dot = fn.handler.lastIndexOf('.')
  if (dot <= 0 || dot === fn.handler.length - 1) {
    throw new Error(`${fn.functionLogicalId}: Handler '${fn.handler}' is not file.export (e.g. handlers/step/basic.handler)`)
  }
  const modulePath = fn.handler.slice(0, dot)
  const exportName = fn.handler.slice(dot + 1)
  const base = join(fn.codeDir, modulePath)
  const file = EXTENSIONS.map((ext) => base + ext).find((candidate) => existsSync(candidate) && statSync(candidate).isFile())
  if (file === undefined) {
    throw new Error(`${fn.functionLogicalId}: no module for Handler '${fn.handler}' (looked for ${relative(process.cwd(), base)}{${EXTENSIONS.join(',')}}); fix Handler or CodeUri`)
  }
  return { file, exportName }
}

/** A handler that imports its module on first call and reuses it afterwards. */
export function lazyHandler(fn: FunctionMapping): LoadedHandler {
  let loaded: Promise<LoadedHandler> | undefined
  const load = async (): Promise<LoadedHandler> => {
    const { file, exportName } = locateHandler(fn)
    try {
      return await loadHandler(file, exportName, fn.codeDir)
    } catch (error) {
      throw new Error(`${fn.functionLogicalId} (${fn.handler}): ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return async (event, context) => {
    loaded ??= load()
    return (await loaded)(event, context)
  }
}
