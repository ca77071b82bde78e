import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { OAUTH_RULES, type AuthorizeOutcome, type AuthorizeParams } from '../../mock/domain/oauth.js';
import type { SandboxDomain } from '../../mock/domain/domain.js';
import type { Account } from '../../mock/domain/types.js';
import { createApp, makeDomain, openAccount, runAction } from '../helpers.js';

const REDIRECT = 'https://example.com/cb';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');
const IP = '49.36.10.20';

const redirectOf = (outcome: AuthorizeOutcome) => {
  if (outcome.kind !== 'redirect') throw new Error(`expected a redirect, got ${outcome.kind}`);
  return new URL(outcome.location);
};
const refusal = (outcome: AuthorizeOutcome) => (outcome.kind === 'refused' ? outcome.error.code : `not refused: ${outcome.kind}`);

describe('OAuth 2.1 authorization code with PKCE', () => {
  let domain: SandboxDomain;
  let account: Account;
  let client: ReturnType<typeof createApp>;
  let params: AuthorizeParams;

  beforeEach(() => {
    domain = makeDomain();
    account = openAccount(domain);
    client = createApp(domain, account, 'Partner App', REDIRECT);
    params = { response_type: 'code', client_id: client.apiKey, redirect_uri: REDIRECT, state: 'xyz-state', code_challenge: CHALLENGE, code_challenge_method: 'S256' };
  });

  const basic = () => ({ clientId: client.apiKey, clientSecret: client.apiSecret });
  const code = (p: AuthorizeParams = params) => {
    const url = redirectOf(domain.oauth.consent(p, { apiSecret: client.apiSecret }));
    return url.searchParams.get('code')!;
  };
  const exchange = (c: string, extra: Record<string, string> = {}) =>
    domain.oauth.token({ grant_type: 'authorization_code', code: c, code_verifier: VERIFIER, ...extra }, basic(), IP);
  const tokens = () => {
    const issued = exchange(code());
    if (!issued.ok) throw new Error(issued.error.code);
    return issued.value;
  };

  describe('authorize', () => {
    it('shows the consent for a valid request, naming the app', () => {
      const outcome = domain.oauth.authorize(params);
      expect(outcome.kind).toBe('consent');
      if (outcome.kind === 'consent') expect(outcome.request).toMatchObject({ redirectUri: REDIRECT, state: 'xyz-state', app: { name: 'Partner App' } });
    });

    it('never redirects when the client or the redirect URI cannot be trusted', () => {
      expect(refusal(domain.oauth.authorize({ ...params, client_id: undefined }))).toBe('OAUTH_INVALID_REQUEST');
      expect(refusal(domain.oauth.authorize({ ...params, client_id: 'no-such-key' }))).toBe('OAUTH_UNKNOWN_CLIENT');
      expect(refusal(domain.oauth.authorize({ ...params, redirect_uri: undefined }))).toBe('OAUTH_INVALID_REQUEST');
      for (const other of ['https://example.com/cb/', 'https://example.com:8443/cb', 'http://example.com/cb', 'https://EXAMPLE.com/cb', 'https://example.com/cb?x=1', 'https://evil.example/cb']) {
        expect(refusal(domain.oauth.authorize({ ...params, redirect_uri: other })), other).toBe('OAUTH_REDIRECT_MISMATCH');
      }
    });

    it('refuses a deactivated app as an unknown client', () => {
      expect(runAction(domain, account, client.app.id, 'deactivate').ok).toBe(true);
      expect(refusal(domain.oauth.authorize(params))).toBe('OAUTH_UNKNOWN_CLIENT');
    });

    it.each([
      [{ response_type: undefined }, 'invalid_request', 'response_type is required'],
      [{ response_type: 'token' }, 'unsupported_response_type', 'must be code'],
      [{ code_challenge: undefined }, 'invalid_request', 'code_challenge is required'],
      [{ code_challenge_method: undefined }, 'invalid_request', 'must be S256'],
      [{ code_challenge_method: 'plain' }, 'invalid_request', 'must be S256'],
      [{ code_challenge: 'too-short' }, 'invalid_request', '43 characters'],
      [{ scope: 'read' }, 'invalid_scope', 'scope must be all'],
    ])('redirects %j back with error=%s and the state', (change, error, description) => {
      const url = redirectOf(domain.oauth.authorize({ ...params, ...change }));
      expect(url.origin + url.pathname).toBe(REDIRECT);
      expect(url.searchParams.get('error')).toBe(error);
      expect(url.searchParams.get('error_description')).toContain(description);
      expect(url.searchParams.get('state')).toBe('xyz-state');
      expect(url.searchParams.has('code')).toBe(false);
    });
  });

  describe('consent', () => {
    it('redirects with a code and the same state when the API secret is right', () => {
      const url = redirectOf(domain.oauth.consent(params, { apiSecret: client.apiSecret }));
      expect(url.origin + url.pathname).toBe(REDIRECT);
      expect(url.searchParams.get('state')).toBe('xyz-state');
      expect(url.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('keeps a query the registered redirect URL has, and leaves state out when none was sent', () => {
      const withQuery = createApp(domain, account, 'Query App', 'https://example.com/cb?tenant=7');
      const url = redirectOf(domain.oauth.consent({ ...params, client_id: withQuery.apiKey, redirect_uri: 'https://example.com/cb?tenant=7', state: undefined }, { apiSecret: withQuery.apiSecret }));
      expect(url.searchParams.get('tenant')).toBe('7');
      expect(url.searchParams.has('state')).toBe(false);
    });

    it('refuses a wrong API secret without redirecting, and issues nothing', () => {
      expect(refusal(domain.oauth.consent(params, { apiSecret: 'wrong' }))).toBe('OAUTH_CONSENT_SECRET');
      expect(refusal(domain.oauth.consent(params, {}))).toBe('OAUTH_CONSENT_SECRET');
      expect(domain.store.grantsOfApp(client.app.id)).toHaveLength(0);
    });

    it('sends access_denied back when the user denies', () => {
      const url = redirectOf(domain.oauth.consent(params, { apiSecret: client.apiSecret, decision: 'deny' }));
      expect(url.searchParams.get('error')).toBe('access_denied');
      expect(url.searchParams.get('state')).toBe('xyz-state');
      expect(domain.store.grantsOfApp(client.app.id)).toHaveLength(0);
    });

    it('checks the request again: a mismatched redirect URI is refused even with the right secret', () => {
      expect(refusal(domain.oauth.consent({ ...params, redirect_uri: 'https://evil.example/cb' }, { apiSecret: client.apiSecret }))).toBe('OAUTH_REDIRECT_MISMATCH');
    });
  });

  describe('token: authorization_code', () => {
    it('exchanges a code for an access token that works as a session until 08:00 IST, and a refresh token', () => {
      const issued = tokens();
      const session = domain.sessions.authenticate(issued.accessToken);
      expect(session.ok).toBe(true);
      if (session.ok) expect(session.value.session.appId).toBe(client.app.id);
      // T0 is 10:00 IST: 22 hours to 08:00 IST the next day.
      expect(issued.expiresIn).toBe(22 * 3600);
      expect(issued.refreshExpiresIn).toBe(OAUTH_RULES.refreshTtlMs / 1000);
      expect(issued.refreshToken).not.toBe(issued.accessToken);
    });

    it('accepts client credentials in the body and a matching redirect_uri', () => {
      const c = code();
      const issued = domain.oauth.token({ grant_type: 'authorization_code', code: c, code_verifier: VERIFIER, redirect_uri: REDIRECT, client_id: client.apiKey, client_secret: client.apiSecret }, null, IP);
      expect(issued.ok).toBe(true);
    });

    it.each([
      ['no client credentials', null, {}, 'OAUTH_INVALID_CLIENT'],
      ['a malformed Authorization header', 'malformed', {}, 'OAUTH_INVALID_CLIENT'],
      ['a wrong client secret', 'wrong-secret', {}, 'OAUTH_INVALID_CLIENT'],
      ['Basic and client_secret both', 'basic', { client_secret: 'x' }, 'OAUTH_INVALID_REQUEST'],
      ['a body client_id unlike the Basic one', 'basic', { client_id: 'other' }, 'OAUTH_INVALID_CLIENT'],
      ['no grant_type', 'basic', { grant_type: undefined }, 'OAUTH_INVALID_REQUEST'],
      ['grant_type password', 'basic', { grant_type: 'password' }, 'OAUTH_UNSUPPORTED_GRANT_TYPE'],
      ['no code', 'basic', { code: undefined }, 'OAUTH_INVALID_REQUEST'],
      ['no code_verifier', 'basic', { code_verifier: undefined }, 'OAUTH_INVALID_REQUEST'],
      ['a too short code_verifier', 'basic', { code_verifier: 'short' }, 'OAUTH_INVALID_REQUEST'],
      ['a wrong code_verifier', 'basic', { code_verifier: 'x'.repeat(43) }, 'OAUTH_INVALID_GRANT'],
      ['an unknown code', 'basic', { code: 'no-such-code' }, 'OAUTH_INVALID_GRANT'],
      ['another redirect_uri', 'basic', { redirect_uri: 'https://example.com/other' }, 'OAUTH_INVALID_GRANT'],
    ] as const)('refuses %s (%s)', (_name, auth, change, expected) => {
      const c = code();
      const credentials = auth === 'basic' ? basic() : auth === 'wrong-secret' ? { ...basic(), clientSecret: 'wrong' } : auth;
      const result = domain.oauth.token({ grant_type: 'authorization_code', code: c, code_verifier: VERIFIER, ...change }, credentials, IP);
      expect(result.ok ? 'issued' : result.error.code).toBe(expected);
      // Nothing was issued, and the code still works.
      expect(exchange(c).ok).toBe(true);
    });

    it('refuses a code issued to another client', () => {
      const other = createApp(domain, account, 'Other App', REDIRECT);
      const c = code();
      const result = domain.oauth.token({ grant_type: 'authorization_code', code: c, code_verifier: VERIFIER }, { clientId: other.apiKey, clientSecret: other.apiSecret }, IP);
      expect(result.ok ? 'issued' : result.error.message).toMatch(/another client/);
    });

    it('refuses an expired code: valid for 10 minutes', () => {
      const c = code();
      domain.clock.advance(OAUTH_RULES.codeTtlMs);
      const result = exchange(c);
      expect(result.ok ? 'issued' : result.error.message).toMatch(/expired/);
      const fresh = code();
      domain.clock.advance(OAUTH_RULES.codeTtlMs - 1000);
      expect(exchange(fresh).ok).toBe(true);
    });

    it('a code works once; presented again it revokes every token issued from it', () => {
      const c = code();
      const first = exchange(c);
      if (!first.ok) throw new Error(first.error.code);
      const again = exchange(c);
      expect(again.ok ? 'issued' : again.error.code).toBe('OAUTH_INVALID_GRANT');
      const session = domain.sessions.authenticate(first.value.accessToken);
      expect(session.ok ? 'live' : session.error.message).toMatch(/authorization code it came from was presented again/);
      const refreshed = domain.oauth.token({ grant_type: 'refresh_token', refresh_token: first.value.refreshToken }, basic(), IP);
      expect(refreshed.ok).toBe(false);
    });
  });

  describe('token: refresh_token', () => {
    const refresh = (token: string) => domain.oauth.token({ grant_type: 'refresh_token', refresh_token: token }, basic(), IP);

    it('rotates: a new access token and a new refresh token; the old refresh token dies, the old access token lives on', () => {
      const first = tokens();
      const second = refresh(first.refreshToken);
      if (!second.ok) throw new Error(second.error.code);
      expect(second.value.refreshToken).not.toBe(first.refreshToken);
      expect(second.value.accessToken).not.toBe(first.accessToken);
      expect(domain.sessions.authenticate(second.value.accessToken).ok).toBe(true);
      expect(domain.sessions.authenticate(first.accessToken).ok).toBe(true);
      expect(refresh(second.value.refreshToken).ok).toBe(true);
    });

    it('a used refresh token presented again revokes the whole authorization', () => {
      const first = tokens();
      const second = refresh(first.refreshToken);
      if (!second.ok) throw new Error(second.error.code);
      const replay = refresh(first.refreshToken);
      expect(replay.ok ? 'issued' : replay.error.message).toMatch(/already used/);
      expect(domain.sessions.authenticate(first.accessToken).ok).toBe(false);
      expect(domain.sessions.authenticate(second.value.accessToken).ok).toBe(false);
      expect(refresh(second.value.refreshToken).ok).toBe(false);
    });

    it('refuses an unknown, expired, foreign or missing refresh token, and a scope other than all', () => {
      const first = tokens();
      expect(refresh('nope').ok).toBe(false);
      expect(domain.oauth.token({ grant_type: 'refresh_token' }, basic(), IP)).toMatchObject({ ok: false, error: { code: 'OAUTH_INVALID_REQUEST' } });
      expect(domain.oauth.token({ grant_type: 'refresh_token', refresh_token: first.refreshToken, scope: 'read' }, basic(), IP)).toMatchObject({ ok: false, error: { code: 'OAUTH_INVALID_SCOPE' } });
      const other = createApp(domain, account, 'Other App', REDIRECT);
      const foreign = domain.oauth.token({ grant_type: 'refresh_token', refresh_token: first.refreshToken }, { clientId: other.apiKey, clientSecret: other.apiSecret }, IP);
      expect(foreign.ok ? 'issued' : foreign.error.message).toMatch(/another client/);
      domain.clock.advance(OAUTH_RULES.refreshTtlMs);
      const expired = refresh(first.refreshToken);
      expect(expired.ok ? 'issued' : expired.error.message).toMatch(/expired/);
    });
  });

  describe('revocation', () => {
    it.each(['deactivate', 'regenerate-key', 'regenerate-secret'] as const)('%s ends OAuth access tokens, refresh tokens and unused codes of the app', (action) => {
      const issued = tokens();
      const unused = code();
      const done = runAction(domain, account, client.app.id, action);
      if (!done.ok) throw new Error(done.error.code);
      expect(domain.sessions.authenticate(issued.accessToken).ok).toBe(false);
      // The client's current credentials, so that only the revocation can refuse.
      const credentials = basic();
      if (action === 'deactivate') expect(runAction(domain, account, client.app.id, 'activate').ok).toBe(true);
      if (action === 'regenerate-key') credentials.clientId = domain.store.messages({ uid: account.uid, kind: 'api-key-email', limit: 100 }).at(-1)!.apiKey!;
      if (action === 'regenerate-secret') credentials.clientSecret = done.value.apiSecret!;
      const refreshed = domain.oauth.token({ grant_type: 'refresh_token', refresh_token: issued.refreshToken }, credentials, IP);
      expect(refreshed.ok ? 'issued' : refreshed.error.message).toMatch(/revoked/);
      const exchanged = domain.oauth.token({ grant_type: 'authorization_code', code: unused, code_verifier: VERIFIER }, credentials, IP);
      expect(exchanged.ok ? 'issued' : exchanged.error.message).toMatch(/revoked/);
    });

    it('RFC 7009: revoking an access token ends it alone; a refresh token ends its whole authorization', () => {
      const a = tokens();
      const b = tokens();
      expect(domain.oauth.revoke({ token: a.accessToken }, basic()).ok).toBe(true);
      expect(domain.sessions.authenticate(a.accessToken).ok).toBe(false);
      expect(domain.oauth.token({ grant_type: 'refresh_token', refresh_token: a.refreshToken }, basic(), IP).ok).toBe(true);

      expect(domain.oauth.revoke({ token: b.refreshToken, token_type_hint: 'refresh_token' }, basic()).ok).toBe(true);
      expect(domain.sessions.authenticate(b.accessToken).ok).toBe(false);
      expect(domain.oauth.token({ grant_type: 'refresh_token', refresh_token: b.refreshToken }, basic(), IP).ok).toBe(false);
    });

    it('answers an unknown token as revoked, and refuses another client\'s token or a missing one', () => {
      const a = tokens();
      expect(domain.oauth.revoke({ token: 'never-issued' }, basic()).ok).toBe(true);
      expect(domain.oauth.revoke({}, basic())).toMatchObject({ ok: false, error: { code: 'OAUTH_INVALID_REQUEST' } });
      const other = createApp(domain, account, 'Other App', REDIRECT);
      expect(domain.oauth.revoke({ token: a.accessToken }, { clientId: other.apiKey, clientSecret: other.apiSecret })).toMatchObject({ ok: false, error: { code: 'OAUTH_FOREIGN_TOKEN' } });
      expect(domain.oauth.revoke({ token: a.accessToken }, null)).toMatchObject({ ok: false, error: { code: 'OAUTH_INVALID_CLIENT' } });
      expect(domain.sessions.authenticate(a.accessToken).ok).toBe(true);
    });
  });

  it('sweeps grants and refresh tokens an hour after they stopped mattering', () => {
    const issued = tokens();
    code();
    expect(domain.store.grantsOfApp(client.app.id)).toHaveLength(2);
    domain.clock.advance(OAUTH_RULES.codeTtlMs + 60 * 60 * 1000 + 1);
    domain.sweep();
    expect(domain.store.grantsOfApp(client.app.id)).toHaveLength(1);
    domain.clock.advance(OAUTH_RULES.refreshTtlMs);
    domain.sweep();
    expect(domain.store.grantsOfApp(client.app.id)).toHaveLength(0);
    expect(domain.oauth.token({ grant_type: 'refresh_token', refresh_token: issued.refreshToken }, basic(), IP).ok).toBe(false);
  });
});
