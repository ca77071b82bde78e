import { describe, expect, it } from 'vitest';
import { harness } from './harness.js';
import { SpecValidator } from '../../contracts/verify/spec-validator.js';

const validator = new SpecValidator();

describe('envelopes', () => {
  it('carry serverTime in IST, a fresh msgId, status and statusMessage', async () => {
    const h = harness();
    const a = await h.request('GET', '/__sandbox/info');
    const b = await h.request('GET', '/__sandbox/info');
    expect(a.body.serverTime).toBe('17/12/25 10:00:00');
    expect(a.body.msgId).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.body.msgId).not.toBe(b.body.msgId);
    expect(a.body).toMatchObject({ status: 'Success', statusMessage: 'tradeapi-sandbox is running' });
    expect(validator.check('sandboxInfo', a.status, a.body)).toEqual([]);
  });

  it('the same seed gives the same run: OTPs, keys, secrets and msgIds', async () => {
    const run = async () => {
      const h = harness({ seed: 'same' });
      const who = await h.account();
      const created = await h.createApp(who, 'Seeded App');
      const info = await h.request('GET', '/__sandbox/info');
      return [created.otp, created.apiKey, created.apiSecret, created.app.appId, info.body.msgId];
    };
    const first = await run();
    expect(await run()).toEqual(first);
    const other = harness({ seed: 'other' });
    const created = await other.createApp(await other.account(), 'Seeded App');
    expect(created.apiSecret).not.toBe(first[2]);
  });
});

describe('bad input gets a Failure envelope, never plain text or a 500', () => {
  const cases: Array<[string, string, { raw?: string; contentType?: string; body?: unknown; headers?: Record<string, string> }, number, RegExp]> = [
    ['malformed JSON', '/app/api/login', { raw: '{"userId":', contentType: 'application/json' }, 400, /Malformed JSON/],
    ['empty JSON body', '/app/api/login', { raw: '', contentType: 'application/json' }, 400, /Malformed JSON|Invalid request/],
    ['JSON array', '/app/api/login', { raw: '[]', contentType: 'application/json' }, 400, /Invalid request/],
    ['form body', '/app/api/login', { raw: 'userId=x', contentType: 'application/x-www-form-urlencoded' }, 415, /Unsupported Media Type/],
    ['text body', '/otp/generateOtp', { raw: 'uid=AB1234', contentType: 'text/plain' }, 415, /Unsupported Media Type/],
    // In-process, a string body without a content type goes as text/plain (see json-bodies.test.ts for none at all).
    ['JSON as text', '/otp/generateOtp', { raw: '{"uid":"AB1234"}' }, 415, /^The body is JSON but was sent as text\/plain: send the header Content-Type: application\/json\.$/],
    ['wrong field type', '/otp/generateOtp', { body: { uid: 42 } }, 400, /body\.uid/],
    ['missing field', '/otp/secretKeyGenerator', { body: { uid: 'AB1234' } }, 400, /body\.otp/],
    ['extra field (a sandbox API)', '/app/api/login', { body: { userId: 'AB1234', password: 'x', role: 'admin' } }, 400, /Unrecognized key.*role/],
    ['over-long field', '/otp/secretKeyGenerator', { body: { uid: 'AB1234', otp: '1'.repeat(17) } }, 400, /body\.otp/],
    ['unicode uid', '/otp/generateOtp', { body: { uid: 'ÄB1234' } }, 400, /body\.uid/],
    ['body over 64 KiB', '/app/api/login', { raw: JSON.stringify({ userId: 'k'.repeat(70_000), password: 's' }), contentType: 'application/json' }, 413, /too large/],
  ];

  it.each(cases)('%s', async (_name, path, init, status, message) => {
    const h = harness();
    const res = await h.request('POST', path, init);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ status: 'Failure', statusMessage: expect.stringMatching(message) });
    expect(Object.keys(res.body).sort()).toEqual(['msgId', 'serverTime', 'status', 'statusMessage']);
  });

  it('unknown paths are 404 and wrong methods 405 with Allow', async () => {
    const h = harness();
    expect((await h.request('GET', '/nope')).body.statusMessage).toBe('No such endpoint: GET /nope');
    const wrong = await h.request('GET', '/session/token');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    const logout = await h.request('POST', '/logout');
    expect(logout.headers.get('allow')).toBe('DELETE');
  });

  it('Samco\'s operations ignore unknown keys and take "" as absent, as the real service does', async () => {
    const h = harness();
    await h.account();
    const otp = await h.request('POST', '/otp/generateOtp', { body: { uid: 'AB1234', role: 'admin', remarksValue: '' } });
    expect(otp.body).toMatchObject({ status: 'Success' });
    const blank = await h.request('POST', '/session/token', { body: { apiKey: '', apiSecret: 'x' } });
    expect(blank.body).toEqual({ status: 'Failure', statusMessage: 'apiKey and apiSecret are required' });
  });

  it('a validation failure changes nothing', async () => {
    const h = harness();
    const who = await h.account();
    await h.request('POST', '/app/api/apps', { headers: who.auth, body: { appName: 'Valid Name', redirectUrl: 'https://example.com/cb', scope: 'orders' } });
    expect(await h.outbox(`uid=${who.uid}`)).toHaveLength(0);
  });
});
