#!/usr/bin/env node
// The `durable-yield` command. Runs the built CLI (dist/cli.js) when present; in a checkout without
// a build, registers tsx (a devDependency) and runs the TypeScript source cli/main.ts directly.
import { existsSync } from 'node:fs'

const built = new URL('../dist/cli.js', import.meta.url)
if (existsSync(built)) {
  await import(built.href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import(new URL('../cli/main.ts', import.meta.url).href)
}
