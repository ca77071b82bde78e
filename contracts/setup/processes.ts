import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const LOG_DIR = join(ROOT, '.vitest-output');

export type Running = { name: string; url: string; child: ChildProcess; logFile: string };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a server process on loopback, with its output in .vitest-output/NAME.log, and waits until `readyPath` answers. */
export async function startProcess(name: string, command: string, args: string[], port: number, readyPath: string, timeoutMs = 60_000): Promise<Running> {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before it was ready; see ${logFile}`);
    try {
      await fetch(`${url}${readyPath}`, { signal: AbortSignal.timeout(1000) });
      return { name, url, child, logFile };
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  stop({ name, url, child, logFile });
  throw new Error(`${name} did not answer on ${url} within ${timeoutMs} ms; see ${logFile}`);
}

/** Stops a started process by its PID: SIGTERM, then SIGKILL if it lingers. */
export async function stop(running: Running): Promise<void> {
  const { child } = running;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}
