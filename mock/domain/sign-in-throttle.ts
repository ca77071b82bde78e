import type { DomainContext } from './context.js';
import { SlidingWindowLimiter } from './rate-limit.js';
import { fail, type Result } from './result.js';

/** Failed sign-ins allowed before further ones are refused for a while: per account, and per source address (the sandbox's choice). */
export const SIGN_IN_LIMITS = {
  account: { windowMs: 15 * 60 * 1000, max: 10 },
  source: { windowMs: 15 * 60 * 1000, max: 100 },
} as const;

/** Whose password is being tried: a trading account (dashboard, legacy login and IP calls share it) or an AutoTrader user. */
export type SignInAccount = { uid: string } | { atUser: string };

/**
 * Password guessing is throttled as a broker does: once an account, or a source address, has
 * failed too often lately, every sign-in for it is refused with a 429 and when to retry, even
 * with the right password. Only failures count; the rate-limit switch turns this off.
 */
export class SignInThrottle {
  private readonly failures: SlidingWindowLimiter;

  constructor(
    private readonly ctx: DomainContext,
    private readonly enabled: boolean,
  ) {
    this.failures = new SlidingWindowLimiter(() => ctx.store, 'sign-in-failures', { horizonMs: Math.max(SIGN_IN_LIMITS.account.windowMs, SIGN_IN_LIMITS.source.windowMs) });
  }

  /** Runs a password check unless its account or source is throttled; a failed check counts against both. */
  attempt<T>(account: SignInAccount, source: string, check: () => Result<T>): Result<T> {
    if (!this.enabled) return check();
    const keys = [
      { key: 'uid' in account ? `uid:${account.uid}` : `at:${account.atUser}`, limits: [SIGN_IN_LIMITS.account] },
      { key: `source:${source}`, limits: [SIGN_IN_LIMITS.source] },
    ];
    const now = this.ctx.clock.now();
    const full = this.failures.full(keys, now);
    if (full) {
      const scope = full.key.startsWith('source:') ? 'from this address' : 'for this account';
      const minutes = full.limit.windowMs / 60_000;
      return fail(
        'SIGN_IN_THROTTLED',
        `Too many failed sign-ins ${scope}: at most ${full.limit.max} in ${minutes} minutes. Try again in ${Math.ceil(full.retryAfterMs / 1000)} seconds.`,
        full.retryAfterMs,
      );
    }
    const result = check();
    if (!result.ok) this.failures.count(keys, now);
    return result;
  }
}
