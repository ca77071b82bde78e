import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, ROOT, startProcess, stop, type Running } from '../../contracts/setup/processes.js';

/** Runs a command to its end and returns its exit code and output. */
function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('starting the sandbox (issue 20)', () => {
  let busy: Server;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(port, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

  it('npm start finds a port in use before it builds, and says to use --port', async () => {
    const { code, output } = await run([join(ROOT, 'mock/start.mjs'), '--port', String(port)]);
    expect(code).toBe(1);
    expect(output).toContain(`127.0.0.1:${port} is already in use`);
    expect(output).toContain('--port');
  });

  it('the CLI names --port when the port is taken', async () => {
    const { code, output } = await run([join(ROOT, 'dist/mock/cli.js'), '--port', String(port)]);
    expect(code).toBe(1);
    expect(output).toMatch(/EADDRINUSE.*--port N \(--port 0 picks a free one\)/);
  });
});

describe('the served spec names the address the sandbox listens on', () => {
  let sandbox: Running;
  beforeAll(async () => {
    const port = await freePort();
    sandbox = await startProcess('served-spec', process.execPath, [join(ROOT, 'dist/mock/cli.js'), '--port', String(port), '--quiet'], port, '/__sandbox/info');
  });
  afterAll(() => stop(sandbox));

  it('so "Try it out" on /docs reaches this port, not 4010', async () => {
    const spec = await (await fetch(`${sandbox.url}/openapi.json`)).json();
    expect(spec.servers).toEqual([{ url: sandbox.url, description: 'This sandbox, where it is listening' }]);
  });
});
