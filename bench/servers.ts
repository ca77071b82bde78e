import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '../contracts/setup/processes.js';
import { request as httpRequest } from 'node:http';

export type Server = { name: string; url: string; child: ChildProcess; coldStartMs: number };

/** Starts a server on loopback and times it from spawn to its first 200 on `readyPath`. */
export async function start(name: string, command: string, args: (port: number) => string[], readyPath: string, timeoutMs = 120_000): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args(port), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()).slice(-2000));
  const url = `http://127.0.0.1:${port}`;
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}: ${stderr}`);
    try {
      const res = await requestJson('GET', `${url}${readyPath}`);
      if (res.status === 200) return { name, url, child, coldStartMs: performance.now() - started };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not start within ${timeoutMs} ms: ${stderr}`);
}

export async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

/**
 * A one-off JSON request on a fresh connection. Servers come and go on recycled ports here, and
 * fetch's pooled keep-alive sockets would outlive them.
 */
export function requestJson(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(url, { method, agent: false, headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        } catch (error) {
          reject(error);
        }
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024;
}

/** The runtime's limit: node:http answering a fixed small JSON body, about the size of an envelope. */
export const BARE_SERVER = `
const http = require('node:http');
const body = JSON.stringify({ serverTime: '17/12/25 10:01:56', msgId: '6b2e7b9f-df86-4b96-932e-8028cbf766cc', status: 'Failure', statusMessage: 'Invalid OTP.' });
http.createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }); res.end(body); }); })
  .listen(Number(process.argv[1]), '127.0.0.1');
`;
