import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { readFileSync } from 'node:fs'

const EXAMPLE = 'test/adapters/local/engine-readme-example.test.ts'
const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')

/** The README's "Testing your workflow" code block. */
function readmeExample(): string {
  const readme = read('README.md')
  const section = readme.indexOf('## Testing your workflow')
  assert.ok(section >= 0, 'README has a "Testing your workflow" section')
  const open = readme.indexOf('```ts\n', section) + '```ts\n'.length
  return readme.slice(open, readme.indexOf('```\n', open))
}

test('should keep the README testing example identical to a test file that runs in the suite', () => {
  const file = read(EXAMPLE)
    .replace("from '../../../shell/index.js'", "from 'durable-yield'")
    .replace("from '../../../adapters/local/testing.js'", "from 'durable-yield/testing'")
    .replace(/\s*test\.run\(\)\s*$/, '\n')
  assert.fixture(readmeExample(), file)
  assert.ok(read('README.md').includes(EXAMPLE), 'README names the example file')
})

test.run()
