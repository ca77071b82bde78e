import { createHmac } from 'node:crypto';
import type { DomainContext } from './context.js';
import { next0800Ist } from './ist.js';
import { fail, ok, type Result } from './result.js';
import type { Account, App, OAuthGrant, RevokeReason, Session } from './types.js';

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
  'code-reused': 'Session revoked: the authorization code it came from was presented again.',
  'refresh-reused': 'Session revoked: a used refresh token of its authorization was presented again.',
};

export type IssuedSession = { sessionToken: string; session: Session; account: Account; app: App };
export type Authenticated = { session: Session; account: Account };

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Trade API sessions: issued from an app's key and secret, valid until 08:00 IST, revoked with the app's credentials. */
export class Sessions {
  constructor(private readonly ctx: DomainContext) {}

  private key: Buffer | undefined;

  fromApiKey(apiKey: string, apiSecret: string, srcIp: string): Result<IssuedSession> {
    const { store, secrets } = this.ctx;
    const app = store.appByKeyHash(secrets.hash(apiKey));
    // The real service's order: the key (and whether its app is active) first, then the secret.
    if (!app) return fail('INVALID_API_KEY');
    if (app.status !== 'Active') return fail('INACTIVE_API_KEY');
    if (!secrets.matches(app.apiSecretHash, apiSecret)) return fail('INVALID_API_SECRET');
    const account = store.getAccount(app.uid);
    if (!account) return fail('INVALID_API_KEY');
    return ok({ ...this.issue(account, app.id, srcIp), app });
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

  /** An OAuth access token: a session of the app, tied to the grant that issued it. */
  issueForGrant(account: Account, appId: string, grantId: string, srcIp: string) {
    return this.issue(account, appId, srcIp, grantId);
  }

  /** A session JWT valid until the next 08:00 IST, stored only as its hash. */
  private issue(account: Account, appId: string | null, srcIp: string, grantId?: string): { sessionToken: string; session: Session; account: Account } {
    const { store, secrets } = this.ctx;
    const now = this.ctx.clock.now();
    const tokenId = this.ctx.random.uuid('token-id');
    const expiresAt = next0800Ist(now);
    const header = b64url({ alg: 'HS256', typ: 'JWT' });
    const payload = b64url({ sub: account.uid, app: appId, jti: tokenId, iat: Math.floor(now / 1000), exp: Math.floor(expiresAt / 1000) });
    const signature = createHmac('sha256', this.jwtKey()).update(`${header}.${payload}`).digest('base64url');
    const sessionToken = `${header}.${payload}.${signature}`;
    const session: Session = { tokenId, tokenHash: secrets.hash(sessionToken), uid: account.uid, appId, createdAt: now, expiresAt, revokedAt: null, revokedReason: null, srcIp, ...(grantId ? { grantId } : {}) };
    store.putSession(session);
    return { sessionToken, session, account };
  }

  private jwtKey(): Buffer {
    this.key ??= this.ctx.random.bytes('jwt-key', 32);
    return this.key;
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

  /** After a reset the seeded signing key is drawn again, so tokens repeat with the seed. */
  reset() {
    this.key = undefined;
  }
}
