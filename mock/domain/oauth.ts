import { OAUTH_RULES } from '../../spec/schemas/oauth.js';
import type { DomainContext } from './context.js';
import { fail, ok, type Result } from './result.js';
import type { Sessions } from './sessions.js';
import type { StaticIps } from './static-ips.js';
import { checkStanding, type TradingBackend } from './trading-backend.js';
import type { Account, App, OAuthGrant, Session } from './types.js';
import { CREDENTIAL_RULES } from '../../spec/schemas/credentials.js';

export { OAUTH_RULES };

type Params<K extends string> = Partial<Record<K, string>>;
export type AuthorizeParams = Params<'api_key' | 'redirect_url' | 'state' | 'scopes'>;
export type AuthenticateParams = AuthorizeParams & Params<'api_secret'>;
export type TokenParams = Params<'grant_type' | 'code' | 'refresh_token'>;
export type RevokeParams = Params<'token' | 'token_type'>;

/** A validated authorization request: what the consent page shows. */
export type AuthorizeRequest = { app: App; apiKey: string; redirectUrl: string; state: string; scopes: string };

export type IssuedTokens = { accessToken: string; refreshToken: string; grant: OAuthGrant; session: Session; account: Account };

/** Where a code stands: issued by authenticate, exchanging while the trading backend starts the session, used once exchanged. */
export type CodeState = 'issued' | 'exchanging' | 'used';

/**
 * Samco's OAuth 2.1 authorization-code flow as published: GET /oauth/authorize validates,
 * POST /oauth/authenticate takes the app's API secret and issues a 10-minute single-use code,
 * POST /oauth/token exchanges it (the code is the only credential) and refreshes with rotation,
 * POST /oauth/revoke ends a whole OAuth session. Access tokens are ordinary sessions.
 */
export class OAuth {
  /** Codes whose exchange is waiting on the trading backend: the compare-and-swap behind EOAUTH030. */
  private readonly exchanging = new Set<string>();

  constructor(
    private readonly ctx: DomainContext,
    private readonly sessions: Sessions,
    private readonly staticIps: StaticIps,
    private readonly backend: TradingBackend,
  ) {}

  /** GET /oauth/authorize: the api_key (EOAUTH001), the redirect_url (EOAUTH002), the scopes (EOAUTH003). */
  authorize(p: AuthorizeParams): Result<AuthorizeRequest> {
    const app = this.appOf(p);
    if (!app.ok) return app;
    const scopes = resolveScopes(p.scopes);
    if (scopes === null) return fail('OAUTH_INVALID_SCOPES');
    return ok({ app: app.value, apiKey: p.api_key!, redirectUrl: p.redirect_url!, state: p.state ?? '', scopes });
  }

  /** The first two checks of authorize and authenticate: the api_key (EOAUTH001), then the redirect_url (EOAUTH002). */
  private appOf(p: AuthorizeParams): Result<App> {
    if (!p.api_key) return fail('OAUTH_API_KEY_REQUIRED');
    const app = this.ctx.store.appByKeyHash(this.ctx.secrets.hash(p.api_key));
    if (!app) return fail('INVALID_API_KEY');
    if (app.status !== 'Active') return fail('INACTIVE_API_KEY');
    if (!p.redirect_url) return fail('OAUTH_REDIRECT_REQUIRED');
    if (p.redirect_url !== app.redirectUrl) return fail('OAUTH_REDIRECT_MISMATCH');
    return ok(app);
  }

  /**
   * POST /oauth/authenticate, checks in the published order: api_key, redirect_url, api_secret,
   * the app's static IPs (when it has any), scopes; then the account's standing. Issues the code.
   */
  authenticate(p: AuthenticateParams, srcIp: string): Result<{ redirectTo: string; code: string }> {
    const found = this.appOf(p);
    if (!found.ok) return found;
    const app = found.value;
    if (!p.api_secret) return fail('OAUTH_API_SECRET_REQUIRED');
    if (!CREDENTIAL_RULES.secretFormat.test(p.api_secret)) return fail('INVALID_API_SECRET_FORMAT');
    if (!this.ctx.secrets.matches(app.apiSecretHash, p.api_secret)) return fail('INVALID_API_SECRET');
    if (!this.staticIps.allowsOAuth(app.uid, app.id, srcIp)) return fail('OAUTH_IP_NOT_ALLOWED');
    const scopes = resolveScopes(p.scopes);
    if (scopes === null) return fail('OAUTH_INVALID_SCOPES');
    const account = this.account(app);
    if (!account.ok) return account;

    const now = this.ctx.clock.now();
    const code = this.ctx.random.bytes('oauth-code', OAUTH_RULES.codeBytes).toString('base64url');
    this.ctx.store.putGrant({
      id: this.ctx.random.bytes('oauth-session', 16).toString('hex'),
      appId: app.id,
      uid: app.uid,
      codeHash: this.ctx.secrets.hash(code),
      redirectUrl: app.redirectUrl,
      scopes,
      createdAt: now,
      codeExpiresAt: now + OAUTH_RULES.codeTtlMs,
      codeUsedAt: null,
      expiresAt: now + OAUTH_RULES.codeTtlMs,
      revokedAt: null,
      revokedReason: null,
    });
    const target = new URL(app.redirectUrl);
    target.searchParams.set('code', code);
    if (p.state) target.searchParams.set('state', p.state);
    return ok({ redirectTo: target.toString(), code });
  }

  /** Where the code stands (for tests and the state machine): undefined when no such code was issued. */
  codeState(code: string): CodeState | undefined {
    const hash = this.ctx.secrets.hash(code);
    const grant = this.ctx.store.grantByCodeHash(hash);
    if (!grant) return undefined;
    if (grant.codeUsedAt !== null) return 'used';
    return this.exchanging.has(hash) ? 'exchanging' : 'issued';
  }

  /** POST /oauth/token: grant_type authorization_code (the code alone) or refresh_token (rotation). */
  async token(p: TokenParams, srcIp: string): Promise<Result<IssuedTokens>> {
    if (p.grant_type === 'authorization_code') return this.exchangeCode(p.code, srcIp);
    if (p.grant_type === 'refresh_token') return this.refresh(p.refresh_token, srcIp);
    return fail('OAUTH_GRANT_TYPE');
  }

  private async exchangeCode(code: string | undefined, srcIp: string): Promise<Result<IssuedTokens>> {
    if (!code) return fail('OAUTH_CODE_REQUIRED');
    const hash = this.ctx.secrets.hash(code);
    const checked = this.checkCode(hash, srcIp);
    if (!checked.ok) return checked;
    // The claim: a second exchange of this code while the backend works is told to retry (EOAUTH030).
    this.exchanging.add(hash);
    let started: boolean;
    try {
      started = await this.backend.startSession(checked.value.uid);
    } finally {
      this.exchanging.delete(hash);
    }
    // A failed backend leaves the code as it was: a retry within its 10 minutes may still succeed.
    if (!started) return fail('OAUTH_BACKEND_UNAVAILABLE');
    const again = this.checkCode(hash, srcIp);
    if (!again.ok) return again;
    const grant = { ...again.value, codeUsedAt: this.ctx.clock.now() };
    return ok(this.issue(grant, srcIp));
  }

  /** The code's refusals, in order: unknown (011), being exchanged (030), used (012, revoking), expired (013), IP (009), standing. */
  private checkCode(hash: string, srcIp: string): Result<OAuthGrant> {
    const grant = this.ctx.store.grantByCodeHash(hash);
    if (!grant) return fail('OAUTH_CODE_NOT_FOUND');
    if (this.exchanging.has(hash)) return fail('OAUTH_EXCHANGE_IN_PROGRESS');
    if (grant.codeUsedAt !== null) {
      // A replay: every token issued under this api_key for this user ends, as Samco does.
      this.sessions.revokeApp(grant.appId, 'code-reused');
      return fail('OAUTH_CODE_USED');
    }
    // A code of an app deactivated, or whose key or secret was regenerated since, no longer exists.
    if (grant.revokedAt !== null) return fail('OAUTH_CODE_NOT_FOUND');
    if (this.ctx.clock.now() >= grant.codeExpiresAt) return fail('OAUTH_CODE_EXPIRED');
    return this.checkCaller(grant, srcIp);
  }

  private async refresh(refreshToken: string | undefined, srcIp: string): Promise<Result<IssuedTokens>> {
    if (!refreshToken) return fail('OAUTH_REFRESH_REQUIRED');
    const hash = this.ctx.secrets.hash(refreshToken);
    const checked = this.checkRefresh(hash, srcIp);
    if (!checked.ok) return checked;
    if (!(await this.backend.startSession(checked.value.uid))) return fail('OAUTH_BACKEND_UNAVAILABLE');
    const again = this.checkRefresh(hash, srcIp);
    if (!again.ok) return again;
    const now = this.ctx.clock.now();
    this.ctx.store.putRefreshToken({ ...this.ctx.store.getRefreshToken(hash)!, replacedAt: now });
    // The new pair replaces the old one: the previous access token of this session ends with it.
    for (const session of this.ctx.store.sessionsOfApp(again.value.appId)) {
      if (session.grantId === again.value.id) this.sessions.revokeSession(session, 'refreshed');
    }
    return ok(this.issue(again.value, srcIp));
  }

  /** Unknown, used or revoked (016, nothing else revoked), expired (017), IP (009), standing. */
  private checkRefresh(hash: string, srcIp: string): Result<OAuthGrant> {
    const { store } = this.ctx;
    const token = store.getRefreshToken(hash);
    const grant = token && store.getGrant(token.grantId);
    if (!token || !grant || token.replacedAt !== null || grant.revokedAt !== null) return fail('OAUTH_REFRESH_INVALID');
    if (this.ctx.clock.now() >= token.expiresAt) return fail('OAUTH_REFRESH_EXPIRED');
    return this.checkCaller(grant, srcIp);
  }

  /** The token endpoint enforces the app's static IPs (EOAUTH009) and the account's standing. */
  private checkCaller(grant: OAuthGrant, srcIp: string): Result<OAuthGrant> {
    if (!this.staticIps.allowsOAuth(grant.uid, grant.appId, srcIp)) return fail('OAUTH_IP_NOT_ALLOWED');
    const account = this.ctx.store.getAccount(grant.uid);
    if (!account) return fail('OAUTH_CODE_NOT_FOUND');
    const standing = checkStanding(account);
    return standing.ok ? ok(grant) : standing;
  }

  /** A new access token (a session of the app, tied to the OAuth session) and a new refresh token. */
  private issue(grant: OAuthGrant, srcIp: string): IssuedTokens {
    const { store, secrets, clock, random } = this.ctx;
    const now = clock.now();
    const account = store.getAccount(grant.uid)!;
    const { sessionToken, session } = this.sessions.issue(account, grant.appId, srcIp, grant.id);
    const refreshToken = random.bytes('oauth-refresh', 32).toString('base64url');
    const refreshExpiresAt = now + OAUTH_RULES.refreshTtlMs;
    store.putRefreshToken({ tokenHash: secrets.hash(refreshToken), grantId: grant.id, createdAt: now, expiresAt: refreshExpiresAt, replacedAt: null });
    const updated = { ...grant, expiresAt: Math.max(grant.expiresAt, refreshExpiresAt) };
    store.putGrant(updated);
    return { accessToken: sessionToken, refreshToken, grant: updated, session, account };
  }

  /**
   * POST /oauth/revoke: either token ends its whole session (the OAuth session, or a direct
   * session token alone). Idempotent: an unknown or already revoked token gets the same answer.
   */
  revoke(p: RevokeParams): Result<void> {
    if (!p.token) return fail('OAUTH_TOKEN_REQUIRED');
    if (p.token_type && p.token_type !== 'access_token' && p.token_type !== 'refresh_token') return fail('OAUTH_TOKEN_TYPE');
    const { store, secrets } = this.ctx;
    const hash = secrets.hash(p.token);
    const refresh = store.getRefreshToken(hash);
    const session = refresh ? undefined : store.getSession(hash);
    const grant = store.getGrant(refresh?.grantId ?? session?.grantId ?? '');
    if (grant) this.sessions.revokeGrant(grant, 'token-revoked');
    else if (session) this.sessions.revokeSession(session, 'token-revoked');
    return ok(undefined);
  }

  private account(app: App): Result<Account> {
    const account = this.ctx.store.getAccount(app.uid);
    if (!account) return fail('INVALID_API_KEY');
    return checkStanding(account);
  }
}

/** Comma-separated scopes, each one of the app's; none means the default. Null when one is not the app's. */
function resolveScopes(raw: string | undefined): string | null {
  const requested = [
    ...new Set(
      (raw ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (requested.length === 0) return OAUTH_RULES.defaultScopes;
  const allowed: readonly string[] = OAUTH_RULES.appScopes;
  return requested.every((s) => allowed.includes(s)) ? requested.join(',') : null;
}
