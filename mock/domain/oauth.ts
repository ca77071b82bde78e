import { createHash } from 'node:crypto';
import { oauthErrorOf } from '../../spec/errors.js';
import { OAUTH_RULES } from '../../spec/schemas/oauth.js';
import type { DomainContext } from './context.js';
import { fail, ok, type DomainError, type Result } from './result.js';
import type { Sessions } from './sessions.js';
import type { App, OAuthGrant, Session } from './types.js';

export { OAUTH_RULES };

type Params<K extends string> = Partial<Record<K, string>>;
export type AuthorizeParams = Params<'response_type' | 'client_id' | 'redirect_uri' | 'state' | 'code_challenge' | 'code_challenge_method' | 'scope'>;
export type TokenParams = Params<'grant_type' | 'code' | 'code_verifier' | 'redirect_uri' | 'refresh_token' | 'scope' | 'client_id' | 'client_secret'>;
export type RevokeParams = Params<'token' | 'token_type_hint' | 'client_id' | 'client_secret'>;
/** Credentials from an `Authorization: Basic` header, 'malformed' when it could not be decoded, null without one. */
export type BasicCredentials = { clientId: string; clientSecret: string } | 'malformed' | null;

export type AuthorizeRequest = { app: App; redirectUri: string; state: string | null; codeChallenge: string };

/**
 * What an authorization request comes to. `refused`: shown to the user, never sent to the
 * redirect URI, because the client or its redirect URI could not be trusted (RFC 6749 4.1.2.1).
 * `redirect`: the browser goes back to the client, with a code or an OAuth error.
 */
export type AuthorizeOutcome = { kind: 'consent'; request: AuthorizeRequest } | { kind: 'redirect'; location: string } | { kind: 'refused'; error: DomainError };

export type IssuedTokens = { accessToken: string; expiresIn: number; refreshToken: string; refreshExpiresIn: number; session: Session };

const s256 = (verifier: string) => createHash('sha256').update(verifier, 'ascii').digest('base64url');

/** The redirect URI with parameters added; a query the registered URI already has is kept (RFC 6749 3.1.2). */
function withParams(uri: string, params: Record<string, string | null>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) if (value !== null) url.searchParams.set(name, value);
  return url.toString();
}

/**
 * OAuth 2.1 authorization code with PKCE (S256 only) for the apps of the dashboard: the client id
 * is the app's API key, its secret the API secret, and the user consents by entering that secret.
 * Access tokens are ordinary sessions (x-session-token, 08:00 IST); refresh tokens rotate.
 */
export class OAuth {
  constructor(
    private readonly ctx: DomainContext,
    private readonly sessions: Sessions,
  ) {}

  /** Checks an authorization request in the order RFC 6749 prescribes: the client and redirect URI first, then the rest. */
  authorize(p: AuthorizeParams): AuthorizeOutcome {
    if (!p.client_id) return refused('OAUTH_INVALID_REQUEST', 'client_id is required.');
    const app = this.ctx.store.appByKeyHash(this.ctx.secrets.hash(p.client_id));
    if (!app || app.status !== 'Active') return refused('OAUTH_UNKNOWN_CLIENT');
    if (!p.redirect_uri) return refused('OAUTH_INVALID_REQUEST', 'redirect_uri is required.');
    if (p.redirect_uri !== app.redirectUrl) return refused('OAUTH_REDIRECT_MISMATCH');

    const state = p.state ?? null;
    const back = (code: DomainError['code'], description: string) => redirectError(p.redirect_uri!, state, code, description);
    if (!p.response_type) return back('OAUTH_INVALID_REQUEST', 'response_type is required.');
    if (p.response_type !== 'code') return back('OAUTH_UNSUPPORTED_RESPONSE_TYPE', 'response_type must be code.');
    if (!p.code_challenge) return back('OAUTH_INVALID_REQUEST', 'code_challenge is required: PKCE with S256.');
    if (p.code_challenge_method !== 'S256') return back('OAUTH_INVALID_REQUEST', 'code_challenge_method must be S256 (plain is not accepted).');
    if (!OAUTH_RULES.challenge.test(p.code_challenge)) return back('OAUTH_INVALID_REQUEST', 'code_challenge must be BASE64URL(SHA-256(code_verifier)): 43 characters of A-Z a-z 0-9 - _.');
    if (p.scope !== undefined && p.scope !== OAUTH_RULES.scope) return back('OAUTH_INVALID_SCOPE', `scope must be ${OAUTH_RULES.scope}, the only scope of a Trade API app.`);
    return { kind: 'consent', request: { app, redirectUri: p.redirect_uri, state, codeChallenge: p.code_challenge } };
  }

  /** The user's answer on the consent page: the request is checked again, then the API secret. */
  consent(p: AuthorizeParams, answer: { apiSecret?: string; decision?: 'approve' | 'deny' }): AuthorizeOutcome {
    const checked = this.authorize(p);
    if (checked.kind !== 'consent') return checked;
    const { app, redirectUri, state, codeChallenge } = checked.request;
    if (answer.decision === 'deny') return redirectError(redirectUri, state, 'OAUTH_ACCESS_DENIED', 'The user denied the authorization request.');
    if (!answer.apiSecret || !this.ctx.secrets.matches(app.apiSecretHash, answer.apiSecret)) return refused('OAUTH_CONSENT_SECRET');

    const now = this.ctx.clock.now();
    const code = this.ctx.random.bytes('oauth-code', 32).toString('base64url');
    const grant: OAuthGrant = {
      id: this.ctx.random.uuid('oauth-grant'),
      appId: app.id,
      uid: app.uid,
      codeHash: this.ctx.secrets.hash(code),
      codeChallenge,
      redirectUri,
      createdAt: now,
      codeExpiresAt: now + OAUTH_RULES.codeTtlMs,
      codeUsedAt: null,
      expiresAt: now + OAUTH_RULES.codeTtlMs,
      revokedAt: null,
      revokedReason: null,
    };
    this.ctx.store.putGrant(grant);
    return { kind: 'redirect', location: withParams(redirectUri, { code, state }) };
  }

  /** POST /oauth/token: the authorization_code and refresh_token grants, for an authenticated client. */
  token(p: TokenParams, basic: BasicCredentials, srcIp: string): Result<IssuedTokens> {
    const client = this.client(p, basic);
    if (!client.ok) return client;
    if (!p.grant_type) return fail('OAUTH_INVALID_REQUEST', 'grant_type is required.');
    if (p.grant_type === 'authorization_code') return this.exchangeCode(client.value, p, srcIp);
    if (p.grant_type === 'refresh_token') return this.refresh(client.value, p, srcIp);
    return fail('OAUTH_UNSUPPORTED_GRANT_TYPE', `Unsupported grant_type ${JSON.stringify(p.grant_type)}: use authorization_code or refresh_token.`);
  }

  private exchangeCode(app: App, p: TokenParams, srcIp: string): Result<IssuedTokens> {
    if (!p.code) return fail('OAUTH_INVALID_REQUEST', 'code is required.');
    if (!p.code_verifier) return fail('OAUTH_INVALID_REQUEST', 'code_verifier is required (PKCE).');
    if (!OAUTH_RULES.verifier.test(p.code_verifier)) return fail('OAUTH_INVALID_REQUEST', 'code_verifier must be 43-128 characters of A-Z a-z 0-9 - . _ ~.');
    const grant = this.ctx.store.grantByCodeHash(this.ctx.secrets.hash(p.code));
    if (!grant) return fail('OAUTH_INVALID_GRANT', 'Invalid authorization code.');
    if (grant.appId !== app.id) return fail('OAUTH_INVALID_GRANT', 'The authorization code was issued to another client.');
    if (grant.codeUsedAt !== null) {
      // OAuth 2.1 section 4.1.3: a code presented twice revokes what it issued.
      this.sessions.revokeGrant(grant, 'code-reused');
      return fail('OAUTH_INVALID_GRANT', 'The authorization code was already used: every token issued from it is now revoked.');
    }
    if (grant.revokedAt !== null) return fail('OAUTH_INVALID_GRANT', 'The authorization was revoked: the app was deactivated or its API key or secret regenerated.');
    if (this.ctx.clock.now() >= grant.codeExpiresAt) return fail('OAUTH_INVALID_GRANT', `The authorization code has expired (codes are valid ${OAUTH_RULES.codeTtlMs / 60_000} minutes).`);
    if (p.redirect_uri !== undefined && p.redirect_uri !== grant.redirectUri) return fail('OAUTH_INVALID_GRANT', 'redirect_uri differs from the one of the authorization request.');
    if (s256(p.code_verifier) !== grant.codeChallenge) return fail('OAUTH_INVALID_GRANT', 'code_verifier does not match the code_challenge of the authorization request.');
    return ok(this.issue(app, { ...grant, codeUsedAt: this.ctx.clock.now() }, srcIp));
  }

  private refresh(app: App, p: TokenParams, srcIp: string): Result<IssuedTokens> {
    if (!p.refresh_token) return fail('OAUTH_INVALID_REQUEST', 'refresh_token is required.');
    if (p.scope !== undefined && p.scope !== OAUTH_RULES.scope) return fail('OAUTH_INVALID_SCOPE', `scope must be ${OAUTH_RULES.scope}.`);
    const { store } = this.ctx;
    const token = store.getRefreshToken(this.ctx.secrets.hash(p.refresh_token));
    const grant = token && store.getGrant(token.grantId);
    if (!token || !grant) return fail('OAUTH_INVALID_GRANT', 'Invalid refresh token.');
    if (grant.appId !== app.id) return fail('OAUTH_INVALID_GRANT', 'The refresh token was issued to another client.');
    if (grant.revokedAt !== null) return fail('OAUTH_INVALID_GRANT', 'The refresh token was revoked.');
    if (token.replacedAt !== null) {
      // A rotated refresh token presented again means it leaked: the whole authorization ends.
      this.sessions.revokeGrant(grant, 'refresh-reused');
      return fail('OAUTH_INVALID_GRANT', 'The refresh token was already used (each is single use): every token of this authorization is now revoked.');
    }
    if (this.ctx.clock.now() >= token.expiresAt) return fail('OAUTH_INVALID_GRANT', `The refresh token has expired (refresh tokens are valid ${OAUTH_RULES.refreshTtlMs / 86_400_000} days).`);
    store.putRefreshToken({ ...token, replacedAt: this.ctx.clock.now() });
    return ok(this.issue(app, grant, srcIp));
  }

  /** A new access token (a session of the app, tied to the grant) and a new refresh token. */
  private issue(app: App, grant: OAuthGrant, srcIp: string): IssuedTokens {
    const { store, secrets, clock, random } = this.ctx;
    const now = clock.now();
    const account = store.getAccount(app.uid)!;
    const { sessionToken, session } = this.sessions.issueForGrant(account, app.id, grant.id, srcIp);
    const refreshToken = random.bytes('oauth-refresh', 32).toString('base64url');
    const refreshExpiresAt = now + OAUTH_RULES.refreshTtlMs;
    store.putRefreshToken({ tokenHash: secrets.hash(refreshToken), grantId: grant.id, createdAt: now, expiresAt: refreshExpiresAt, replacedAt: null });
    store.putGrant({ ...grant, expiresAt: Math.max(grant.expiresAt, refreshExpiresAt) });
    return {
      accessToken: sessionToken,
      expiresIn: Math.floor((session.expiresAt - now) / 1000),
      refreshToken,
      refreshExpiresIn: OAUTH_RULES.refreshTtlMs / 1000,
      session,
    };
  }

  /**
   * RFC 7009: ends an access token, or a refresh token with its whole authorization. An unknown
   * token is not an error (the client's goal, a dead token, is met); another client's token is.
   */
  revoke(p: RevokeParams, basic: BasicCredentials): Result<void> {
    const client = this.client(p, basic);
    if (!client.ok) return client;
    if (!p.token) return fail('OAUTH_INVALID_REQUEST', 'token is required.');
    const { store, secrets } = this.ctx;
    const hash = secrets.hash(p.token);
    const refresh = store.getRefreshToken(hash);
    const grant = refresh && store.getGrant(refresh.grantId);
    if (grant) {
      if (grant.appId !== client.value.id) return fail('OAUTH_FOREIGN_TOKEN');
      this.sessions.revokeGrant(grant, 'token-revoked');
      return ok(undefined);
    }
    const session = store.getSession(hash);
    if (session) {
      if (session.appId !== client.value.id) return fail('OAUTH_FOREIGN_TOKEN');
      this.sessions.revokeSession(session, 'token-revoked');
    }
    return ok(undefined);
  }

  /** Client authentication (RFC 6749 2.3.1): HTTP Basic or client_id and client_secret in the body, never both. */
  private client(p: { client_id?: string; client_secret?: string }, basic: BasicCredentials): Result<App> {
    if (basic === 'malformed') return fail('OAUTH_INVALID_CLIENT', 'Malformed Authorization header: expected Basic base64(client_id:client_secret).');
    if (basic && p.client_secret !== undefined) return fail('OAUTH_INVALID_REQUEST', 'Use one client authentication method: the Authorization header or client_secret in the body, not both.');
    if (basic && p.client_id !== undefined && p.client_id !== basic.clientId) return fail('OAUTH_INVALID_CLIENT', 'client_id in the body differs from the one in the Authorization header.');
    const id = basic ? basic.clientId : p.client_id;
    const secret = basic ? basic.clientSecret : p.client_secret;
    if (!id || secret === undefined) {
      return fail('OAUTH_INVALID_CLIENT', 'Client authentication required: HTTP Basic with client_id = API key and client_secret = API secret, or both in the body.');
    }
    const app = this.ctx.store.appByKeyHash(this.ctx.secrets.hash(id));
    if (!app || app.status !== 'Active' || !this.ctx.secrets.matches(app.apiSecretHash, secret)) return fail('OAUTH_INVALID_CLIENT');
    return ok(app);
  }
}

function refused(code: DomainError['code'], message?: string): AuthorizeOutcome {
  return { kind: 'refused', error: { code, message } };
}

function redirectError(redirectUri: string, state: string | null, code: DomainError['code'], description: string): AuthorizeOutcome {
  return { kind: 'redirect', location: withParams(redirectUri, { error: oauthErrorOf(code), error_description: description, state }) };
}

