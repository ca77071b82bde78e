import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, ROOT, startProcess, stop, type Running } from './processes.js';
import { describeTargets, type Target } from '../targets.js';

declare module 'vitest' {
  export interface ProvidedContext {
    targets: Target[];
    sandboxLog: string;
  }
}

/**
 * Starts what the contract suites run against, once per test run: the sandbox as `npm start`
 * runs it (compiled), Prism mocking spec/openapi.json, and Prism as a validating proxy
 * (--errors) in front of the sandbox. All on loopback, stopped by PID at the end.
 */
export default async function setup(project: TestProject) {
  const cli = join(ROOT, 'dist', 'mock', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/mock/cli.js is missing: run `npm run build` (npm test does it first)');
  const prism = join(ROOT, 'node_modules', '.bin', 'prism');
  const started: Running[] = [];
  try {
    const sandboxPort = await freePort();
    const sandbox = await startProcess('sandbox', process.execPath, [cli, '--port', String(sandboxPort), '--seed', 'contracts', '--trust-proxy'], sandboxPort, '/__sandbox/info');
    started.push(sandbox);
    const [mockPort, proxyPort] = [await freePort(), await freePort()];
    const [mock, proxy] = await Promise.all([
      startProcess('prism-mock', prism, ['mock', 'spec/openapi.json', '-h', '127.0.0.1', '-p', String(mockPort), '-v', 'warn'], mockPort, '/__sandbox/info'),
      startProcess('prism-proxy', prism, ['proxy', 'spec/openapi.json', sandbox.url, '-h', '127.0.0.1', '-p', String(proxyPort), '--errors', '-v', 'warn'], proxyPort, '/__sandbox/info'),
    ]);
    started.push(mock, proxy);
    project.provide('targets', describeTargets({ sandbox: sandbox.url, prismMock: mock.url, prismProxy: proxy.url }, process.env));
    project.provide('sandboxLog', sandbox.logFile);
  } catch (error) {
    await Promise.all(started.map(stop));
    throw error;
  }
  return async () => {
    await Promise.all(started.map(stop));
  };
}
