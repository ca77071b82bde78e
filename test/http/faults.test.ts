import { describe, expect, it } from 'vitest';
import type { harness } from './harness.js';
import { ORDER, trader } from './faults-harness.js';

const raw = async (h: ReturnType<typeof harness>, method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) => {
  const res = await h.app.request(path, {
    method,
    headers: { ...init.headers, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
};

describe('the fault control API', () => {
  it('adds (one rule or a profile), lists with counters, removes one, clears', async () => {
    const { h, addRule } = await trader();
    await addRule({ match: { path: '/order/*' }, do: { effect: 'gateway', status: 503 } });
    const added = await addRule({ id: 'slow', match: { path: '*' }, do: { effect: 'latency', ms: 0 } });
    expect(added.rules.map((r: { id: string }) => r.id)).toEqual(['f1', 'slow']);
    expect((await h.request('DELETE', '/__sandbox/faults/f1')).body.rules).toHaveLength(1);
    expect((await h.request('DELETE', '/__sandbox/faults/f1')).status).toBe(404);
    expect((await h.request('DELETE', '/__sandbox/faults')).body.rules).toEqual([]);
    expect((await h.request('GET', '/__sandbox/faults')).body.rules).toEqual([]);
  });

  it('refuses rules on the control API and failures an operation does not document; all or nothing', async () => {
    const { h } = await trader();
    const onControl = await h.request('POST', '/__sandbox/faults', { body: { rules: [{ match: { path: '/__sandbox/*' }, do: { effect: 'reset' } }] } });
    expect(onControl).toMatchObject({ status: 400, body: { status: 'Failure' } });
    const undocumented = await h.request('POST', '/__sandbox/faults', {
      body: {
        rules: [
          { match: { path: '*' }, do: { effect: 'reset' } },
          { match: { method: 'POST', path: '/session/token' }, do: { effect: 'failure', code: 'ORDER_NOT_FOUND' } },
        ],
      },
    });
    expect(undocumented.status).toBe(400);
    expect(undocumented.body.statusMessage).toMatch(/ORDER_NOT_FOUND is not a refusal of POST \/session\/token/);
    expect((await h.request('GET', '/__sandbox/faults')).body.rules).toEqual([]);
  });
});

describe('fault effects', () => {
  it("failure, before: Samco's Error envelope (500); the order does not exist; the journal names the rule", async () => {
    const { h, headers, orders, addRule } = await trader();
    await addRule({ id: 'boom', match: { method: 'POST', path: '/order/placeOrder' }, do: { effect: 'failure' } });
    const res = await h.request('POST', '/order/placeOrder', { headers, body: ORDER });
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ status: 'Error', statusMessage: 'Internal error. Nothing was changed.' });
    expect(res.body.msgId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await orders()).toEqual([]);
    const entry = (await h.request('GET', '/__sandbox/requests?faulted=true')).body.requests[0];
    expect(entry).toMatchObject({ method: 'POST', path: '/order/placeOrder', status: 500, fault: { rule: 'boom', effect: 'failure' } });
  });

  it("failure with a documented refusal: /session/token's trading-backend-down answer, in its bare shape", async () => {
    const { h, apiKey, apiSecret, addRule } = await trader();
    await addRule({ match: { method: 'POST', path: '/session/token' }, when: { nth: 1 }, do: { effect: 'failure', code: 'TRADING_SESSION_FAILED' } });
    const down = await h.request('POST', '/session/token', { body: { apiKey, apiSecret } });
    expect(down).toMatchObject({ status: 401, body: { status: 'Failure', statusMessage: 'Unable to start your trading session. Please open the SAMCO mobile app, sign in once, and then retry.' } });
    expect(Object.keys(down.body).sort()).toEqual(['status', 'statusMessage']);
    expect((await h.request('POST', '/session/token', { body: { apiKey, apiSecret } })).status).toBe(200);
  });

  it('failure, after: the order exists, fully, though the client got a 500', async () => {
    const { h, headers, orders, addRule } = await trader();
    await addRule({ match: { method: 'POST', path: '/order/placeOrder' }, do: { effect: 'failure', stage: 'after' } });
    expect((await h.request('POST', '/order/placeOrder', { headers, body: ORDER })).status).toBe(500);
    const book = await orders();
    expect(book).toHaveLength(1);
    expect(book[0]).toMatchObject({ tradingSymbol: 'INFY-EQ', orderStatus: expect.any(String) });
  });

  it('gateway 502/503/504: an HTML body, not JSON; nothing applied', async () => {
    const { h, headers, orders, addRule } = await trader();
    for (const status of [502, 503, 504]) {
      await h.request('DELETE', '/__sandbox/faults');
      await addRule({ match: { path: '/order/placeOrder' }, do: { effect: 'gateway', status } });
      const res = await raw(h, 'POST', '/order/placeOrder', { headers, body: ORDER });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.text).toContain(`<title>${status} `);
      expect(() => JSON.parse(res.text)).toThrow();
    }
    expect(await orders()).toEqual([]);
  });

  it('rate-limit: 429 with Retry-After', async () => {
    const { h, headers, addRule } = await trader();
    await addRule({ match: { path: '/limit/getLimits' }, do: { effect: 'rate-limit', retryAfterSeconds: 7 } });
    const res = await raw(h, 'GET', '/limit/getLimits', { headers });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
  });

  it('latency: the answer is the usual one; the journal records the delay drawn', async () => {
    const { h, headers, addRule } = await trader();
    await addRule({ match: { path: '/limit/getLimits' }, do: { effect: 'latency', distribution: { kind: 'uniform', minMs: 1, maxMs: 20 } } });
    expect((await h.request('GET', '/limit/getLimits', { headers })).status).toBe(200);
    const entry = (await h.request('GET', '/__sandbox/requests?faulted=true')).body.requests[0];
    expect(entry.fault).toMatchObject({ effect: 'latency', detail: expect.stringMatching(/^\d+ ms$/) });
  });

  it('matches by account: another account is not faulted', async () => {
    const { h, headers, addRule } = await trader();
    await addRule({ match: { path: '/limit/getLimits', account: 'ZZ9999' }, do: { effect: 'gateway', status: 502 } });
    expect((await h.request('GET', '/limit/getLimits', { headers })).status).toBe(200);
    await addRule({ match: { path: '/limit/getLimits', account: 'ab1234' }, do: { effect: 'gateway', status: 502 } });
    expect((await raw(h, 'GET', '/limit/getLimits', { headers })).status).toBe(502);
  });

  it('a time window on the sandbox clock', async () => {
    const { h, headers, addRule } = await trader();
    const now = h.clock.now();
    await addRule({ match: { path: '/limit/getLimits' }, when: { from: new Date(now + 60_000).toISOString(), until: new Date(now + 120_000).toISOString() }, do: { effect: 'gateway', status: 503 } });
    expect((await h.request('GET', '/limit/getLimits', { headers })).status).toBe(200);
    h.clock.advance(60_000);
    expect((await raw(h, 'GET', '/limit/getLimits', { headers })).status).toBe(503);
    h.clock.advance(60_000);
    expect((await h.request('GET', '/limit/getLimits', { headers })).status).toBe(200);
  });

  it('in-process, reset and cut break the body (no socket to break): the order exists only after cut', async () => {
    const { h, headers, orders, addRule } = await trader();
    await addRule({ match: { path: '/order/placeOrder' }, when: { nth: 1 }, do: { effect: 'reset' } });
    const reset = await h.app.request('/order/placeOrder', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(ORDER) });
    await expect(reset.text()).rejects.toThrow(/connection reset/);
    expect(await orders()).toEqual([]);
    await h.request('DELETE', '/__sandbox/faults');
    await addRule({ match: { path: '/order/placeOrder' }, when: { nth: 1 }, do: { effect: 'cut' } });
    const cut = await h.app.request('/order/placeOrder', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(ORDER) });
    await expect(cut.text()).rejects.toThrow(/answer cut/);
    expect(await orders()).toHaveLength(1);
  });

  it('the same seed and request order give the same faults, byte for byte', async () => {
    const run = async () => {
      const { h, headers, addRule } = await trader({ seed: 'chaos' });
      await addRule({ match: { path: '/limit/getLimits' }, when: { probability: 0.4 }, do: { effect: 'gateway', status: 503 } });
      const out: string[] = [];
      for (let i = 0; i < 30; i++) {
        const res = await raw(h, 'GET', '/limit/getLimits', { headers });
        out.push(`${res.status} ${res.text.replace(/"serverTime":"[^"]+"/, '')}`);
      }
      return out;
    };
    const first = await run();
    expect(first.filter((s) => s.startsWith('503')).length).toBeGreaterThan(2);
    expect(first.filter((s) => s.startsWith('200')).length).toBeGreaterThan(2);
    expect(await run()).toEqual(first);
  });

  it('a probabilistic rule does not shift ids: order numbers are the same with and without it', async () => {
    const numbers = async (withRule: boolean) => {
      const { h, headers, addRule } = await trader({ seed: 'ids' });
      if (withRule) await addRule({ match: { path: '/limit/getLimits' }, when: { probability: 0.5 }, do: { effect: 'latency', ms: 0 } });
      const out: string[] = [];
      for (let i = 0; i < 3; i++) {
        await h.request('GET', '/limit/getLimits', { headers });
        out.push((await h.request('POST', '/order/placeOrder', { headers, body: ORDER })).body.orderNumber);
      }
      return out;
    };
    expect(await numbers(true)).toEqual(await numbers(false));
  });

  it('a reset brings back the --faults profile with its counters at zero, and drops runtime rules', async () => {
    const { h, headers, addRule } = await trader({ faults: { rules: [{ id: 'first-limits', match: { path: '/limit/getLimits' }, when: { nth: 1 }, do: { effect: 'gateway', status: 502 } }] } });
    expect((await raw(h, 'GET', '/limit/getLimits', { headers })).status).toBe(502);
    await addRule({ id: 'extra', match: { path: '/ip/whoami' }, do: { effect: 'gateway', status: 504 } });
    await h.request('POST', '/__sandbox/reset', { body: { mode: 'empty' } });
    expect((await h.request('GET', '/__sandbox/faults')).body.rules).toEqual([expect.objectContaining({ id: 'first-limits', matched: 0, fired: 0, fromProfile: true })]);
  });
});

describe('market and exchange events', () => {
  it('reject the next order of a symbol with an exchange reason: kept REJECTED, the next one is not', async () => {
    const { h, headers } = await trader();
    const event = await h.request('POST', '/__sandbox/events', { body: { event: { kind: 'reject-next-order', symbolName: 'INFY', reason: 'RMS:Blocked for trading in Scrip' } } });
    expect(event.status).toBe(200);
    const first = await h.request('POST', '/order/placeOrder', { headers, body: ORDER });
    expect(first.body).toMatchObject({ exchangeOrderStatus: 'REJECTED', rejectionReason: 'RMS:Blocked for trading in Scrip' });
    const second = await h.request('POST', '/order/placeOrder', { headers, body: ORDER });
    expect(second.body.exchangeOrderStatus).not.toBe('REJECTED');
  });

  it('halt: new orders rejected, modifications refused, until resume', async () => {
    const { h, headers } = await trader();
    const open = await h.request('POST', '/order/placeOrder', { headers, body: { ...ORDER, price: '1400.00' } });
    await h.request('POST', '/__sandbox/events', { body: { event: { kind: 'halt', symbolName: 'INFY' } } });
    const placed = await h.request('POST', '/order/placeOrder', { headers, body: ORDER });
    expect(placed.body).toMatchObject({ exchangeOrderStatus: 'REJECTED', rejectionReason: 'Trading in INFY is halted on NSE: the exchange accepts no orders in it.' });
    const modified = await h.request('PUT', `/order/modifyOrder/${open.body.orderNumber}`, { headers, body: { price: '1401.00', orderValidity: 'DAY' } });
    expect(modified.status).toBe(400);
    expect(modified.body.statusMessage).toMatch(/halted/);
    await h.request('POST', '/__sandbox/events', { body: { event: { kind: 'resume', symbolName: 'INFY' } } });
    expect((await h.request('POST', '/order/placeOrder', { headers, body: ORDER })).body.exchangeOrderStatus).not.toBe('REJECTED');
  });

  it('partial fill: a trade of N units at the last price fills an order partly', async () => {
    const { h, headers, orders } = await trader();
    const ltp = (await h.request('GET', '/__sandbox/market')).body.instruments.find((i: { symbolName: string }) => i.symbolName === 'INFY').lastTradedPrice as number;
    const below = (ltp - 1).toFixed(2);
    await h.request('POST', '/order/placeOrder', { headers, body: { ...ORDER, price: below, quantity: '10' } });
    await h.request('PUT', '/__sandbox/market/prices', { body: { symbolName: 'INFY', price: Number(below), volume: 1 } });
    const fill = await h.request('POST', '/__sandbox/events', { body: { event: { kind: 'partial-fill', symbolName: 'INFY', quantity: 3 } } });
    expect(fill.body).toMatchObject({ status: 'Success', fills: 1 });
    const [order] = await orders();
    // 1 unit at the price set, then 3 more in the partial fill: 4 of 10.
    expect(order).toMatchObject({ filledQuantity: '4', unfilledQuantity: '6' });
  });

  it('end the session early: tokens end as at 08:00 IST; unknown symbol and account refused', async () => {
    const { h, headers } = await trader();
    const ended = await h.request('POST', '/__sandbox/events', { body: { event: { kind: 'end-session', uid: 'AB1234' } } });
    expect(ended.body).toMatchObject({ sessionsEnded: 1 });
    expect((await h.request('GET', '/limit/getLimits', { headers })).body.statusMessage).toBe('Session expired. Generate a new session token.');
    expect((await h.request('POST', '/__sandbox/events', { body: { event: { kind: 'halt', symbolName: 'NOPE' } } })).status).toBe(400);
    expect((await h.request('POST', '/__sandbox/events', { body: { event: { kind: 'end-session', uid: 'ZZ0000' } } })).status).toBe(400);
  });

  it('as a fault effect: the 2nd order of a run meets a halt', async () => {
    const { h, headers, addRule } = await trader();
    await addRule({ match: { method: 'POST', path: '/order/placeOrder' }, when: { nth: 2 }, do: { effect: 'event', event: { kind: 'halt', symbolName: 'INFY', reason: 'Scrip suspended' } } });
    expect((await h.request('POST', '/order/placeOrder', { headers, body: ORDER })).body.exchangeOrderStatus).not.toBe('REJECTED');
    expect((await h.request('POST', '/order/placeOrder', { headers, body: ORDER })).body).toMatchObject({ exchangeOrderStatus: 'REJECTED', rejectionReason: 'Scrip suspended' });
    const entry = (await h.request('GET', '/__sandbox/requests?faulted=true')).body.requests[0];
    expect(entry.fault).toMatchObject({ effect: 'event', detail: 'INFY (NSE) halted' });
  });
});
