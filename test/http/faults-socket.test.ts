import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listen } from '../../mock/http/node-server.js';
import { openSandbox } from '../../mock/server.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SandboxClock } from '../../mock/domain/clock.js';
import { T0 } from '../helpers.js';
import { durableTrader, ORDER, trader } from './faults-harness.js';

type Outcome = { error?: NodeJS.ErrnoException; status?: number; declaredLength?: number; received?: number; aborted?: boolean };

const servers: Array<{ close: (cb: () => void) => void; closeAllConnections: () => void }> = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

async function served(t: { h: Parameters<typeof listen>[0] }) {
  const server = listen(t.h, { port: 0, hostname: '127.0.0.1' });
  servers.push(server);
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  return (server.address() as AddressInfo).port;
}

/** One POST over a real socket: what the client saw (an error, or a status and how much of the body came). */
function place(port: number, headers: Record<string, string>, giveUpAfterMs?: number): Promise<Outcome> {
  const body = JSON.stringify(ORDER);
  return new Promise((resolve) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/order/placeOrder',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    let settled = false;
    const done = (o: Outcome) => {
      if (!settled) resolve(o);
      settled = true;
    };
    req.on('error', (error: NodeJS.ErrnoException) => done({ error }));
    req.on('response', (res: IncomingMessage) => {
      let received = 0;
      const outcome = () => ({ status: res.statusCode, declaredLength: Number(res.headers['content-length']), received });
      res.on('data', (chunk: Buffer) => (received += chunk.length));
      res.on('end', () => done(outcome()));
      res.on('aborted', () => done({ ...outcome(), aborted: true }));
      res.on('error', () => done({ ...outcome(), aborted: true }));
      res.on('close', () => done({ ...outcome(), aborted: !res.complete }));
    });
    if (giveUpAfterMs !== undefined) setTimeout(() => req.destroy(Object.assign(new Error('client gave up'), { code: 'GAVE_UP' })), giveUpAfterMs);
    req.end(body);
  });
}

/** Waits until the journal holds a faulted entry (a hung request is recorded when its client leaves). */
async function faultedEntry(t: Awaited<ReturnType<typeof trader>>) {
  for (;;) {
    const [entry] = (await t.h.request('GET', '/__sandbox/requests?faulted=true')).body.requests;
    if (entry) return entry;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('transport faults over a real socket', () => {
  it('reset, before: the connection is reset before any byte; no order exists', async () => {
    const t = await trader();
    await t.addRule({ match: { path: '/order/placeOrder' }, do: { effect: 'reset' } });
    const outcome = await place(await served(t), t.headers);
    expect(outcome.error?.code).toBe('ECONNRESET');
    expect(await t.orders()).toEqual([]);
    expect(await faultedEntry(t)).toMatchObject({ status: 0, fault: { effect: 'reset', detail: 'before the operation: nothing applied' } });
  });

  it('reset, after: the connection is reset, and the order exists, fully', async () => {
    const t = await trader();
    await t.addRule({ match: { path: '/order/placeOrder' }, do: { effect: 'reset', stage: 'after' } });
    expect((await place(await served(t), t.headers)).error?.code).toBe('ECONNRESET');
    const book = await t.orders();
    expect(book).toHaveLength(1);
    expect(book[0]).toMatchObject({ tradingSymbol: 'INFY-EQ', quantity: '5' });
  });

  it('cut: the status line, the full Content-Length, half the body, then the connection closes; the order exists', async () => {
    const t = await trader();
    await t.addRule({ match: { path: '/order/placeOrder' }, do: { effect: 'cut' } });
    const outcome = await place(await served(t), t.headers);
    expect(outcome.status).toBe(200);
    expect(outcome.aborted).toBe(true);
    expect(outcome.received).toBe(Math.floor(outcome.declaredLength! / 2));
    expect(await t.orders()).toHaveLength(1);
    expect(await faultedEntry(t)).toMatchObject({ status: 200, fault: { effect: 'cut' } });
  });

  it('hang: no answer until the client gives up; nothing applied; the journal shows status 0', async () => {
    const t = await trader();
    await t.addRule({ match: { path: '/order/placeOrder' }, do: { effect: 'hang' } });
    const outcome = await place(await served(t), t.headers, 200);
    expect(outcome.error?.code).toBe('GAVE_UP');
    expect(await faultedEntry(t)).toMatchObject({ status: 0, fault: { effect: 'hang' } });
    expect(await t.orders()).toEqual([]);
  });

  it('hang, after: the client hears nothing, yet the order exists', async () => {
    const t = await trader();
    await t.addRule({ match: { path: '/order/placeOrder' }, do: { effect: 'hang', stage: 'after' } });
    expect((await place(await served(t), t.headers, 200)).error?.code).toBe('GAVE_UP');
    expect(await t.orders()).toHaveLength(1);
  });

  it('with a durable state (--state): the order a reset-after answer never reached is in the file, and there after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faults-state-'));
    try {
      const clock = new SandboxClock();
      clock.set(T0);
      const file = join(dir, 'sandbox.state');
      const t = await durableTrader(file, clock);
      await t.call('POST', '/__sandbox/faults', { rules: [{ match: { path: '/order/placeOrder' }, do: { effect: 'reset', stage: 'after' } }] });
      expect((await place(await served({ h: t.sandbox }), t.headers)).error?.code).toBe('ECONNRESET');
      for (const s of servers.splice(0)) await new Promise<void>((resolve) => s.close(() => resolve()));
      await t.sandbox.close();
      const again = await openSandbox({ state: file, seed: 'durable', clock });
      expect(again.domain.store.ordersOf('AB1234')).toHaveLength(1);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
