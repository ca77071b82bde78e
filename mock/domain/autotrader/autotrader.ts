import type { FixtureAtUserData } from '../../../spec/schemas/fixtures.js';
import type { DomainContext } from '../context.js';
import { fail, ok, type Failure, type Result } from '../result.js';
import { type KeyedLimits, SlidingWindowLimiter } from '../rate-limit.js';
import { cancelled, marginsOf, newOrder, orderProblem, positionsOf, type PlaceOrderInput } from './orders.js';
import { seal, unseal } from './sealed-key.js';
import type { AtAccount, AtOrderRecord, AtUser } from './types.js';

/** AutoTrader's published limits: per user across all accounts, and per pseudo account. */
export const AT_RATE_LIMITS = {
  user: [
    { windowMs: 5_000, max: 200 },
    { windowMs: 60_000, max: 600 },
    { windowMs: 300_000, max: 1800 },
  ],
  account: [
    { windowMs: 5_000, max: 60 },
    { windowMs: 60_000, max: 120 },
    { windowMs: 300_000, max: 300 },
  ],
} as const;

const DEFAULT_FUNDS = 100_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type AtOptions = { rateLimits?: boolean };

/**
 * AutoTrader Web: users, their API key (hashed for look-up, sealed under the password for View),
 * and the API functions a key unlocks.
 */
export class AutoTrader {
  private readonly limiter = new SlidingWindowLimiter();
  rateLimits: boolean;

  constructor(
    private readonly ctx: DomainContext,
    options: AtOptions = {},
  ) {
    this.rateLimits = options.rateLimits ?? true;
  }

  /** Problems of a set of users to register, before anything is written. */
  check(users: readonly FixtureAtUserData[]): Failure | null {
    const names = new Set<string>();
    const keys = new Set<string>();
    for (const [i, user] of users.entries()) {
      if (names.has(user.username) || this.ctx.store.getAtUser(user.username)) {
        return fail('AT_USER_EXISTS', `An AutoTrader user named ${user.username} already exists.`);
      }
      names.add(user.username);
      if (user.apiKey) {
        const hash = this.ctx.secrets.hash(user.apiKey);
        if (keys.has(hash) || this.ctx.store.atUserByKeyHash(hash)) return fail('INVALID_FIXTURE', `Invalid fixture set: autotraderUsers.${i}.apiKey: already used by another user.`);
        keys.add(hash);
      }
      const pseudo = new Set(user.accounts.map((a) => a.pseudoAccount));
      if (pseudo.size !== user.accounts.length) return fail('INVALID_FIXTURE', `Invalid fixture set: autotraderUsers.${i}.accounts: pseudo account names must be unique.`);
    }
    return null;
  }

  /** Registers checked users; each gets its given key or a fresh one (created at registration, as on the real service). */
  write(users: readonly FixtureAtUserData[]): void {
    for (const user of users) {
      const apiKey = user.apiKey ?? this.ctx.random.uuid('at-api-key');
      this.ctx.store.putAtUser({
        username: user.username,
        name: user.name,
        passwordHash: this.ctx.secrets.hash(user.password),
        apiKeyHash: this.ctx.secrets.hash(apiKey),
        sealedKey: seal(apiKey, user.password),
        disabled: user.disabled ?? false,
        accounts: user.accounts.map((a, j) => ({ ...a, funds: a.funds ?? DEFAULT_FUNDS, systemId: `${user.username}#${j + 1}` })),
        createdAt: this.ctx.clock.now(),
      });
    }
  }

  private withPassword(username: string, password: string): Result<AtUser> {
    const user = this.ctx.store.getAtUser(username);
    // One refusal for an unknown user and a wrong password.
    if (!user || !this.ctx.secrets.matches(user.passwordHash, password)) return fail('AT_PASSWORD_INVALID');
    return ok(user);
  }

  viewKey(username: string, password: string): Result<string> {
    const user = this.withPassword(username, password);
    if (!user.ok) return user;
    return ok(unseal(user.value.sealedKey, password));
  }

  /** A new key at once; the old one is refused from the next request on. */
  regenerateKey(username: string, password: string): Result<string> {
    const user = this.withPassword(username, password);
    if (!user.ok) return user;
    const apiKey = this.ctx.random.uuid('at-api-key');
    this.ctx.store.putAtUser({ ...user.value, apiKeyHash: this.ctx.secrets.hash(apiKey), sealedKey: seal(apiKey, password) });
    return ok(apiKey);
  }

  /** The user of an api-key header: a missing, wrong or replaced key, or a disabled user, is refused. */
  authenticate(apiKey: string | undefined): Result<AtUser> {
    const user = apiKey ? this.ctx.store.atUserByKeyHash(this.ctx.secrets.hash(apiKey)) : undefined;
    if (!user) return fail('AT_KEY_INVALID');
    if (user.disabled) return fail('AT_USER_DISABLED');
    return ok(user);
  }

  /** Counts a request against the rate limits (per user, and per pseudo account when it names one); refuses it when a window is full. */
  admit(user: AtUser, pseudoAccount?: string): Result<AtUser> {
    if (this.rateLimits) {
      const keys: KeyedLimits[] = [{ key: `user:${user.username}`, limits: AT_RATE_LIMITS.user }];
      // Only the user's own pseudo accounts get a window: made-up names would grow the limiter without bound (they are refused as not live anyway).
      if (pseudoAccount && user.accounts.some((a) => a.pseudoAccount === pseudoAccount)) keys.push({ key: `account:${user.username}:${pseudoAccount}`, limits: AT_RATE_LIMITS.account });
      const full = this.limiter.take(keys, this.ctx.clock.now());
      if (full) {
        const scope = full.key.startsWith('account:') ? 'for a pseudo account' : 'for a user across all accounts';
        return fail('AT_RATE_LIMITED', `Too Many Requests: at most ${full.limit.max} requests per ${full.limit.windowMs / 1000} seconds ${scope}.`, full.retryAfterMs);
      }
    }
    return ok(user);
  }

  liveAccount(user: AtUser, pseudoAccount: string): Result<AtAccount> {
    const account = user.accounts.find((a) => a.pseudoAccount === pseudoAccount);
    return account?.live ? ok(account) : fail('AT_ACCOUNT_NOT_LIVE', `Pseudo account [${pseudoAccount}] is not live.`);
  }

  tradingAccounts(user: AtUser) {
    const now = this.ctx.clock.now();
    return user.accounts.map((a) => ({
      loginId: a.tradingAccount,
      pseudoAccName: a.pseudoAccount,
      broker: a.broker,
      platform: a.platform,
      licenseExpiryDate: a.licenseExpiryDate,
      live: a.live,
      systemId: a.systemId,
      systemIdOfPseudoAcc: `${a.systemId}/${a.pseudoAccount}`,
      licenseDaysLeft: Math.max(0, Math.ceil((Date.parse(`${a.licenseExpiryDate}T23:59:59Z`) - now) / DAY_MS)),
    }));
  }

  livePseudoAccounts(user: AtUser): string[] {
    return user.accounts.filter((a) => a.live).map((a) => a.pseudoAccount);
  }

  placeRegularOrder(user: AtUser, input: PlaceOrderInput): Result<AtOrderRecord> {
    const account = this.liveAccount(user, input.pseudoAccount);
    if (!account.ok) return account;
    const problem = orderProblem(input);
    if (problem) return fail('AT_INVALID_ORDER', problem);
    const order = newOrder(user.username, account.value, input, this.ctx.random.uuid('at-order-id'), this.ctx.random.digits('at-exchange-id', 16), this.ctx.clock.now());
    this.ctx.store.putAtOrder(order);
    return ok(order);
  }

  cancelOrder(user: AtUser, pseudoAccount: string, platformId: string): Result<AtOrderRecord> {
    const account = this.liveAccount(user, pseudoAccount);
    if (!account.ok) return account;
    const order = this.ctx.store.getAtOrder(user.username, platformId);
    if (!order || order.pseudoAccount !== pseudoAccount) return fail('AT_ORDER_NOT_FOUND', `Order [${platformId}] not found in pseudo account [${pseudoAccount}].`);
    const next = cancelled(order, this.ctx.clock.now());
    if (next.ok) this.ctx.store.putAtOrder(next.value);
    return next;
  }

  /** Orders, positions or margins of a live pseudo account. */
  read<T>(user: AtUser, pseudoAccount: string, view: (account: AtAccount, orders: AtOrderRecord[]) => T): Result<T> {
    const account = this.liveAccount(user, pseudoAccount);
    if (!account.ok) return account;
    return ok(view(account.value, this.ctx.store.atOrders(user.username, pseudoAccount)));
  }

  reset() {
    this.limiter.clear();
  }
}

export const views = {
  orders: (_account: AtAccount, orders: AtOrderRecord[]) => orders.map(({ username: _u, ...order }) => order),
  positions: positionsOf,
  margins: marginsOf,
};
