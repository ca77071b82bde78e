import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SandboxClock } from '../../mock/domain/clock.js';
import { listen } from '../../mock/http/node-server.js';
import { createSandbox, DEFAULT_FIXTURES, readFixtureFile, type Sandbox } from '../../mock/server.js';
import { Quote2Tick, QuoteTick } from '../../spec/schemas/market-data-stream.js';

/**
 * The live stream with a real `ws` client, over a real socket: what Samco's Node samples send
 * (streamingQuote.ts and streamingMarketData.ts @ 083b021: JSON.stringify(frame) + "\n", the
 * x-session-token header, close 1000) and what they read (one JSON object per message).
 */
type Json = Record<string, any>;

/** The frame Samco's Node samples build, byte for byte (key order of their buildFrame). */
const sampleFrame = (streamingType: 'quote' | 'quote2', symbols: string[], action: 'subscribe' | 'unsubscribe') =>
  `${JSON.stringify({ request: { streaming_type: streamingType, data: { symbols: symbols.map((s) => ({ symbol: s })) }, request_type: action, response_format: 'json' } })}\n`;

let sandbox: Sandbox;
let server: Server;
let base: string;
const fixtures = readFixtureFile(DEFAULT_FIXTURES);
const app = fixtures.accounts.flatMap((a) => a.apps ?? []).find((a) => a.apiKey && a.apiSecret)!;

async function session(): Promise<string> {
  const res = await fetch(`${base}/session/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ apiKey: app.apiKey, apiSecret: app.apiSecret }) });
  return ((await res.json()) as Json).sessionToken as string;
}

/** A client that keeps every message it receives, and waits for the next that matches. */
async function client(token: string | undefined) {
  const ws = new WebSocket(base.replace('http', 'ws'), token === undefined ? {} : { headers: { 'x-session-token': token } });
  const messages: Json[] = [];
  const waiters: Array<{ match: (m: Json) => boolean; resolve: (m: Json) => void }> = [];
  ws.on('message', (data) => {
    const text = data.toString();
    const m = JSON.parse(text) as Json;
    messages.push(m);
    for (const w of [...waiters]) {
      if (w.match(m)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  await once(ws, 'open');
  const next = (match: (m: Json) => boolean) =>
    new Promise<Json>((resolve) => {
      const seen = messages.find(match);
      if (seen) {
        messages.splice(messages.indexOf(seen), 1);
        resolve(seen);
      } else {
        const take = (m: Json) => {
          messages.splice(messages.indexOf(m), 1);
          resolve(m);
        };
        waiters.push({ match, resolve: take });
      }
    });
  return { ws, messages, next };
}

const setPrice = (symbolName: string, price: number) =>
  fetch(`${base}/__sandbox/market/prices`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ symbolName, price }) }).then((r) => r.json() as Promise<Json>);
const quoteOf = (sym: string, ltp?: string) => (m: Json) => m.response?.streaming_type === 'quote' && m.response.data.sym === sym && (ltp === undefined || m.response.data.ltp === ltp);

beforeAll(async () => {
  const clock = new SandboxClock();
  clock.set(Date.UTC(2026, 11, 1, 4, 30, 0));
  sandbox = createSandbox({ seed: 'stream', clock, fixtures });
  server = listen(sandbox, { port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('the stream at ws://<sandbox>/ (wss://stream.samco.in)', () => {
  it("takes the Node sample's quote frame, sends the current state, then a tick on every price change, wrapped as the SDKs expect", async () => {
    const { ws, next } = await client(await session());
    ws.send(sampleFrame('quote', ['11536_NSE'], 'subscribe'));
    const first = await next(quoteOf('11536_NSE'));
    expect(QuoteTick.safeParse(first).success).toBe(true);
    expect(first.response.data.ltp).toBe('3890.00');
    await setPrice('TCS', 3901.5);
    const tick = await next(quoteOf('11536_NSE', '3901.50'));
    expect(QuoteTick.parse(tick).response.data).toMatchObject({ c: '3890.00', ch: '11.50', o: '3901.50' });
    ws.close(1000, 'client shutdown');
  });

  it("takes the Node sample's quote2 frame (1594_NSE) and sends depth ticks", async () => {
    const { ws, next } = await client(await session());
    ws.send(sampleFrame('quote2', ['1594_NSE'], 'subscribe'));
    const first = await next((m) => m.response?.streaming_type === 'quote2');
    expect(Quote2Tick.parse(first).response.data.symbol).toBe('1594_NSE');
    expect(first.response.data.bidValues).toHaveLength(5);
    await setPrice('INFY', 1530);
    const tick = await next((m) => m.response?.streaming_type === 'quote2' && m.response.data.bidValues[0].price === '1529.95');
    expect(tick.response.data.askValues[0].price).toBe('1530.05');
    ws.close(1000, 'client shutdown');
  });

  it('acts on a frame only at its newline: a frame split across messages works, one without it does nothing; any spacing and case', async () => {
    const token = await session();
    const unterminated = await client(token);
    unterminated.ws.send(sampleFrame('quote', ['2885_NSE'], 'subscribe').trimEnd());
    const split = await client(token);
    const python = '{"request": {"streaming_type": "quote", "data": {"symbols": [{"symbol": "2885_NSE"}]}, "request_type": "Subscribe", "response_format": "JSON"}}';
    split.ws.send(python.slice(0, 20));
    split.ws.send(`${python.slice(20)}\n`);
    await split.next(quoteOf('2885_NSE'));
    await setPrice('RELIANCE', 2960.5);
    await split.next(quoteOf('2885_NSE', '2960.50'));
    // The same server sent the split client its tick: the unterminated one, subscribed earlier, got none.
    expect(unterminated.messages).toEqual([]);
    unterminated.ws.close(1000);
    split.ws.close(1000);
  });

  it('unsubscribe stops the ticks of that symbol only; index symbols have no suffix', async () => {
    const { ws, next, messages } = await client(await session());
    ws.send(sampleFrame('quote', ['3045_NSE', '-21'], 'subscribe'));
    await next(quoteOf('3045_NSE'));
    await next(quoteOf('-21'));
    ws.send(sampleFrame('quote', ['3045_NSE'], 'unsubscribe'));
    await setPrice('SBIN', 813.5);
    await fetch(`${base}/__sandbox/market/indices`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ indexName: 'NIFTY 50', value: 26150.5 }) });
    await next(quoteOf('-21', '26150.50'));
    expect(messages.some(quoteOf('3045_NSE'))).toBe(false);
    ws.close(1000);
  });

  it('refuses an upgrade without a live session with HTTP 401 and the REST 401 body', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const ws = new WebSocket(base.replace('http', 'ws'), token ? { headers: { 'x-session-token': token } } : {});
      // With an unexpected-response listener, ending the attempt is the client's job; the abort reports an error.
      ws.on('error', () => {});
      const [, res] = (await once(ws, 'unexpected-response')) as [unknown, import('node:http').IncomingMessage];
      let body = '';
      for await (const chunk of res) body += chunk;
      expect(res.statusCode).toBe(401);
      expect(JSON.parse(body)).toMatchObject({ status: 'Failure', statusMessage: token ? 'Unauthorized - Invalid token. sessId missing.' : expect.stringContaining('Session token is mandatory') });
      ws.terminate();
    }
  });

  it('closes the socket with 1008 and the REST text when the session ends (logout)', async () => {
    const token = await session();
    const { ws } = await client(token);
    const closed = once(ws, 'close');
    await fetch(`${base}/logout`, { method: 'DELETE', headers: { 'x-session-token': token } });
    const [code, reason] = (await closed) as [number, Buffer];
    expect(code).toBe(1008);
    expect(reason.toString()).toMatch(/Session/);
  });

  it('a consumer that never reads does not slow the market or another consumer', async () => {
    const token = await session();
    const slow = await client(token);
    slow.ws.send(sampleFrame('quote', ['14366_NSE'], 'subscribe'));
    await slow.next(quoteOf('14366_NSE'));
    // Stop reading: its socket's buffers fill up while the market keeps moving.
    (slow.ws as unknown as { _socket: import('node:net').Socket })._socket.pause();
    const fast = await client(token);
    fast.ws.send(sampleFrame('quote', ['14366_NSE'], 'subscribe'));
    await fast.next(quoteOf('14366_NSE'));
    // Enough ticks (about 15 MB) to fill the slow socket's kernel buffers and then the sandbox's limit; the fast consumer drains between bursts.
    let last = '';
    for (let n = 0; n < 30_000; n++) {
      last = (13 + (n % 200) * 0.01).toFixed(2);
      sandbox.domain.market.setPrice('NSE', 'IDEA', Number(last));
      if (n % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await fast.next(quoteOf('14366_NSE', last));
    const stats = sandbox.market!.streamStats.stats();
    expect(stats.ticksDropped).toBeGreaterThan(0);
    slow.ws.terminate();
    fast.ws.close(1000);
  });
});
