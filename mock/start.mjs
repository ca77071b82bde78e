#!/usr/bin/env node
// `npm start`: finds a port in use first, bundles the server when a source changed since the last
// build (esbuild, well under a second; `tsc` type-checks in `npm run typecheck` and CI), then
// starts it in this process with the same arguments. Plain JavaScript: it runs before anything is compiled.
import { createServer } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BUNDLE, bundle, bundleIsStale } from './bundle.mjs';

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

if (bundleIsStale()) {
  try {
    await bundle();
  } catch (error) {
    console.error(`cannot build the sandbox: ${error.message}`);
    process.exit(1);
  }
}
await import(pathToFileURL(BUNDLE).href);
