import { describe, expect, it } from 'vitest';
import { ORDER, trader } from './faults-harness.js';

type Trader = Awaited<ReturnType<typeof trader>>;

/** A bot that places one order and retries the same request when the answer is a 5xx: the bug verification must catch. */
async function naiveBot(t: Trader) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await t.h.app.request('/order/placeOrder', { method: 'POST', headers: { ...t.headers, 'content-type': 'application/json' }, body: JSON.stringify(ORDER) });
    if (res.status < 500) return;
  }
}

/** The same bot done right: after a 5xx it looks for the order in the order book before sending it again. */
async function carefulBot(t: Trader) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await t.h.app.request('/order/placeOrder', { method: 'POST', headers: { ...t.headers, 'content-type': 'application/json' }, body: JSON.stringify(ORDER) });
    if (res.status < 500) return;
    if ((await t.orders()).some((o) => o.tradingSymbol === 'INFY-EQ' && o.quantity === ORDER.quantity)) return;
  }
}

const oneInfyOrder = { method: 'POST', path: '/order/placeOrder', account: 'AB1234', fields: { symbolName: 'INFY', quantity: 5 }, exactly: 1 };

describe('journal verification', () => {
  it('catches a bot that retries an order whose answer was lost (the order went through)', async () => {
    const t = await trader();
    await t.addRule({ match: { method: 'POST', path: '/order/placeOrder' }, when: { nth: 1 }, do: { effect: 'gateway', status: 504, stage: 'after' } });
    await naiveBot(t);
    const verdict = await t.h.request('POST', '/__sandbox/journal/verify', { body: oneInfyOrder });
    expect(verdict.body).toMatchObject({ status: 'Success', verified: false, count: 2, expected: 'exactly 1', complete: true });
    expect(verdict.body.statusMessage).toBe('Not verified: 2 request(s) matching POST /order/placeOrder by AB1234, exactly 1 expected');
    expect(await t.orders()).toHaveLength(2);
  });

  it('passes the bot that checks before retrying', async () => {
    const t = await trader();
    await t.addRule({ match: { method: 'POST', path: '/order/placeOrder' }, when: { nth: 1 }, do: { effect: 'gateway', status: 504, stage: 'after' } });
    await carefulBot(t);
    expect((await t.h.request('POST', '/__sandbox/journal/verify', { body: oneInfyOrder })).body).toMatchObject({ verified: true, count: 1 });
    expect(await t.orders()).toHaveLength(1);
  });

  it('at least, at most, fields that do not match, since; exactly one expectation required', async () => {
    const t = await trader();
    await t.h.request('POST', '/order/placeOrder', { headers: t.headers, body: ORDER });
    await t.h.request('POST', '/order/placeOrder', { headers: t.headers, body: { ...ORDER, symbolName: 'SBIN', price: '800.00' } });
    const verify = async (body: object) => (await t.h.request('POST', '/__sandbox/journal/verify', { body })).body;
    expect(await verify({ path: '/order/*', method: 'POST', atLeast: 2 })).toMatchObject({ verified: true, count: 2 });
    expect(await verify({ path: '/order/placeOrder', atMost: 1 })).toMatchObject({ verified: false, count: 2 });
    expect(await verify({ path: '/order/placeOrder', fields: { symbolName: 'TCS' }, exactly: 0 })).toMatchObject({ verified: true, count: 0 });
    const last = (await t.h.request('GET', '/__sandbox/requests?path=/order/placeOrder&limit=1')).body.requests[0].id;
    expect(await verify({ path: '/order/placeOrder', since: last - 1, exactly: 1 })).toMatchObject({ verified: true, requestIds: [last] });
    expect((await t.h.request('POST', '/__sandbox/journal/verify', { body: { path: '/x', exactly: 1, atMost: 2 } })).status).toBe(400);
  });

  it('says when the journal dropped older requests', async () => {
    const t = await trader({ journalSize: 5 });
    for (let i = 0; i < 6; i++) await t.h.request('GET', '/limit/getLimits', { headers: t.headers });
    expect((await t.h.request('POST', '/__sandbox/journal/verify', { body: { path: '/limit/getLimits', atLeast: 1 } })).body.complete).toBe(false);
  });
});

describe('the request journal', () => {
  it('keeps query and body fields with secrets, tokens and OTPs redacted, a scheme kept', async () => {
    const t = await trader();
    await t.h.request('POST', '/session/token', { body: { apiKey: t.apiKey, apiSecret: t.apiSecret } });
    await t.h.request('POST', '/oauth/token', { body: { grant_type: 'authorization_code', code: 'abc-code-123' } });
    await t.h.request('POST', '/oauth/revoke', { body: { token: 'Bearer some-token-value', token_type: 'access_token' } });
    await t.h.request('POST', '/order/placeOrder', { headers: t.headers, body: ORDER });
    const all = (await t.h.request('GET', '/__sandbox/requests?limit=1000')).body.requests as Array<Record<string, any>>;
    const text = JSON.stringify(all);
    for (const secret of [t.apiKey, t.apiSecret, 'abc-code-123', 'some-token-value', t.headers['x-session-token']]) expect(text).not.toContain(secret);
    const by = (path: string) => all.find((e) => e.path === path)!;
    expect(by('/session/token').body).toEqual({ apiKey: '[REDACTED]', apiSecret: '[REDACTED]' });
    expect(by('/oauth/token').body).toEqual({ grant_type: 'authorization_code', code: '[REDACTED]' });
    expect(by('/oauth/revoke').body).toEqual({ token: 'Bearer [REDACTED]', token_type: 'access_token' });
    expect(by('/order/placeOrder').body).toEqual(ORDER);
    const otps = all.filter((e) => e.path.includes('/verify') && e.body);
    expect(otps.length).toBeGreaterThan(0);
    for (const e of otps) expect(e.body.otp).toBe('[REDACTED]');
  });

  it('pages back with before; filters fault-fired requests', async () => {
    const t = await trader();
    for (let i = 0; i < 5; i++) await t.h.request('GET', '/limit/getLimits', { headers: t.headers });
    const page1 = (await t.h.request('GET', '/__sandbox/requests?path=/limit/&limit=2')).body.requests;
    const page2 = (await t.h.request('GET', `/__sandbox/requests?path=/limit/&limit=2&before=${page1[1].id}`)).body.requests;
    expect(page2).toHaveLength(2);
    expect(page2[0].id).toBeLessThan(page1[1].id);
    expect((await t.h.request('GET', '/__sandbox/requests?faulted=true')).body.requests).toEqual([]);
  });

  it("a request no operation serves: 404 in Samco's envelope, and the nearest documented operation", async () => {
    const t = await trader();
    const res = await t.h.request('POST', '/order/placeorder', { headers: t.headers, body: ORDER });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 'Failure', statusMessage: 'No such endpoint: POST /order/placeorder (did you mean POST /order/placeOrder?)' });
    expect(res.body.msgId).toBeDefined();
    const entry = (await t.h.request('GET', '/__sandbox/requests?status=4xx&limit=1')).body.requests[0];
    expect(entry).toMatchObject({ status: 404, didYouMean: 'POST /order/placeOrder' });
    expect((await t.h.request('GET', '/orders/getOrderStatus')).body.statusMessage).toMatch(/did you mean GET \/order\/getOrderStatus\?/);
    expect((await t.h.request('GET', '/nothing/like/this/at/all/whatsoever')).body.statusMessage).toBe('No such endpoint: GET /nothing/like/this/at/all/whatsoever');
  });

  it('streams entries as server-sent events', async () => {
    const t = await trader();
    await t.h.request('GET', '/ip/whoami', { headers: t.headers });
    const controller = new AbortController();
    const res = await t.h.app.request('/__sandbox/journal/stream?since=0&path=/limit/', { signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    await t.h.request('GET', '/limit/getLimits', { headers: t.headers });
    let text = '';
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    await reader.cancel();
    const data = JSON.parse(/data: (.*)/.exec(text)![1]!);
    expect(text).toMatch(/^event: request\n/);
    expect(data).toMatchObject({ method: 'GET', path: '/limit/getLimits', status: 200, uid: 'AB1234' });
  });
});
