#!/usr/bin/env node
// `npm start`: finds a port in use first, rebuilds dist/ with esbuild when a source changed since
// the last build (about a second; `tsc` type-checks in `npm run typecheck` and CI), then starts the
// sandbox in this process with the same arguments. Plain JavaScript: it runs before anything is compiled.
import { createServer } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildIsStale, CLI, transpile } from './transpile.mjs';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4010' }, host: { type: 'string', default: '127.0.0.1' } }, strict: false, allowPositionals: true });

const inUse = (port, host) =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error) => resolve(error.code === 'EADDRINUSE'));
    probe.listen(port, host, () => probe.close(() => resolve(false)));
  });

if (values.port !== '0' && (await inUse(Number(values.port), values.host))) {
  console.error(`cannot start: ${values.host}:${values.port} is already in use (another sandbox?). Stop it, or pick another port: npm start -- --port 4011 (or --port 0 for any free one).`);
  process.exit(1);
}

if (buildIsStale()) {
  try {
    await transpile();
  } catch (error) {
    console.error(`cannot build the sandbox: ${error.message}`);
    process.exit(1);
  }
}
await import(pathToFileURL(CLI).href);
