import type { FixtureAccountData } from '../../spec/schemas/fixtures.js';
import type { Challenges } from './challenges.js';
import { DASHBOARD_SESSION_TTL_MS, type DomainContext } from './context.js';
import { next0800Ist } from './ist.js';
import type { Outbox } from './outbox.js';
import { appNameKey, APP_RULES, checkAppName, checkRedirectUrl } from './rules.js';
import { fail, ok, type Failure, type Result } from './result.js';
import type { Account, AccountStanding, App, Limits } from './types.js';
import { findInstrument } from './market/instruments.js';

const DEFAULT_LIMITS: Limits = {
  equityLimit: { grossAvailableMargin: '100000.00', payInToday: '0.00', notionalCash: '100000.00', marginUsed: '0.00', netAvailableMargin: '100000.00' },
  commodityLimit: { grossAvailableMargin: '0.00', payInToday: '0.00', notionalCash: '0.00', marginUsed: '0.00', netAvailableMargin: '0.00' },
};

/** An account without opening holdings: one shared array (rows are never mutated). */
const NO_HOLDINGS: Account['holdings'] = Object.freeze([]) as unknown as Account['holdings'];

const DRAWN_ID = 1;
const FIXED_CREATED_AT = 2;

/**
 * The rows a start-up fixture set wrote, kept so that a reset writes them again without keeping
 * the set itself (at 500,000 apps its parsed copy cost a third of the memory). Rows are never
 * mutated (the unit of work's undo relies on it too), so until the domain replaces one these are
 * the very rows the store holds. The hashes need the pepper they were made with.
 */
export type FixtureRows = {
  accounts: Account[];
  apps: App[];
  /** How many of `apps` follow each account, in order. */
  appCounts: Uint8Array;
  /** Per app: DRAWN_ID when the set gave no appId, FIXED_CREATED_AT when it gave a createdAt. */
  appFlags: Uint8Array;
  pepper: string;
};

/**
 * One copy of each repeated text of a fixture set (redirect URLs, app names, birth years):
 * JSON.parse gives every occurrence its own string. Bounded, so a set of unique texts costs little.
 */
class Interner {
  private readonly seen = new Map<string, string>();
  of(text: string): string {
    const known = this.seen.get(text);
    if (known !== undefined) return known;
    if (this.seen.size < 10_000) this.seen.set(text, text);
    return text;
  }
}

/** What a set's accounts before the one checked hold. */
type Seen = { uids: Set<string>; keyHashes: Set<string>; appIds: Set<string> };

/** Trading accounts: opening them (fixtures), dashboard sign-in, and the legacy OTP -> secret key flow. */
export class Accounts {
  constructor(
    private readonly ctx: DomainContext,
    private readonly challenges: Challenges,
    private readonly outbox: Outbox,
  ) {}

  get(uid: string): Account | undefined {
    return this.ctx.store.getAccount(uid);
  }

  /** Problems of a set of accounts to open, before anything is written. */
  check(accounts: readonly FixtureAccountData[]): Failure | null {
    const seen: Seen = { uids: new Set(), keyHashes: new Set(), appIds: new Set() };
    for (const [i, entry] of accounts.entries()) {
      const problem = this.checkOne(entry, i, seen, null);
      if (problem) return problem;
    }
    return null;
  }

  /**
   * Problems of one account to open, against the store and (`seen`) the accounts before it in its
   * set; `keyHashes` receives its apps' API key hashes, for writing.
   */
  private checkOne(entry: FixtureAccountData, i: number, seen: Seen | null, keyHashes: string[] | null): Failure | null {
    const { store, secrets } = this.ctx;
    if (seen?.uids.has(entry.uid) || store.getAccount(entry.uid)) {
      return fail('ACCOUNT_EXISTS', `An account with user id ${entry.uid} already exists (reset the sandbox first to load it again).`);
    }
    seen?.uids.add(entry.uid);
    const apps = entry.apps ?? [];
    if (apps.length > APP_RULES.maxApps) return fail('INVALID_FIXTURE', `Invalid fixture set: accounts.${i}.apps: at most ${APP_RULES.maxApps} apps per account.`);
    const names = new Set<string>();
    const hashes: string[] = [];
    for (const [j, app] of apps.entries()) {
      const where = `accounts.${i}.apps.${j}`;
      const name = checkAppName(app.appName);
      if (!name.ok) return fail('INVALID_FIXTURE', `Invalid fixture set: ${where}.appName: ${name.error.message ?? name.error.code}`);
      if (names.has(appNameKey(app.appName))) return fail('INVALID_FIXTURE', `Invalid fixture set: ${where}.appName: duplicate app name "${app.appName}".`);
      names.add(appNameKey(app.appName));
      const url = checkRedirectUrl(app.redirectUrl);
      if (!url.ok) return fail('INVALID_FIXTURE', `Invalid fixture set: ${where}.redirectUrl: ${url.error.message}`);
      const keyHash = secrets.hash(app.apiKey);
      if (seen?.keyHashes.has(keyHash) || hashes.includes(keyHash) || store.appByKeyHash(keyHash)) return fail('INVALID_FIXTURE', `Invalid fixture set: ${where}.apiKey: already used by another app.`);
      seen?.keyHashes.add(keyHash);
      hashes.push(keyHash);
      const sameId = app.appId && apps.slice(0, j).some((other) => other.appId === app.appId);
      if (app.appId && (seen?.appIds.has(app.appId) || sameId || store.getApp(app.appId))) return fail('INVALID_FIXTURE', `Invalid fixture set: ${where}.appId: already used by another app.`);
      if (app.appId) seen?.appIds.add(app.appId);
    }
    for (const [j, holding] of (entry.holdings ?? []).entries()) {
      const instrument = findInstrument(holding.exchange, holding.symbolName);
      if (instrument?.instrument !== 'EQ')
        return fail('INVALID_FIXTURE', `Invalid fixture set: accounts.${i}.holdings.${j}.symbolName: no equity ${holding.symbolName} on ${holding.exchange} in the simulated market.`);
    }
    keyHashes?.push(...hashes);
    return null;
  }

  /** Opens checked accounts with their apps; returns how many apps were added. */
  write(accounts: readonly FixtureAccountData[]): number {
    let apps = 0;
    for (const entry of accounts) apps += this.writeOne(entry, null);
    return apps;
  }

  /**
   * Opens the start-up set and returns the rows written, for `rewrite` on reset. Each account is
   * checked as `check` does (against the store, which by then holds the accounts before it: no
   * set-wide index of 500,000 key hashes) and written at once; at the first problem this stops
   * with it, and the caller fails the start (or rolls the unit of work back).
   */
  writeKept(accounts: readonly FixtureAccountData[]): Result<FixtureRows> {
    let total = 0;
    for (const entry of accounts) total += entry.apps?.length ?? 0;
    const kept: FixtureRows = { accounts: [], apps: [], appCounts: new Uint8Array(accounts.length), appFlags: new Uint8Array(total), pepper: this.ctx.secrets.pepperBase64() };
    const strings = new Interner();
    const keyHashes: string[] = [];
    for (const [i, entry] of accounts.entries()) {
      keyHashes.length = 0;
      const problem = this.checkOne(entry, i, null, keyHashes);
      if (problem) return problem;
      kept.appCounts[i] = this.writeOne(entry, kept, strings, keyHashes);
    }
    return ok(kept);
  }

  /**
   * Writes a start-up set's rows again (reset), as `writeKept` wrote them: new creation times, the
   * drawn app ids drawn again (the streams restart on reset), the app sequence counted again.
   * Returns the rows written, which replace the kept ones (so one generation stays alive).
   */
  rewrite(kept: FixtureRows): FixtureRows {
    const { store, clock, random, secrets } = this.ctx;
    // A state's pepper is fixed before anything is hashed (see SecretHasher.adopt): kept hashes stay valid.
    if (secrets.pepperBase64() !== kept.pepper) throw new Error('the start-up fixtures were hashed under another pepper');
    const next: FixtureRows = { ...kept, accounts: [], apps: [] };
    let a = 0;
    for (const [i, account] of kept.accounts.entries()) {
      const now = clock.now();
      const row: Account = { ...account, createdAt: now };
      store.putAccount(row);
      next.accounts.push(row);
      for (let end = a + kept.appCounts[i]!; a < end; a++) {
        const app = kept.apps[a]!;
        const flags = kept.appFlags[a]!;
        const createdAt = flags & FIXED_CREATED_AT ? app.createdAt : now;
        const record: App = { ...app, id: flags & DRAWN_ID ? random.uuid('app-id') : app.id, createdAt, updatedAt: createdAt, seq: store.nextAppSeq() };
        store.putApp(record);
        next.apps.push(record);
      }
    }
    return next;
  }

  private writeOne(entry: FixtureAccountData, kept: FixtureRows | null, strings: Interner | null = null, keyHashes: readonly string[] = []): number {
    const { store, secrets, clock, random } = this.ctx;
    const now = clock.now();
    const same = (text: string) => (strings ? strings.of(text) : text);
    const account: Account = {
      uid: entry.uid,
      name: entry.name,
      passwordHash: secrets.hash(entry.password),
      yob: same(entry.yob),
      mobile: same(entry.mobile),
      email: entry.email,
      limits: entry.limits ?? DEFAULT_LIMITS,
      legacySecretKeyHash: null,
      lastIpChangeAt: null,
      standing: entry.standing ?? 'active',
      holdings: entry.holdings ?? NO_HOLDINGS,
      createdAt: now,
    };
    store.putAccount(account);
    kept?.accounts.push(account);
    for (const [j, app] of (entry.apps ?? []).entries()) {
      const createdAt = app.createdAt ? Date.parse(app.createdAt) : now;
      const record: App = {
        id: app.appId ?? random.uuid('app-id'),
        uid: entry.uid,
        name: same(app.appName.trim()),
        redirectUrl: same(app.redirectUrl.trim()),
        status: app.status,
        apiKeyHash: keyHashes[j] ?? secrets.hash(app.apiKey),
        apiSecretHash: secrets.hash(app.apiSecret),
        createdAt,
        updatedAt: createdAt,
        seq: store.nextAppSeq(),
      };
      store.putApp(record);
      if (kept) {
        kept.appFlags[kept.apps.length] = (app.appId ? 0 : DRAWN_ID) | (app.createdAt ? FIXED_CREATED_AT : 0);
        kept.apps.push(record);
      }
    }
    return entry.apps?.length ?? 0;
  }

  /** What Samco's backend says of the account from now on (control API): its sessions already issued are not touched. */
  setStanding(uid: string, standing: AccountStanding): Result<Account> {
    const account = this.ctx.store.getAccount(uid);
    if (!account) return fail('UNKNOWN_USER', `No account with user id ${uid}.`);
    const next = { ...account, standing };
    this.ctx.store.putAccount(next);
    return ok(next);
  }

  dashboardLogin(userId: string, password: string): Result<{ token: string; account: Account; expiresAt: number }> {
    const account = this.ctx.store.getAccount(userId);
    // The same refusal for an unknown user and a wrong password: no account enumeration.
    if (!account || !this.ctx.secrets.matches(account.passwordHash, password)) return fail('INVALID_CREDENTIALS');
    const token = this.ctx.random.token('dashboard-token', 40);
    const expiresAt = this.ctx.clock.now() + DASHBOARD_SESSION_TTL_MS;
    this.ctx.store.putDashboardSession({ tokenHash: this.ctx.secrets.hash(token), uid: account.uid, expiresAt });
    return ok({ token, account, expiresAt });
  }

  dashboardAccount(token: string | undefined): Result<Account> {
    if (!token) return fail('DASHBOARD_AUTH_REQUIRED');
    const session = this.ctx.store.getDashboardSession(this.ctx.secrets.hash(token));
    if (!session || this.ctx.clock.now() >= session.expiresAt) return fail('DASHBOARD_AUTH_REQUIRED');
    const account = this.ctx.store.getAccount(session.uid);
    return account ? ok(account) : fail('DASHBOARD_AUTH_REQUIRED');
  }

  dashboardLogout(token: string | undefined): Result<Account> {
    const account = this.dashboardAccount(token);
    if (account.ok) this.ctx.store.deleteDashboardSession(this.ctx.secrets.hash(token!));
    return account;
  }

  /** Legacy step 1: an OTP to the registered mobile and e-mail; it replaces any earlier one. */
  generateLegacyOtp(uid: string): Result<Account> {
    const account = this.ctx.store.getAccount(uid);
    if (!account) return fail('UNKNOWN_USER');
    const previous = this.ctx.store.latestLegacyChallenge(uid);
    const issued = this.challenges.issue(account, 'legacy-secret-key', null);
    if (!issued.ok) return issued;
    // The earlier OTP can no longer be reached: it goes.
    if (previous) this.ctx.store.deleteChallenge(previous.id);
    return ok(account);
  }

  /** Legacy step 3: uid + the secret API key give an access token valid until 08:00 IST the next day. */
  generateAccessToken(uid: string, secretApiKey: string): Result<{ accessToken: string; expiresAt: number }> {
    const account = this.ctx.store.getAccount(uid);
    if (!account) return fail('UNKNOWN_USER');
    if (!account.legacySecretKeyHash || !this.ctx.secrets.matches(account.legacySecretKeyHash, secretApiKey)) return fail('SECRET_KEY_MISMATCH');
    const accessToken = this.ctx.random.token('access-token', 40);
    const expiresAt = next0800Ist(this.ctx.clock.now());
    this.ctx.store.putAccessToken({ tokenHash: this.ctx.secrets.hash(accessToken), uid, expiresAt });
    return ok({ accessToken, expiresAt });
  }

  /** The account behind a legacy IP call: the trading password is its only credential. */
  withPassword(uid: string, password: string): Result<Account> {
    const account = this.ctx.store.getAccount(uid);
    if (!account || !this.ctx.secrets.matches(account.passwordHash, password)) return fail('INCORRECT_PASSWORD');
    return ok(account);
  }

  /** Legacy step 2: with the OTP, a new secret API key is e-mailed; it never expires and replaces the old one. */
  generateLegacySecretKey(uid: string, otp: string): Result<Account> {
    const account = this.ctx.store.getAccount(uid);
    if (!account) return fail('UNKNOWN_USER');
    const challenge = this.ctx.store.latestLegacyChallenge(uid);
    if (!challenge) return fail('INVALID_OTP');
    const checked = this.challenges.check(challenge, otp);
    if (!checked.ok) return checked;
    const secretKey = this.ctx.random.token('secret-key', 32);
    this.challenges.markUsed(challenge);
    this.ctx.store.putAccount({ ...account, legacySecretKeyHash: this.ctx.secrets.hash(secretKey) });
    this.outbox.legacySecretKey(account, secretKey);
    return ok(account);
  }
}
