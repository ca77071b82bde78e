import { createHmac } from 'node:crypto';
import type { DomainContext } from './context.js';
import { next0800Ist } from './ist.js';
import { fail, ok, type Result } from './result.js';
import { checkStanding, type TradingBackend } from './trading-backend.js';
import type { Account, App, OAuthGrant, RevokeReason, Session } from './types.js';
import { CREDENTIAL_RULES } from '../../spec/schemas/credentials.js';

export const TRADING_LISTS = {
  exchangeList: ['NSE', 'BSE', 'NFO', 'MCX', 'CDS'],
  orderTypeList: ['L', 'MKT', 'SL', 'SL-M'],
  productList: ['CNC', 'MIS', 'NRML'],
};

const REVOKED_MESSAGE: Record<RevokeReason, string> = {
  logout: 'Session ended by logout. Generate a new session token.',
  'app-deactivated': 'Session revoked: the app was deactivated.',
  'key-regenerated': 'Session revoked: the API key of the app was regenerated.',
  'secret-regenerated': 'Session revoked: the API secret of the app was regenerated.',
  'token-revoked': 'Session revoked: the token was revoked at /oauth/revoke.',
  'code-reused': 'Session revoked: an authorization code of its app was presented again (EOAUTH012 revokes every token of the app for the user).',
  refreshed: 'Session ended: its refresh token was used, and the new access_token replaces this one.',
};

export type IssuedSession = { sessionToken: string; session: Session; account: Account; app: App };
export type Authenticated = { session: Session; account: Account };

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Trade API sessions: issued from an app's key and secret, valid until 08:00 IST, revoked with the app's credentials. */
export class Sessions {
  constructor(
    private readonly ctx: DomainContext,
    private readonly backend: TradingBackend,
  ) {}

  /**
   * POST /session/token, checked in Samco's published order: both fields, the key (and whether its
   * app is active), the secret's form, the secret, the account's standing; then the trading
   * backend starts the session.
   */
  async fromApiKey(apiKey: string | undefined, apiSecret: string | undefined, srcIp: string): Promise<Result<IssuedSession>> {
    const checked = this.checkApiKey(apiKey, apiSecret);
    if (!checked.ok) return checked;
    if (!(await this.backend.startSession(checked.value.account.uid))) return fail('TRADING_SESSION_FAILED');
    // The app or the account may have changed while the backend worked: checked again before issuing.
    const again = this.checkApiKey(apiKey, apiSecret);
    if (!again.ok) return again;
    const { account, app } = again.value;
    return ok({ ...this.issue(account, app.id, srcIp), app });
  }

  private checkApiKey(apiKey: string | undefined, apiSecret: string | undefined): Result<{ app: App; account: Account }> {
    const { store, secrets } = this.ctx;
    if (!apiKey || !apiSecret) return fail('API_CREDENTIALS_REQUIRED');
    const app = store.appByKeyHash(secrets.hash(apiKey));
    if (!app) return fail('INVALID_API_KEY');
    if (app.status !== 'Active') return fail('INACTIVE_API_KEY');
    if (!CREDENTIAL_RULES.secretFormat.test(apiSecret)) return fail('INVALID_API_SECRET_FORMAT');
    if (!secrets.matches(app.apiSecretHash, apiSecret)) return fail('INVALID_API_SECRET');
    const account = store.getAccount(app.uid);
    if (!account) return fail('INVALID_API_KEY');
    const standing = checkStanding(account);
    return standing.ok ? ok({ app, account }) : standing;
  }

  /** Legacy login: password, year of birth (when given) and a live access token of the same user. */
  fromAccessToken(input: { userId: string; password: string; yob?: string; accessToken: string }, srcIp: string): Result<{ sessionToken: string; session: Session; account: Account }> {
    const { store, secrets, clock } = this.ctx;
    const account = store.getAccount(input.userId);
    if (!account || !secrets.matches(account.passwordHash, input.password)) return fail('LEGACY_INVALID_PASSWORD');
    if (input.yob !== undefined && input.yob !== account.yob) return fail('LEGACY_INVALID_YOB');
    const token = store.getAccessToken(secrets.hash(input.accessToken));
    if (!token || token.uid !== account.uid || clock.now() >= token.expiresAt) return fail('ACCESS_TOKEN_INVALID');
    return ok(this.issue(account, null, srcIp));
  }

  /** A session JWT valid until the next 08:00 IST, stored only as its hash; an OAuth access token names its grant. */
  issue(account: Account, appId: string | null, srcIp: string, grantId?: string): { sessionToken: string; session: Session; account: Account } {
    const { store, secrets } = this.ctx;
    const now = this.ctx.clock.now();
    const tokenId = this.ctx.random.uuid('token-id');
    const expiresAt = next0800Ist(now);
    const header = b64url({ alg: 'HS256', typ: 'JWT' });
    const payload = b64url({ sub: account.uid, sessId: tokenId, app: appId, iat: Math.floor(now / 1000), exp: Math.floor(expiresAt / 1000) });
    const signature = createHmac('sha256', this.jwtKey()).update(`${header}.${payload}`).digest('base64url');
    const sessionToken = `${header}.${payload}.${signature}`;
    const session: Session = {
      tokenId,
      tokenHash: secrets.hash(sessionToken),
      uid: account.uid,
      appId,
      createdAt: now,
      expiresAt,
      revokedAt: null,
      revokedReason: null,
      srcIp,
      ...(grantId ? { grantId } : {}),
    };
    store.putSession(session);
    return { sessionToken, session, account };
  }

  /** Drawn from the seed once, then kept in the store: a restart or another replica signs with the same key. */
  private jwtKey(): Buffer {
    const { store } = this.ctx;
    const kept = store.signingKey('jwt');
    if (kept !== undefined) return Buffer.from(kept, 'base64');
    const key = this.ctx.random.bytes('jwt-key', 32);
    store.putSigningKey('jwt', key.toString('base64'));
    return key;
  }

  authenticate(token: string | undefined): Result<Authenticated> {
    if (!token) return fail('SESSION_REQUIRED');
    const session = this.ctx.store.getSession(this.ctx.secrets.hash(token));
    if (!session) return fail('SESSION_INVALID');
    if (session.revokedReason !== null) return fail('SESSION_REVOKED', REVOKED_MESSAGE[session.revokedReason]);
    if (this.ctx.clock.now() >= session.expiresAt) return fail('SESSION_EXPIRED');
    const account = this.ctx.store.getAccount(session.uid);
    if (!account) return fail('SESSION_INVALID');
    return ok({ session, account });
  }

  logout(token: string | undefined): Result<Session> {
    const auth = this.authenticate(token);
    if (!auth.ok) return auth;
    this.revoke(auth.value.session, 'logout');
    return ok(auth.value.session);
  }

  /** Ends every session of an app at once, and every OAuth grant (its unused code and refresh tokens). */
  revokeApp(appId: string, reason: RevokeReason): void {
    for (const session of this.ctx.store.sessionsOfApp(appId)) this.revokeSession(session, reason);
    for (const grant of this.ctx.store.grantsOfApp(appId)) this.endGrant(grant, reason);
  }

  /** Ends an OAuth grant: its code, its refresh tokens and every access token issued from it. */
  revokeGrant(grant: OAuthGrant, reason: RevokeReason): void {
    this.endGrant(grant, reason);
    for (const session of this.ctx.store.sessionsOfApp(grant.appId)) {
      if (session.grantId === grant.id) this.revokeSession(session, reason);
    }
  }

  private endGrant(grant: OAuthGrant, reason: RevokeReason) {
    if (grant.revokedAt === null) this.ctx.store.putGrant({ ...grant, revokedAt: this.ctx.clock.now(), revokedReason: reason });
  }

  revokeSession(session: Session, reason: RevokeReason): void {
    if (session.revokedAt === null) this.revoke(session, reason);
  }

  private revoke(session: Session, reason: RevokeReason) {
    this.ctx.store.putSession({ ...session, revokedAt: this.ctx.clock.now(), revokedReason: reason });
  }
}
