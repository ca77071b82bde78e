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
  let failed: Error | null = null;
  child.once('error', (error) => (failed = error));
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const url = `http://127.0.0.1:${port}`;
  while (performance.now() - started < timeoutMs) {
    if (failed) throw new Error(`${name} could not be started: ${(failed as Error).message}`);
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

/** One request on a fresh connection, answered as raw text: status, content-type and body exactly as sent. */
export function requestRaw(method: string, url: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, agent: false, headers: { ...headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The runtime's limit: node:http sending the stubs' exact bytes (status, content-type, body: the
 * sandbox's own answers, captured first) for each stubbed method and path, and 200 `{}` to
 * anything else (its readiness probe). argv: port, then the stubs as JSON.
 */
export const BARE_SERVER = `
const http = require('node:http');
const stubs = new Map(Object.values(JSON.parse(process.argv[2])).map((s) => [s.method + ' ' + s.path, s]));
const fallback = { status: 200, contentType: 'application/json', body: '{}' };
http.createServer((req, res) => {
  const q = req.url.indexOf('?');
  const stub = stubs.get(req.method + ' ' + (q < 0 ? req.url : req.url.slice(0, q))) ?? fallback;
  req.resume();
  req.on('end', () => { res.writeHead(stub.status, { 'content-type': stub.contentType, 'content-length': Buffer.byteLength(stub.body) }); res.end(stub.body); });
}).listen(Number(process.argv[1]), '127.0.0.1');
`;
