#!/usr/bin/env node
// What `npm start` builds when a source changed since the last build: every TypeScript file the
// server and its `verify` subcommand are made of, transpiled file by file into dist/ by esbuild
// (about a second, where `tsc` takes 10 to 60), in the layout `tsc -p tsconfig.build.json` gives.
// `tsc` still type-checks (`npm run typecheck`, CI) and builds dist/ for the library, tests and bench.
// Not bundled: measured, a one-file bundle started ~35% faster but served ~15% slower (CPU per
// request, esbuild turns every top-level const and class of the bundle into a var).
// Plain JavaScript: mock/start.mjs runs it before anything is compiled.
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
export const CLI = join(dist, 'mock', 'cli.js');

// The sources of what serving and `verify` import (tsconfig.build.json's, less the bench and fixture generator).
const SOURCE_DIRS = ['mock', 'spec', 'contracts/verify', 'contracts/parity'];
const CONFIG_FILES = ['package.json', 'tsconfig.json', 'tsconfig.build.json'];

/** The TypeScript sources and the JSON files they import (tsc copies those beside the output). */
function sources() {
  const ts = [];
  const json = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.test.ts')) ts.push(path);
      else if (entry.name.endsWith('.json') && dir.startsWith(join(root, 'contracts'))) json.push(path);
    }
  };
  for (const dir of SOURCE_DIRS) visit(join(root, dir));
  return { ts, json };
}

/** True when dist/mock/cli.js is missing or older than a source or a build setting. */
export function buildIsStale() {
  if (!existsSync(CLI)) return true;
  const built = statSync(CLI).mtimeMs;
  const { ts, json } = sources();
  const inputs = [...ts, ...json, ...CONFIG_FILES.map((file) => join(root, file)), join(import.meta.dirname, 'transpile.mjs')];
  return inputs.some((path) => existsSync(path) && statSync(path).mtimeMs > built);
}

export async function transpile() {
  const { build } = await import('esbuild');
  const { ts, json } = sources();
  await build({
    absWorkingDir: root,
    entryPoints: ts,
    outdir: dist,
    outbase: root,
    bundle: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Node 20.10 and later read `import ... with { type: 'json' }`; esbuild's node20 would drop it.
    supported: { 'import-attributes': true },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  for (const file of json) {
    const target = join(dist, relative(root, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  await transpile();
  console.error(`transpiled into ${relative(root, dist)}/ in ${Math.round(performance.now() - started)} ms`);
}
