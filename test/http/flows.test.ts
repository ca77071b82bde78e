import { describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_IP } from '../../mock/http/source-ip.js';
import { OTP_RULES } from '../../mock/domain/context.js';
import { harness } from './harness.js';

describe('dashboard over HTTP', () => {
  it('signs in with the right password only, with the same refusal for an unknown user', async () => {
    const h = harness();
    await h.account('AB1234', 'right');
    const wrong = await h.request('POST', '/app/api/login', { body: { userId: 'AB1234', password: 'wrong' } });
    const unknown = await h.request('POST', '/app/api/login', { body: { userId: 'ZZ9999', password: 'right' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.statusMessage).toBe('Invalid credentials');
    expect(unknown.body.statusMessage).toBe(wrong.body.statusMessage);
  });

  it('shows "Your IP" and the table columns; the dashboard token ends at logout', async () => {
    const h = harness();
    const who = await h.account();
    await h.createApp(who, 'Columns App');
    const list = await h.request('GET', '/app/api/apps', { headers: who.auth });
    expect(list.body).toMatchObject({ appLimit: 5, appsUsed: 1, yourIp: DEFAULT_CLIENT_IP });
    expect(Object.keys(list.body.apps[0]).sort()).toEqual(['appId', 'appName', 'createdAt', 'lastUpdated', 'redirectUrl', 'scope', 'status']);
    expect(list.body.apps[0].lastUpdated).toBe(list.body.apps[0].createdAt);
    expect((await h.request('POST', '/app/api/logout', { headers: who.auth })).status).toBe(200);
    expect((await h.request('GET', '/app/api/apps', { headers: who.auth })).status).toBe(401);
  });

  it('an expired OTP cannot verify; a resend can', async () => {
    const h = harness();
    const who = await h.account();
    const created = await h.request('POST', '/app/api/apps', { headers: who.auth, body: { appName: 'Slow App', redirectUrl: 'https://example.com/cb' } });
    const id = created.body.challenge.challengeId;
    const otp = (await h.outbox(`uid=${who.uid}&kind=otp-sms`)).at(-1)!.otp;
    h.clock.advance(OTP_RULES.ttlMs);
    const late = await h.request('POST', `/app/api/challenges/${id}/verify`, { headers: who.auth, body: { otp } });
    expect(late).toMatchObject({ status: 400, body: { statusMessage: 'Invalid OTP.' } });
    await h.request('POST', `/app/api/challenges/${id}/resend`, { headers: who.auth });
    const fresh = (await h.outbox(`uid=${who.uid}&kind=otp-sms`)).at(-1)!.otp;
    const ok = await h.request('POST', `/app/api/challenges/${id}/verify`, { headers: who.auth, body: { otp: fresh } });
    expect(ok.status).toBe(200);
  });

  it('reports the source IP of a session', async () => {
    const h = harness();
    const who = await h.account();
    const { apiKey, apiSecret } = await h.createApp(who, 'Ip App');
    const session = await h.request('POST', '/session/token', { body: { apiKey, apiSecret } });
    expect(session.body).toMatchObject({ srcIp: DEFAULT_CLIENT_IP, primaryIp: '', secondaryIp: '', accountID: 'AB1234', accountName: 'Ravi Kumar' });
    expect(session.body.exchangeList).toContain('NSE');
  });
});

describe('control API', () => {
  it('filters the outbox by uid, kind and since', async () => {
    const h = harness();
    await h.account('AA1111');
    await h.account('BB2222');
    await h.request('POST', '/otp/generateOtp', { body: { uid: 'AA1111' } });
    await h.request('POST', '/otp/generateOtp', { body: { uid: 'BB2222' } });
    const all = await h.outbox('');
    expect(all).toHaveLength(4);
    expect((await h.outbox('uid=AA1111')).map((m) => m.kind)).toEqual(['otp-sms', 'otp-email']);
    expect((await h.outbox('kind=otp-email')).map((m) => m.uid)).toEqual(['AA1111', 'BB2222']);
    expect(await h.outbox(`since=${all[1]!.id}`)).toEqual(all.slice(2));
    expect((await h.request('GET', '/__sandbox/outbox?kind=fax')).status).toBe(400);
  });

  it('resets to the start-up fixtures or to empty', async () => {
    const h = harness({ fixtures: 'fixtures/default.json' });
    const start = (await h.request('GET', '/__sandbox/info')).body.counts;
    expect(start.accounts).toBe(12);
    await h.account('NEW123');
    expect((await h.request('POST', '/__sandbox/reset')).body.counts).toEqual(start);
    expect((await h.request('POST', '/__sandbox/reset', { body: { mode: 'empty' } })).body.counts.accounts).toBe(0);
  });

  it('loads a fixture set all or nothing, and refuses a second load of the same accounts', async () => {
    const h = harness();
    const set = { accounts: [{ uid: 'FX1111', name: 'F', password: 'p', yob: '1990', mobile: '9876543210', email: 'f@example.com' }] };
    expect((await h.request('POST', '/__sandbox/fixtures', { body: set })).body).toMatchObject({ accountsLoaded: 1, appsLoaded: 0 });
    const again = await h.request('POST', '/__sandbox/fixtures', { body: set });
    expect(again).toMatchObject({ status: 409, body: { status: 'Failure', statusMessage: /FX1111 already exists/ } });
  });
});

describe('docs and spec', () => {
  it('serves the generated spec and offline docs with no outside scripts', async () => {
    const h = harness();
    const spec = await h.request('GET', '/openapi.json');
    expect(spec.body.openapi).toBe('3.1.0');
    expect(spec.body.servers).toEqual([{ url: 'http://localhost', description: 'This sandbox, where it is listening' }]);
    const page = await h.app.request('/docs');
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    for (const [, url] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      expect(url!.startsWith('/')).toBe(true);
      expect((await h.app.request(url!)).status).toBe(200);
    }
    expect(await (await h.app.request('/docs/init.js')).text()).toContain('validatorUrl: null');
  });
});

describe('control API access', () => {
  const remote = { incoming: { socket: { remoteAddress: '49.36.10.20' } } } as never;
  const loopback = { incoming: { socket: { remoteAddress: '::ffff:127.0.0.1' } } } as never;

  it('answers loopback callers, refuses others, whatever X-Forwarded-For says', async () => {
    const h = harness({ trustProxy: true });
    expect((await h.app.request('/__sandbox/info', {}, loopback)).status).toBe(200);
    const refused = await h.app.request('/__sandbox/outbox', { headers: { 'x-forwarded-for': '127.0.0.1' } }, remote);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ status: 'Failure', statusMessage: expect.stringContaining('loopback') });
    expect((await h.app.request('/session/token', { method: 'POST' }, remote)).status).not.toBe(403);
  });

  it('with a configured token, answers remote callers that send it', async () => {
    const h = harness({ controlToken: 'ct-123456' });
    expect((await h.app.request('/__sandbox/info', { headers: { 'x-sandbox-token': 'ct-123456' } }, remote)).status).toBe(200);
    expect((await h.app.request('/__sandbox/info', { headers: { 'x-sandbox-token': 'ct-12345' } }, remote)).status).toBe(403);
    expect((await h.app.request('/__sandbox/reset', { method: 'POST' }, remote)).status).toBe(403);
  });
});
