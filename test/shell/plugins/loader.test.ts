// DURABLE_EXECUTION_PLUGINS: provider modules listed in the environment are loaded once, validated as
// the official SDK 2.4 does (API version, constructable type, factory, instance of the type), run
// after the explicit plugins, and any problem fails the invocation with one PluginLoadError.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { runLocal } from '../../../adapters/local/testing.js'
import { fromEnvironment, PluginLoadError, specifiersOf } from '../../../shell/plugins/loader.js'
import { durable, step } from '../../../shell/index.js'

const dir = mkdtempSync(join(tmpdir(), 'dy-plugins-'))
const moduleFile = (name: string, body: string): string => {
  const file = join(dir, `${name}.mjs`)
  writeFileSync(file, body)
  return file
}

const good = moduleFile(
  'good',
  `class Tracing { onOperationStart(info) { (globalThis.__dyPluginCalls ??= []).push('start:' + info.name) } }
export const durableExecutionPluginProvider = { pluginApiVersion: 1, pluginType: Tracing, createPlugin: () => new Tracing() }`,
)
const wrongVersion = moduleFile('v2', `export const durableExecutionPluginProvider = { pluginApiVersion: 2, pluginType: class {}, createPlugin: () => ({}) }`)
const wrongType = moduleFile('type', `class A {}\nexport default { durableExecutionPluginProvider: { pluginApiVersion: 1, pluginType: A, createPlugin: () => ({}) } }`)
const missing = moduleFile('none', `export const somethingElse = 1`)

const failure = async (env: Record<string, string>): Promise<string> => {
  try {
    await fromEnvironment(env)
    return 'no error'
  } catch (error) {
    assert.instance(error, PluginLoadError)
    return (error as Error).message
  }
}

test('should parse the comma-separated list and reject blanks and duplicates', () => {
  assert.equal(specifiersOf({ DURABLE_EXECUTION_PLUGINS: ' a , @b/c ' }), ['a', '@b/c'])
  assert.equal(specifiersOf({}), [])
  assert.throws(() => specifiersOf({ DURABLE_EXECUTION_PLUGINS: 'a,,b' }), /non-empty/)
  assert.throws(() => specifiersOf({ DURABLE_EXECUTION_PLUGINS: 'a,a' }), /duplicate module specifier 'a'/)
  assert.is(fromEnvironment({}), undefined)
})

test('should load a valid provider and reject invalid ones with what to fix', async () => {
  const plugins = await fromEnvironment({ DURABLE_EXECUTION_PLUGINS: good })
  assert.is(plugins?.length, 1)
  assert.match(await failure({ DURABLE_EXECUTION_PLUGINS: wrongVersion }), /declares plugin API version '2'/)
  assert.match(await failure({ DURABLE_EXECUTION_PLUGINS: wrongType }), /declared plugin type 'A' but created 'Object'/)
  assert.match(await failure({ DURABLE_EXECUTION_PLUGINS: missing }), /must export 'durableExecutionPluginProvider'/)
  assert.match(await failure({ DURABLE_EXECUTION_PLUGINS: join(dir, 'absent.mjs') }), /Failed to load plugin module/)
})

test('should run environment plugins in durable() and fail the invocation when they cannot load', async () => {
  const saved = process.env.DURABLE_EXECUTION_PLUGINS
  try {
    process.env.DURABLE_EXECUTION_PLUGINS = good
    const traced = durable(function* () { return yield* step('work', async () => 1) })
    process.env.DURABLE_EXECUTION_PLUGINS = wrongVersion
    const broken = durable(function* () { return yield* step('work', async () => 1) })
    const g = globalThis as { __dyPluginCalls?: string[] }
    g.__dyPluginCalls = []
    assert.is((await runLocal(traced, undefined, { skipTime: true })).status, 'SUCCEEDED')
    assert.equal(g.__dyPluginCalls, ['start:work'])
    const failed = await runLocal(broken, undefined, { skipTime: true })
    assert.is(failed.status, 'FAILED')
    assert.is(failed.error?.ErrorType, 'PluginLoadError')
  } finally {
    if (saved === undefined) delete process.env.DURABLE_EXECUTION_PLUGINS
    else process.env.DURABLE_EXECUTION_PLUGINS = saved
  }
})

test.run()
