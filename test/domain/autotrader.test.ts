import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from '../../mock/domain/rate-limit.js';
import { seal, unseal } from '../../mock/domain/autotrader/sealed-key.js';
import { makeDomain, openAccount } from '../helpers.js';

const user = (username: string, extra: Record<string, unknown> = {}) => ({
  username,
  password: 'pw',
  name: 'N',
  accounts: [{ pseudoAccount: 'ACC', tradingAccount: 'T1', broker: 'Zerodha', platform: 'KITE', live: true, licenseExpiryDate: '2031-01-01' }],
  ...extra,
});

describe('AutoTrader key lifecycle', () => {
  it('registration creates a key; the given key is kept when a fixture names one', () => {
    const domain = makeDomain();
    expect(domain.load({ accounts: [], autotraderUsers: [user('a@x.in'), user('b@x.in', { apiKey: '22222222-2222-4222-8222-222222222222' })] }).ok).toBe(true);
    const a = domain.autotrader.viewKey('a@x.in', 'pw');
    expect(a).toMatchObject({ ok: true, value: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(domain.autotrader.viewKey('b@x.in', 'pw')).toEqual({ ok: true, value: '22222222-2222-4222-8222-222222222222' });
    expect(domain.autotrader.authenticate(a.ok ? a.value : '').ok).toBe(true);
  });

  it('a wrong password neither shows nor changes the key', () => {
    const domain = makeDomain();
    domain.load({ accounts: [], autotraderUsers: [user('a@x.in')] });
    const before = domain.store.getAtUser('a@x.in');
    expect(domain.autotrader.viewKey('a@x.in', 'nope')).toMatchObject({ error: { code: 'AT_PASSWORD_INVALID' } });
    expect(domain.autotrader.regenerateKey('a@x.in', 'nope')).toMatchObject({ error: { code: 'AT_PASSWORD_INVALID' } });
    expect(domain.autotrader.viewKey('ghost@x.in', 'pw')).toMatchObject({ error: { code: 'AT_PASSWORD_INVALID' } });
    expect(domain.store.getAtUser('a@x.in')).toBe(before);
  });

  it('regeneration retires the old key at once', () => {
    const domain = makeDomain();
    domain.load({ accounts: [], autotraderUsers: [user('a@x.in')] });
    const old = domain.autotrader.viewKey('a@x.in', 'pw');
    const fresh = domain.autotrader.regenerateKey('a@x.in', 'pw');
    if (!old.ok || !fresh.ok) throw new Error();
    expect(domain.autotrader.authenticate(old.value)).toMatchObject({ error: { code: 'AT_KEY_INVALID' } });
    expect(domain.autotrader.authenticate(fresh.value).ok).toBe(true);
    expect(domain.autotrader.viewKey('a@x.in', 'pw')).toEqual({ ok: true, value: fresh.value });
  });

  it('the sealed key opens only with the password', () => {
    const sealed = seal('33333333-3333-4333-8333-333333333333', 'right');
    expect(unseal(sealed, 'right')).toBe('33333333-3333-4333-8333-333333333333');
    expect(() => unseal(sealed, 'wrong')).toThrow();
    expect(JSON.stringify(sealed)).not.toContain('33333333');
  });

  it('a fixture set with a taken username loads nothing, not even its Samco accounts', () => {
    const domain = makeDomain();
    domain.load({ accounts: [], autotraderUsers: [user('a@x.in')] });
    const set = { accounts: [{ uid: 'NEW111', name: 'N', password: 'p', yob: '1990', mobile: '9876543210', email: 'n@example.com' }], autotraderUsers: [user('a@x.in')] };
    expect(domain.load(set)).toMatchObject({ ok: false, error: { code: 'AT_USER_EXISTS' } });
    expect(domain.accounts.get('NEW111')).toBeUndefined();
    openAccount(domain, 'NEW111');
  });
});

describe('sliding-window limiter', () => {
  const limits = [{ windowMs: 5000, max: 3 }];

  it('allows max per window, refuses the next, and frees the slot exactly one window after the oldest', () => {
    const limiter = new SlidingWindowLimiter();
    const take = (t: number) => limiter.take([{ key: 'k', limits }], t);
    expect([take(0), take(1000), take(2000)]).toEqual([null, null, null]);
    expect(take(4999)).toMatchObject({ key: 'k', limit: { max: 3 } });
    expect(take(5000)).toBeNull();
    expect(take(5001)).not.toBeNull();
  });

  it('counts a request only when every key has room', () => {
    const limiter = new SlidingWindowLimiter();
    const both = (t: number) => limiter.take([{ key: 'user', limits: [{ windowMs: 5000, max: 5 }] }, { key: 'acc', limits }], t);
    expect([both(0), both(0), both(0)]).toEqual([null, null, null]);
    expect(both(0)).toMatchObject({ key: 'acc' });
    expect(limiter.take([{ key: 'user', limits: [{ windowMs: 5000, max: 5 }] }], 0)).toBeNull();
    expect(limiter.take([{ key: 'user', limits: [{ windowMs: 5000, max: 5 }] }], 0)).toBeNull();
    expect(limiter.take([{ key: 'user', limits: [{ windowMs: 5000, max: 5 }] }], 0)).toMatchObject({ key: 'user' });
  });
});
