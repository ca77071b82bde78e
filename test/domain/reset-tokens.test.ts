import { describe, expect, it } from 'vitest';
import { SandboxClock } from '../../mock/domain/clock.js';
import { MemoryStore } from '../../mock/store/memory.js';
import { SandboxDomain } from '../../mock/domain/domain.js';
import type { FixtureSetData } from '../../mock/server.js';
import { otpOf, T0 } from '../helpers.js';

const account = (uid: string, n: number) => ({
  uid,
  name: `Holder ${uid}`,
  password: `pw-${uid}`,
  yob: '1990',
  mobile: '9876543210',
  email: `${uid.toLowerCase()}@example.com`,
  apps: [{ appName: `Desk ${uid}`, redirectUrl: 'https://example.com/cb', status: 'Active' as const, apiKey: String(n).repeat(64), apiSecret: String(n).repeat(96) }],
});
const FIXTURES: FixtureSetData = { accounts: [account('ONE111', 1), account('TWO222', 2)] };

function sandbox() {
  const clock = new SandboxClock();
  clock.set(T0);
  return new SandboxDomain({ seed: '31', clock, fixtures: FIXTURES, store: new MemoryStore() });
}

/** Every kind of bearer credential the sandbox hands out, for one account, in a fixed order of draws. */
async function credentials(domain: SandboxDomain, uid: string) {
  const entry = FIXTURES.accounts.find((a) => a.uid === uid)!;
  const app = entry.apps![0]!;
  const session = await domain.sessions.fromApiKey(app.apiKey, app.apiSecret, '127.0.0.1');
  const dashboard = domain.accounts.dashboardLogin(uid, entry.password);
  domain.accounts.generateLegacyOtp(uid);
  domain.accounts.generateLegacySecretKey(uid, otpOf(domain, uid));
  const secretKey = domain.store.messages({ uid, kind: 'secret-key-email' }).at(-1)!.secretApiKey!;
  const access = domain.accounts.generateAccessToken(uid, secretKey);
  const consent = domain.oauth.authenticate({ api_key: app.apiKey, redirect_url: app.redirectUrl, api_secret: app.apiSecret }, '127.0.0.1');
  const code = consent.ok ? consent.value.code : '';
  const oauth = await domain.oauth.token({ grant_type: 'authorization_code', code }, '127.0.0.1');
  if (!session.ok || !dashboard.ok || !access.ok || !oauth.ok) throw new Error('a sign-in failed');
  return {
    session: session.value.sessionToken,
    dashboard: dashboard.value.token,
    secretKey,
    access: access.value.accessToken,
    code,
    oauthAccess: oauth.value.accessToken,
    oauthRefresh: oauth.value.refreshToken,
  };
}

describe('tokens across a seeded reset (issue 13, item 2)', () => {
  it('a token issued before a reset never comes back after it, nor works for another account', async () => {
    const domain = sandbox();
    const before = await credentials(domain, 'ONE111');
    domain.reset();
    const after = await credentials(domain, 'TWO222');
    for (const kind of Object.keys(before) as Array<keyof typeof before>) expect(after[kind], kind).not.toBe(before[kind]);
    expect(domain.sessions.authenticate(before.session)).toMatchObject({ ok: false, error: { code: 'SESSION_INVALID' } });
    expect(domain.sessions.authenticate(before.oauthAccess)).toMatchObject({ ok: false, error: { code: 'SESSION_INVALID' } });
    expect(domain.accounts.dashboardAccount(before.dashboard)).toMatchObject({ ok: false, error: { code: 'DASHBOARD_AUTH_REQUIRED' } });
    expect(domain.sessions.authenticate(after.session)).toMatchObject({ ok: true, value: { account: { uid: 'TWO222' } } });
  });

  it('two resets in a row still draw fresh tokens, and a fresh process with the same seed replays the first run', async () => {
    const domain = sandbox();
    const runs = [await credentials(domain, 'ONE111')];
    for (let i = 0; i < 2; i++) {
      domain.reset();
      runs.push(await credentials(domain, 'ONE111'));
    }
    expect(new Set(runs.map((r) => r.session)).size).toBe(3);
    expect(new Set(runs.map((r) => r.dashboard)).size).toBe(3);
    expect(await credentials(sandbox(), 'ONE111')).toEqual(runs[0]);
  });

  it('the reset epoch is part of the persisted stream positions', () => {
    const domain = sandbox();
    domain.reset();
    const positions = domain.random.snapshot();
    const resumed = sandbox();
    resumed.random.restore(positions);
    const token = (d: SandboxDomain) => (d.accounts.dashboardLogin('ONE111', 'pw-ONE111') as { value: { token: string } }).value.token;
    expect(token(resumed)).toBe(token(domain));
    expect(token(domain)).not.toBe(token(sandbox()));
  });
});
