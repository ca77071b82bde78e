import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from '../../mock/domain/rate-limit.js';
import { makeDomain } from '../helpers.js';
import { MemoryStore } from '../../mock/store/memory.js';

const USER = {
  username: 'bound@x.in',
  password: 'pw',
  name: 'N',
  accounts: [{ pseudoAccount: 'ACC', tradingAccount: 'T1', broker: 'Zerodha', platform: 'KITE', live: true, licenseExpiryDate: '2031-01-01' }],
};

describe('rate-limit windows stay bounded (issue 13, item 9)', () => {
  it("made-up pseudo account names get no window of their own; the user's own accounts do", () => {
    const domain = makeDomain();
    domain.load({ accounts: [], autotraderUsers: [USER] });
    const user = domain.store.getAtUser(USER.username)!;
    // One request every 200 ms stays under every per-user limit, so each one is admitted and counted.
    for (let i = 0; i < 20_000; i++) {
      domain.clock.advance(200);
      expect(domain.autotrader.admit(user, `MADE_UP_${i}`).ok).toBe(true);
    }
    expect(domain.autotrader.admit(user, 'ACC').ok).toBe(true);
    // One window for the user, one for its pseudo account ACC.
    // biome-ignore lint/complexity/useLiteralKeys: the limiter is private; the bracket reads it for this check only
    expect(domain.autotrader['limiter'].size).toBe(2);
  });

  it('forgets keys whose windows have emptied, and keeps at most maxKeys, the least recently counted going first', () => {
    const store = new MemoryStore();
    const limiter = new SlidingWindowLimiter(() => store, 'test', { horizonMs: 1_000, maxKeys: 100 });
    const limits = [{ windowMs: 1_000, max: 1 }];
    for (let i = 0; i < 1_000; i++) limiter.take([{ key: `k${i}`, limits }], 0);
    expect(limiter.size).toBe(100);
    expect(limiter.take([{ key: 'k999', limits }], 1)).toMatchObject({ key: 'k999', retryAfterMs: 999 });
    expect(limiter.take([{ key: 'k0', limits }], 1)).toBeNull();
    expect(limiter.full([{ key: 'k999', limits }], 1_000)).toBeNull();
    expect(limiter.size).toBe(99);
    expect(limiter.full([{ key: 'never-counted', limits }], 1_000)).toBeNull();
    expect(limiter.size).toBe(99);
  });
});
