#!/usr/bin/env node
// `npm start`: finds a port in use before the build (which takes seconds), then builds and starts
// the sandbox with the same arguments. Plain JavaScript: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
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

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const build = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
await import('../dist/mock/cli.js');
