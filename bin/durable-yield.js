#!/usr/bin/env node
// The `durable-yield` command. In a checkout (the TypeScript source is next to this file) it registers
// tsx (a devDependency) and runs cli/main.ts, so a stale `dist/` never hides a source change; in the
// published package (dist/ and bin/ only) it runs the built CLI, dist/cli.js.
import { existsSync } from 'node:fs'

const source = new URL('../cli/main.ts', import.meta.url)
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api')
  register()
  await import(source.href)
} else {
  await import(new URL('../dist/cli.js', import.meta.url).href)
}
