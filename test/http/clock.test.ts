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

describe('the clock moves forward only, like a test clock (issue 20)', () => {
  it('refuses a backward set with a 400 that says so, and leaves the clock where it stands', async () => {
    const h = harness();
    const res = await h.request('POST', '/__sandbox/clock', { body: { set: '2025-12-17T04:29:59.999Z' } });
    expect(res.status).toBe(400);
    expect(res.body.statusMessage).toMatch(/moves forward only: 2025-12-17T04:29:59\.999Z is before where it stands, 2025-12-17T04:30:00\.000Z.*POST \/__sandbox\/reset starts over/);
    expect((await h.request('GET', '/__sandbox/clock')).body.now).toBe('2025-12-17T04:30:00.000Z');
    expect((await h.request('POST', '/__sandbox/clock', { body: { advanceMs: -1 } })).status).toBe(400);
  });

  it('keeps an expired session expired: {"real":true} behind the clock is refused; a reset starts over at the real time', async () => {
    const h = harness();
    const who = await h.account();
    const { apiKey, apiSecret } = await h.createApp(who, 'Clock Forward');
    const headers = { 'x-session-token': (await h.request('POST', '/session/token', { body: { apiKey, apiSecret } })).body.sessionToken as string };
    expect((await h.request('POST', '/__sandbox/clock', { body: { set: '2099-01-01T00:00:00Z' } })).status).toBe(200);
    expect((await h.request('GET', '/limit/getLimits', { headers })).status).toBe(401);
    const back = await h.request('POST', '/__sandbox/clock', { body: { real: true } });
    expect(back.status).toBe(400);
    expect(back.body.statusMessage).toMatch(/^The sandbox clock moves forward only: the real time, \d{4}-.* is before where it stands, 2099-01-01T00:00:00\.000Z/);
    expect((await h.request('GET', '/limit/getLimits', { headers })).status).toBe(401);
    expect((await h.request('POST', '/__sandbox/clock', { body: { frozen: false } })).body.frozen).toBe(false);
    const reset = await h.request('POST', '/__sandbox/reset', { body: { mode: 'empty' } });
    expect(reset.status).toBe(200);
    const clock = (await h.request('GET', '/__sandbox/clock')).body;
    expect(clock.frozen).toBe(false);
    expect(Date.parse(clock.now)).toBeLessThan(Date.parse('2099-01-01T00:00:00Z'));
  });

  it('judges what was already issued at the new time: an OTP sent before an advance expires with it', async () => {
    const h = harness();
    const who = await h.account();
    const created = await h.request('POST', '/app/api/apps', { headers: who.auth, body: { appName: 'Late OTP', redirectUrl: 'https://example.com/cb' } });
    const challengeId = created.body.challenge.challengeId;
    const otp = (await h.outbox(`uid=${who.uid}&kind=otp-sms`)).at(-1)!.otp;
    expect((await h.request('POST', '/__sandbox/clock', { body: { advanceMs: 5 * 60_000 + 1 } })).status).toBe(200);
    const late = await h.request('POST', `/app/api/challenges/${challengeId}/verify`, { headers: who.auth, body: { otp } });
    expect(late.status).toBe(400);
  });
});
