// SAM `file.export` handlers: the module is found relative to the code folder with or without its
// extension, loaded on first call only, and every failure names the function, the handler and the fix.
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { lazyHandler, locateHandler } from '../../../cli/conformance/handler-loader.js'

const codeDir = fileURLToPath(new URL('./fixtures/engine', import.meta.url))
const fn = (handler: string) => ({ functionLogicalId: 'F', handler, codeDir })

test('locateHandler should split at the last dot and find the .ts module', () => {
  assert.equal(locateHandler(fn('workflows.caller')), { file: join(codeDir, 'workflows.ts'), exportName: 'caller' })
})

test('locateHandler should refuse a handler that is not file.export, saying what to write', () => {
  assert.throws(() => locateHandler(fn('workflows')), /F: Handler 'workflows' is not file.export/)
  assert.throws(() => locateHandler(fn('workflows.')), /is not file.export/)
})

test('locateHandler should name the paths it tried when the module is missing', () => {
  assert.throws(() => locateHandler(fn('nowhere/module.handler')), /F: no module for Handler 'nowhere\/module.handler' \(looked for .*nowhere\/module\{,\.ts,/)
})

test('lazyHandler should defer loading to the first call and report a missing export there', async () => {
  const handler = lazyHandler(fn('workflows.noSuchExport'))
  try {
    await handler({}, {})
    assert.unreachable('should have rejected')
  } catch (error) {
    assert.match(String(error), /F \(workflows.noSuchExport\): .*has no export "noSuchExport"/)
  }
})

test.run()
