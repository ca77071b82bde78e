import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, ROOT, startProcess, stop, type Running } from '../../contracts/setup/processes.js';

/**
 * What reaches the sandbox's socket before any route does: a body that never ends, headers too
 * large, conflicting lengths, a client that hangs up. Over real TCP, against the CLI with a short
 * request timeout so the test need not wait for the default.
 */
let sandbox: Running;
let port: number;
const TIMEOUT_MS = 1_000;
/** How long to wait for an answer: many times the configured timeout, far below Node's default 300 s. */
const WAIT_MS = 20_000;

beforeAll(async () => {
  port = await freePort();
  sandbox = await startProcess('client-errors', process.execPath, [join(ROOT, 'dist/mock/cli.js'), '--port', String(port), '--request-timeout-ms', String(TIMEOUT_MS)], port, '/__sandbox/info');
});
afterAll(() => stop(sandbox));

/** Writes raw bytes, then collects what comes back until the server closes the socket (or WAIT_MS passes). */
function exchange(raw: string | Buffer, options: { hangUpAfterMs?: number } = {}): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed });
    };
    const timer = setTimeout(() => finish(false), options.hangUpAfterMs ?? WAIT_MS);
    socket.on('connect', () => socket.write(raw));
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8');
    });
    socket.on('close', () => finish(true));
    socket.on('error', () => {});
  });
}

function parse(text: string) {
  const [head = '', body = ''] = text.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), head: head.toLowerCase(), body: JSON.parse(body) as Record<string, unknown> };
}

async function logSays(pattern: RegExp) {
  for (let i = 0; i < 100; i++) {
    if (pattern.test(readFileSync(sandbox.logFile, 'utf8'))) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('requests Node refuses before routing (issue 13, item 11)', () => {
  it('a chunked body that never ends is answered 408 with an envelope, and the socket is closed', { timeout: 60_000 }, async () => {
    const res = await exchange('POST /session/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"api\r\n');
    expect(res.closed).toBe(true);
    const answer = parse(res.text);
    expect(answer.status).toBe(408);
    expect(answer.head).toContain('content-type: application/json');
    expect(answer.body).toMatchObject({ status: 'Failure', statusMessage: expect.stringMatching(/timed out.*1 seconds/) });
    expect(await logSays(/aborted POST \/session\/token/)).toBe(true);
  });

  it('headers too large get a 431 envelope; conflicting lengths a 400 envelope', { timeout: 60_000 }, async () => {
    const huge = await exchange(`GET /__sandbox/info HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(parse(huge.text)).toMatchObject({ status: 431, body: { status: 'Failure', statusMessage: 'Request headers too large.' } });
    for (const lengths of ['Content-Length: 5\r\nTransfer-Encoding: chunked', 'Content-Length: 5\r\nContent-Length: 6']) {
      const res = await exchange(`POST /session/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${lengths}\r\n\r\n{"a":1}`);
      expect(parse(res.text), lengths).toMatchObject({ status: 400, body: { status: 'Failure', statusMessage: expect.stringMatching(/Malformed HTTP request/) } });
    }
  });

  it('a client that hangs up mid-body is logged as an abort, not an internal error', { timeout: 60_000 }, async () => {
    await exchange('POST /app/api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"userId":', { hangUpAfterMs: 200 });
    expect(await logSays(/aborted POST \/app\/api\/login/)).toBe(true);
    expect(readFileSync(sandbox.logFile, 'utf8')).not.toMatch(/error POST|POST \/app\/api\/login 500/);
  });
});
