#!/usr/bin/env node
// Builds dist/: one ESM bundle per package entry (SDK, testing runner, local engine, CLI) with
// esbuild, dependencies left external, and type declarations with tsc.
import { build } from 'esbuild'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const entries = {
  index: 'shell/index.ts',
  testing: 'adapters/local/testing.ts',
  local: 'adapters/local/index.ts',
  cli: 'cli/main.ts',
  otel: 'adapters/otel/index.ts',
}
const present = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)))
await build({
  entryPoints: present,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
})
execFileSync('npx', ['tsc', '-p', 'tsconfig.json', '--emitDeclarationOnly', '--declaration', '--outDir', 'dist/types'], { stdio: 'inherit' })
console.log(`built ${Object.keys(present).join(', ')} into dist/`)
