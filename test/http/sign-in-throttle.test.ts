import { describe, expect, it } from 'vitest';
import { harness } from './harness.js';

const AT_USER = {
  username: 'guess@example.com',
  password: 'right-at-pw',
  name: 'Guess Test',
  accounts: [{ pseudoAccount: 'ACC_1', tradingAccount: 'ZX1234', broker: 'Zerodha', platform: 'KITE', live: true, licenseExpiryDate: '2031-01-31' }],
};

describe('failed sign-ins are throttled (issue 13, item 6)', () => {
  it('300 wrong dashboard passwords, then the right one: refused with 429 and Retry-After, until the window has passed', async () => {
    const h = harness();
    const who = await h.account();
    const statuses = new Set<number>();
    for (let i = 0; i < 300; i++) statuses.add((await h.request('POST', '/app/api/login', { body: { userId: who.uid, password: `wrong-${i}` } })).status);
    expect([...statuses].sort()).toEqual([401, 429]);
    const right = await h.request('POST', '/app/api/login', { body: { userId: who.uid, password: who.password } });
    expect(right.status).toBe(429);
    expect(right.body).toMatchObject({ status: 'Failure', statusMessage: expect.stringMatching(/Too many failed sign-ins/) });
    const retryAfter = Number(right.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    h.clock.advance(retryAfter * 1000);
    expect((await h.request('POST', '/app/api/login', { body: { userId: who.uid, password: who.password } })).status).toBe(200);
  });

  it('counts per source across accounts, and per account across sources', async () => {
    const h = harness();
    for (let i = 0; i < 200; i++) await h.request('POST', '/app/api/login', { body: { userId: `NOONE${i}`, password: 'x' }, srcIp: '198.51.100.7' });
    const who = await h.account('CD5678');
    expect((await h.request('POST', '/app/api/login', { body: { userId: who.uid, password: who.password }, srcIp: '198.51.100.7' })).status).toBe(429);
    expect((await h.request('POST', '/app/api/login', { body: { userId: who.uid, password: who.password }, srcIp: '198.51.100.8' })).status).toBe(200);
    for (let i = 0; i < 50; i++) await h.request('POST', '/app/api/login', { body: { userId: who.uid, password: 'wrong' }, srcIp: `198.51.100.${100 + i}` });
    expect((await h.request('POST', '/app/api/login', { body: { userId: who.uid, password: who.password }, srcIp: '198.51.100.9' })).status).toBe(429);
  });

  it("legacy /login shares the account's count; AutoTrader key view and regenerate are throttled in AutoTrader's envelope", async () => {
    const h = harness();
    const who = await h.account();
    for (let i = 0; i < 50; i++) await h.request('POST', '/login', { body: { userId: who.uid, password: `wrong-${i}`, accessToken: 'x' } });
    const legacy = await h.request('POST', '/login', { body: { userId: who.uid, password: who.password, accessToken: 'x' } });
    expect(legacy.status).toBe(429);
    expect(legacy.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await h.request('POST', '/app/api/login', { body: { userId: who.uid, password: who.password }, srcIp: '198.51.100.9' })).status).toBe(429);

    await h.request('POST', '/__sandbox/autotrader/users', { body: AT_USER });
    for (const path of ['/autotrader/settings/api-key/view', '/autotrader/settings/api-key/regenerate']) {
      for (let i = 0; i < 50; i++) await h.request('POST', path, { body: { username: AT_USER.username, password: `wrong-${i}` }, srcIp: `203.0.113.${i}` });
    }
    const view = await h.request('POST', '/autotrader/settings/api-key/view', { body: { username: AT_USER.username, password: AT_USER.password }, srcIp: '203.0.113.200' });
    expect(view.status).toBe(429);
    expect(view.body).toEqual({ result: null, message: expect.stringMatching(/Too many failed sign-ins/), status: false, commandId: null });
    expect(view.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('the rate-limit switch turns it off for load tests', async () => {
    const h = harness({ rateLimits: false });
    const who = await h.account();
    for (let i = 0; i < 300; i++) await h.request('POST', '/app/api/login', { body: { userId: who.uid, password: `wrong-${i}` } });
    expect((await h.request('POST', '/app/api/login', { body: { userId: who.uid, password: who.password } })).status).toBe(200);
  });
});
