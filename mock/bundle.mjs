#!/usr/bin/env node
// Bundles what serving needs (mock/cli.ts and everything it imports, npm packages included) into
// dist/mock/cli.js with esbuild, in well under a second: one file starts several times faster than
// hundreds of modules resolved one by one. The `verify` subcommand, loaded only when asked for,
// goes to a chunk of its own (dist/mock/chunks/). `tsc` still type-checks and builds the rest of
// dist/ (the library entry, tests, bench); it runs first in `npm run build`, and this file then
// replaces its dist/mock/cli.js. Plain JavaScript: mock/start.mjs runs it before anything is compiled.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
export const BUNDLE = join(root, 'dist', 'mock', 'cli.js');
const CHUNKS = join(root, 'dist', 'mock', 'chunks');

// Everything the bundle is made of: a change to any of these makes it stale (spec/openapi.json and
// fixtures/default.json are read when served, not bundled).
const SOURCE_DIRS = ['mock', 'spec', 'contracts/verify', 'contracts/parity'];
const SOURCE_FILES = ['package.json', 'tsconfig.json', 'node_modules/.package-lock.json'];
const NOT_SOURCES = new Set([join(root, 'spec', 'openapi.json')]);

/** The newest modification time among the bundle's sources. */
function newestSource() {
  let newest = 0;
  const stamp = (path) => {
    try {
      newest = Math.max(newest, statSync(path).mtimeMs);
    } catch {}
  };
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(ts|mjs|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts') && !NOT_SOURCES.has(path)) stamp(path);
    }
  };
  for (const dir of SOURCE_DIRS) visit(join(root, dir));
  for (const file of SOURCE_FILES) stamp(join(root, file));
  return newest;
}

/** True when dist/mock/cli.js is missing or older than one of its sources. */
export function bundleIsStale() {
  if (!existsSync(BUNDLE)) return true;
  return statSync(BUNDLE).mtimeMs < newestSource();
}

// zod re-exports its ~50 message locales as `z.locales` (a third of its code); the sandbox speaks
// English only (zod's default, imported by zod itself) and never reads `z.locales`.
const englishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (args.importer.includes(`${join('node_modules', 'zod')}`) ? { path: args.importer, namespace: 'zod-locales' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({ contents: "export { default as en } from '../locales/en.js';", resolveDir: dirname(args.path) }));
  },
};

export async function bundle() {
  const { build } = await import('esbuild');
  rmSync(CHUNKS, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { cli: 'mock/cli.ts' },
    outdir: join(root, 'dist', 'mock'),
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Native (better-sqlite3) or loaded only for --database-url (pg): loaded from node_modules when used.
    external: ['better-sqlite3', 'pg'],
    // Less to parse at start; names are kept, so stack traces and error names read as in the source.
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [englishOnly],
    // CommonJS packages (ws) call require() for Node's own modules; an ES module has none of its own.
    banner: { js: "import { createRequire as __sandboxRequire } from 'node:module'; const require = __sandboxRequire(import.meta.url);" },
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  await bundle();
  console.error(`bundled ${relative(root, BUNDLE)} in ${Math.round(performance.now() - started)} ms`);
}
