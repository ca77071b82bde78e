import { describe, expect, it } from 'vitest';
import { harness } from './harness.js';

const YEAR_MS = 366 * 24 * 3600 * 1000;

describe('the clock stays where dates can be written (issue 13, item 4)', () => {
  it('refuses an instant past the representable range with a 400, and every dated answer keeps working', async () => {
    const h = harness();
    const who = await h.account();
    for (const set of ['9999-12-31T20:00:00.000Z', '9999-06-01T00:00:00.000Z', '1969-12-31T23:59:59.999Z']) {
      const res = await h.request('POST', '/__sandbox/clock', { body: { set } });
      expect(res.status, set).toBe(400);
      expect(res.body).toMatchObject({ status: 'Failure', statusMessage: expect.stringMatching(/1970-01-01T00:00:00\.000Z.*9999-01-01T00:00:00\.000Z/) });
    }
    expect((await h.request('POST', '/app/api/login', { body: { userId: who.uid, password: who.password } })).status).toBe(200);
    expect((await h.request('GET', '/__sandbox/clock')).body.now).toBe('2025-12-17T04:30:00.000Z');
  });

  it('refuses an advance that would cross the end of the range, and takes one that does not', async () => {
    const h = harness();
    const who = await h.account();
    expect((await h.request('POST', '/__sandbox/clock', { body: { set: '9998-06-01T00:00:00.000Z' } })).status).toBe(200);
    expect((await h.request('POST', '/__sandbox/clock', { body: { advanceMs: YEAR_MS } })).status).toBe(400);
    expect((await h.request('POST', '/__sandbox/clock', { body: { advanceMs: 24 * 3600 * 1000 } })).status).toBe(200);
    const login = await h.request('POST', '/app/api/login', { body: { userId: who.uid, password: who.password } });
    expect(login.status).toBe(200);
    expect(login.body.expiresAt).toBe('9998-06-02T12:00:00.000Z');
  });
});
