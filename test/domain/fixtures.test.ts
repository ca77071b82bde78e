import { sweep } from '../../mock/domain/sweep.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SET_OPTIONS, generateFixtureSet } from '../../fixtures/generator.js';
import { FixtureSet } from '../../spec/schemas/fixtures.js';
import { makeDomain, openAccount, otpOf, T0 } from '../helpers.js';
import { SandboxClock } from '../../mock/domain/clock.js';
import { SandboxDomain } from '../../mock/domain/domain.js';
import { MemoryStore } from '../../mock/store/memory.js';
import { SecretHasher } from '../../mock/domain/secrets.js';
import type { App } from '../../mock/domain/types.js';

const KEY = 'ab'.repeat(32);
const SECRET = 'cd'.repeat(48);
const committed = JSON.parse(readFileSync(new URL('../../fixtures/default.json', import.meta.url), 'utf8'));

describe('fixture generator', () => {
  it('same seed, same data; another seed, other data', async () => {
    expect(generateFixtureSet({ seed: 7, accounts: 5 })).toEqual(generateFixtureSet({ seed: 7, accounts: 5 }));
    expect(generateFixtureSet({ seed: 8, accounts: 5 })).not.toEqual(generateFixtureSet({ seed: 7, accounts: 5 }));
  });

  it('fixtures/default.json is what `npm run fixtures` generates (not stale)', async () => {
    expect(committed).toEqual(generateFixtureSet(DEFAULT_SET_OPTIONS));
  });

  it('the default set is a valid fixture set with empty, full and deactivated cases', async () => {
    const set = FixtureSet.parse(committed);
    const counts = set.accounts.map((a) => a.apps?.length ?? 0);
    expect(counts).toContain(0);
    expect(counts).toContain(5);
    expect(set.accounts.flatMap((a) => a.apps ?? []).some((app) => app.status === 'Deactivated')).toBe(true);
    expect(new Set(set.accounts.map((a) => a.uid)).size).toBe(set.accounts.length);
  });

  it('a 1,000-account set loads, and its credentials work as given', async () => {
    const set = generateFixtureSet({ seed: 3, accounts: 1000 });
    const domain = makeDomain();
    expect(domain.load(set)).toMatchObject({ ok: true, value: { accounts: 1000 } });
    const account = set.accounts.find((a) => a.apps?.some((app) => app.status === 'Active') && a.apps.some((app) => app.status === 'Deactivated'))!;
    const active = account.apps!.find((app) => app.status === 'Active')!;
    const inactive = account.apps!.find((app) => app.status === 'Deactivated')!;
    expect((await domain.sessions.fromApiKey(active.apiKey, active.apiSecret, '127.0.0.1')).ok).toBe(true);
    expect(await domain.sessions.fromApiKey(inactive.apiKey, inactive.apiSecret, '127.0.0.1')).toMatchObject({ error: { code: 'INACTIVE_API_KEY' } });
    expect(domain.accounts.dashboardLogin(account.uid, account.password).ok).toBe(true);
  });
});

describe('loading fixtures', () => {
  const base = { name: 'N', password: 'p', yob: '1990', mobile: '9876543210', email: 'n@example.com' };
  const app = (appName: string, apiKey: string) => ({ appName, redirectUrl: 'https://example.com/cb', status: 'Active' as const, apiKey, apiSecret: 'S'.repeat(32) });

  it('is all or nothing: a clash anywhere loads nothing', async () => {
    const domain = makeDomain();
    openAccount(domain, 'TAKEN1');
    const result = domain.load({
      accounts: [
        { ...base, uid: 'FRESH1' },
        { ...base, uid: 'TAKEN1' },
      ],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'ACCOUNT_EXISTS' } });
    expect(domain.accounts.get('FRESH1')).toBeUndefined();
  });

  it("refuses apps that break the dashboard's rules", async () => {
    const domain = makeDomain();
    const twins = { ...base, uid: 'TW1111', apps: [app('Same', 'K'.repeat(32)), app(' same ', 'L'.repeat(32))] };
    expect(domain.load({ accounts: [twins] })).toMatchObject({ error: { code: 'INVALID_FIXTURE', message: /duplicate app name/ } });
    const badUrl = { ...base, uid: 'BU1111', apps: [{ ...app('Plain', 'M'.repeat(32)), redirectUrl: 'http://example.com/cb' }] };
    expect(domain.load({ accounts: [badUrl] })).toMatchObject({ error: { code: 'INVALID_FIXTURE', message: /redirectUrl/ } });
    const sharedKey = [
      { ...base, uid: 'SK1111', apps: [app('One', 'N'.repeat(32))] },
      { ...base, uid: 'SK2222', apps: [app('Two', 'N'.repeat(32))] },
    ];
    expect(domain.load({ accounts: sharedKey })).toMatchObject({ error: { code: 'INVALID_FIXTURE', message: /apiKey/ } });
    expect(domain.store.accountCount()).toBe(0);
  });
});

describe('reset and seed', () => {
  it('reset returns to the start-up fixtures, and the seed replays the same OTPs', async () => {
    const domain = makeDomain('replay');
    const account = openAccount(domain);
    domain.accounts.generateLegacyOtp(account.uid);
    const first = otpOf(domain, account.uid);
    domain.reset();
    expect(domain.counts()).toEqual({ accounts: 0, apps: 0, activeSessions: 0, outbox: 0, autotraderUsers: 0 });
    openAccount(domain);
    domain.accounts.generateLegacyOtp(account.uid);
    expect(otpOf(domain, account.uid)).toBe(first);
  });
});

describe('reset of a start-up set (its rows kept, not the set)', () => {
  const set = generateFixtureSet({ seed: 5, accounts: 30 });
  // Some apps without an id or a creation time: the id is drawn (again after a reset), the time is the load's.
  for (const account of set.accounts.slice(0, 6)) for (const app of account.apps ?? []) Object.assign(app, { appId: undefined, createdAt: undefined });
  const pepper = Buffer.alloc(32, 7);
  const start = (at: number) => {
    const clock = new SandboxClock();
    clock.set(at);
    return new SandboxDomain({ seed: 'kept', clock, store: new MemoryStore(), fixtures: set, secrets: new SecretHasher(pepper) });
  };
  const rows = (domain: SandboxDomain) => [...domain.store.rows()].filter((r) => ['accounts', 'apps', 'counters'].includes(r.table));

  it('writes what a fresh start at that time writes, after the rows changed, and again on a second reset', () => {
    const domain = start(T0);
    expect(set.accounts.slice(0, 6).some((a) => a.apps?.length)).toBe(true);
    const app = domain.store.appsOf(set.accounts.find((a) => a.apps?.length)!.uid)[0]!;
    domain.store.putApp({ ...app, status: 'Deactivated' } satisfies App);
    openAccount(domain, 'ZZ9999');
    domain.clock.advance(60_000);
    domain.reset();
    expect(rows(domain)).toEqual(rows(start(T0 + 60_000)));
    expect(domain.store.getApp(app.id)?.status).toBe('Active');
    expect(domain.store.getAccount('ZZ9999')).toBeUndefined();
    domain.clock.advance(60_000);
    domain.reset();
    expect(rows(domain)).toEqual(rows(start(T0 + 120_000)));
    domain.reset('empty');
    expect(domain.counts().accounts).toBe(0);
    domain.reset();
    expect(domain.counts().apps).toBe(set.accounts.reduce((n, a) => n + (a.apps?.length ?? 0), 0));
  });

  it('the credentials of the set work after a reset', async () => {
    const domain = start(T0);
    domain.reset();
    const account = set.accounts.find((a) => a.apps?.some((app) => app.status === 'Active'))!;
    const active = account.apps!.find((app) => app.status === 'Active')!;
    expect((await domain.sessions.fromApiKey(active.apiKey, active.apiSecret, '127.0.0.1')).ok).toBe(true);
    expect(domain.accounts.dashboardLogin(account.uid, account.password).ok).toBe(true);
  });

  it('a start-up set that breaks a rule stops the start with the rule', () => {
    const twins = { ...set, accounts: [set.accounts[0]!, set.accounts[0]!] };
    expect(() => new SandboxDomain({ seed: 'kept', store: new MemoryStore(), fixtures: twins })).toThrow(/The start-up fixture set is invalid: An account with user id/);
  });
});

describe('retention', () => {
  it('sweeps challenges, sessions and tokens an hour after they stopped mattering, and nothing alive', async () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    domain.accounts.generateLegacyOtp(account.uid);
    const challenge = domain.apps.requestCreate(account, { appName: 'Kept App', redirectUrl: 'https://example.com/cb' });
    if (!challenge.ok) throw new Error();
    expect(domain.sweep()).toBe(0);
    domain.clock.advance(5 * 60 * 1000 + 60 * 60 * 1000 - 1);
    expect(domain.sweep()).toBe(0);
    domain.clock.advance(2);
    expect(domain.sweep()).toBe(2);
    expect(domain.apps.resend(account, challenge.value.id)).toMatchObject({ error: { code: 'CHALLENGE_NOT_FOUND' } });
  });
});

describe('retention by count', () => {
  it('a superseded legacy OTP is dropped at once; beyond the cap, the oldest revoked sessions go first', async () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    for (let i = 0; i < 3; i++) domain.accounts.generateLegacyOtp(account.uid);
    expect(domain.store.getChallenge(domain.store.latestLegacyChallenge(account.uid)!.id)).toBeDefined();
    expect([...domain.store.challenges()].length).toBe(1);

    const apps = domain.load({
      accounts: [
        {
          uid: 'CAP001',
          name: 'C',
          password: 'p',
          yob: '1990',
          mobile: '9876543210',
          email: 'c@example.com',
          apps: [{ appName: 'Cap App', redirectUrl: 'https://example.com/cb', status: 'Active', apiKey: KEY, apiSecret: SECRET }],
        },
      ],
    });
    expect(apps.ok).toBe(true);
    const tokens: string[] = [];
    for (let i = 0; i < 5; i++) {
      const s = await domain.sessions.fromApiKey(KEY, SECRET, '127.0.0.1');
      if (!s.ok) throw new Error();
      domain.clock.advance(1000);
      domain.sessions.logout(s.value.sessionToken);
      tokens.push(s.value.sessionToken);
    }
    expect(sweep(domain.store, domain.clock.now(), { graceMs: 3600_000, keepDead: 2 })).toBe(3);
    expect(tokens.map((t) => (domain.sessions.authenticate(t).ok ? 'ok' : (domain.sessions.authenticate(t) as { error: { code: string } }).error.code))).toEqual([
      'SESSION_INVALID',
      'SESSION_INVALID',
      'SESSION_INVALID',
      'SESSION_REVOKED',
      'SESSION_REVOKED',
    ]);
  });
});
