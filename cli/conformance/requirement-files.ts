/**
 * Finds requirement files in any directory laid out like the official one: `<dir>/<suite>/<id>.yaml`
 * (deeper folders belong to their top-level suite; files directly in `<dir>` form a suite named after
 * the directory). `--suite` selects suites by name (`all`, or several, comma-separated); an unknown
 * name is an error listing the suites that exist, so a typo never silently runs nothing.
 */
import { readdirSync, statSync } from 'node:fs'
import { basename, extname, join, relative, resolve, sep } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'

export interface RequirementFile {
  readonly id: string
  readonly suite: string
  readonly file: string
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = join(dir, entry)
      if (statSync(full).isDirectory()) return walk(full)
      return ['.yaml', '.yml'].includes(extname(entry)) ? [full] : []
    })
}

export function discoverRequirementFiles(requirementsDir: string): E.Either<string, readonly RequirementFile[]> {
  const root = resolve(requirementsDir)
  let files: string[]
  try {
    if (!statSync(root).isDirectory()) return E.left(`${root} is not a directory; pass a folder of requirement files with --requirements.`)
    files = walk(root)
  } catch (error) {
    return E.left(`${root} cannot be read (${error instanceof Error ? error.message : String(error)}); pass a folder of requirement files with --requirements.`)
  }
  if (files.length === 0) return E.left(`${root} holds no .yaml requirement files; pass the folder that holds <suite>/<id>.yaml files with --requirements.`)
  return E.right(
    files.map((file) => {
      const parts = relative(root, file).split(sep)
      return { id: basename(file, extname(file)), suite: parts.length > 1 ? (parts[0] ?? '') : basename(root), file }
    }),
  )
}

export function selectSuites(files: readonly RequirementFile[], suites: readonly string[]): E.Either<string, readonly RequirementFile[]> {
  const wanted = suites.flatMap((suite) => suite.split(',')).map((suite) => suite.trim()).filter(Boolean)
  if (wanted.length === 0 || wanted.includes('all')) return E.right(files)
  const available = [...new Set(files.map((file) => file.suite))].sort()
  const unknown = wanted.filter((suite) => !available.includes(suite))
  if (unknown.length > 0) return E.left(`Unknown suite ${unknown.join(', ')}; choose from: all, ${available.join(', ')}.`)
  return E.right(files.filter((file) => wanted.includes(file.suite)))
}
