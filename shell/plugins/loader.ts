/**
 * Plugins chosen by the environment, as the official SDK 2.4 loads them: DURABLE_EXECUTION_PLUGINS
 * lists module specifiers (comma-separated, no blanks or duplicates); each module exports a
 * `durableExecutionPluginProvider` (directly or on its default export) declaring plugin API version
 * 1, a constructable `pluginType` and a `createPlugin()` whose result is an instance of it. A bare
 * package name the handler's own resolution cannot find is resolved from LAMBDA_TASK_ROOT (or the
 * working directory). Any problem is one PluginLoadError naming the module and what to fix.
 */
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { DURABLE_INSTRUMENTATION_PLUGIN_API_VERSION, type DurableInstrumentationPlugin } from './types.js'

export const PLUGIN_ENVIRONMENT_VARIABLE = 'DURABLE_EXECUTION_PLUGINS'
export const PLUGIN_PROVIDER_EXPORT = 'durableExecutionPluginProvider'

export class PluginLoadError extends Error {
  readonly code = 'PLUGIN_LOAD'
  constructor(message: string, options?: { cause?: unknown }) {
    super(`Dynamic plugin configuration failed: ${message}`, options)
    this.name = 'PluginLoadError'
  }
}

type Environment = Readonly<Record<string, string | undefined>>
type Importer = (specifier: string) => Promise<unknown>

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

export function specifiersOf(environment: Environment): string[] {
  const listed = environment[PLUGIN_ENVIRONMENT_VARIABLE]
  if (listed === undefined || listed.trim() === '') return []
  const specifiers = listed.split(',').map((s) => s.trim())
  if (specifiers.includes('')) throw new PluginLoadError(`${PLUGIN_ENVIRONMENT_VARIABLE} must contain non-empty, comma-separated package or module specifiers.`)
  const duplicate = specifiers.find((s, i) => specifiers.indexOf(s) !== i)
  if (duplicate !== undefined) throw new PluginLoadError(`${PLUGIN_ENVIRONMENT_VARIABLE} contains duplicate module specifier '${duplicate}'.`)
  return specifiers
}

function defaultImporter(environment: Environment): Importer {
  const root = environment['LAMBDA_TASK_ROOT']?.trim() || process.cwd()
  const fromApplication = createRequire(join(root, 'package.json'))
  return async (specifier) => {
    try {
      return await import(specifier)
    } catch (error) {
      const code = isRecord(error) ? error['code'] : undefined
      if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error
      return import(pathToFileURL(fromApplication.resolve(specifier)).href)
    }
  }
}

interface Provider {
  readonly pluginApiVersion: number
  readonly pluginType: abstract new (...args: never[]) => DurableInstrumentationPlugin
  createPlugin(): DurableInstrumentationPlugin
}

function providerOf(specifier: string, module: unknown): Provider {
  if (!isRecord(module)) throw new PluginLoadError(`Plugin module '${specifier}' did not evaluate to a module namespace object.`)
  const fallback = isRecord(module['default']) ? module['default'][PLUGIN_PROVIDER_EXPORT] : undefined
  const candidates = [...new Set([module[PLUGIN_PROVIDER_EXPORT], fallback].filter((c) => c !== undefined))]
  if (candidates.length === 0) throw new PluginLoadError(`Plugin module '${specifier}' must export '${PLUGIN_PROVIDER_EXPORT}'.`)
  if (candidates.length > 1) throw new PluginLoadError(`Plugin module '${specifier}' exposes multiple different '${PLUGIN_PROVIDER_EXPORT}' values.`)
  const provider = candidates[0]
  if (!isRecord(provider)) throw new PluginLoadError(`Plugin module '${specifier}' exports an invalid provider; expected an object.`)
  if (provider['pluginApiVersion'] !== DURABLE_INSTRUMENTATION_PLUGIN_API_VERSION) {
    throw new PluginLoadError(
      `Plugin provider '${specifier}' declares plugin API version '${String(provider['pluginApiVersion'])}', but durable-yield supports version ${DURABLE_INSTRUMENTATION_PLUGIN_API_VERSION}. Install compatible versions.`,
    )
  }
  const type = provider['pluginType']
  if (typeof type !== 'function' || !isRecord(type.prototype)) throw new PluginLoadError(`Plugin provider '${specifier}' must declare a constructable 'pluginType'.`)
  if (typeof provider['createPlugin'] !== 'function') throw new PluginLoadError(`Plugin provider '${specifier}' must define a 'createPlugin' factory function.`)
  return provider as unknown as Provider
}

function instantiate(specifier: string, provider: Provider): DurableInstrumentationPlugin {
  let plugin: unknown
  try {
    plugin = provider.createPlugin()
  } catch (error) {
    throw new PluginLoadError(`Plugin provider '${specifier}' failed to create its plugin: ${messageOf(error)}`, { cause: error })
  }
  if (!(plugin instanceof provider.pluginType)) {
    const actual = isRecord(plugin) ? (plugin.constructor?.name ?? typeof plugin) : String(plugin)
    throw new PluginLoadError(`Plugin provider '${specifier}' declared plugin type '${provider.pluginType.name}' but created '${actual}'.`)
  }
  return plugin
}

/** The plugins the environment selects, in listed order; undefined when it selects none. */
export function fromEnvironment(environment: Environment = process.env, importer?: Importer): Promise<DurableInstrumentationPlugin[]> | undefined {
  if ((environment[PLUGIN_ENVIRONMENT_VARIABLE] ?? '').trim() === '') return undefined
  const load = async (): Promise<DurableInstrumentationPlugin[]> => {
    const importModule = importer ?? defaultImporter(environment)
    const plugins: DurableInstrumentationPlugin[] = []
    for (const specifier of specifiersOf(environment)) {
      let module: unknown
      try {
        module = await importModule(specifier)
      } catch (error) {
        throw new PluginLoadError(`Failed to load plugin module '${specifier}': ${messageOf(error)}`, { cause: error })
      }
      plugins.push(instantiate(specifier, providerOf(specifier, module)))
    }
    return plugins
  }
  return load()
}
