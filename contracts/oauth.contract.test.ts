import { createHash, randomBytes } from 'node:crypto';
import { describe, inject, it } from 'vitest';
import { call, requires } from './client.js';
import { appAction, createApp, newAccount, signIn, type CreatedApp } from './flows.js';
import type { Target } from './targets.js';

/**
 * Reference rules (samco-trade-api.md, Sessions: OAuth 2.1 authorization code; issue 6): the app
 * sends the user to a consent page with its client id and a redirect URL equal to the registered
 * one; the user authorises with the app's API secret; the redirect carries a short-lived code and
 * the state; POST /oauth/token exchanges it (PKCE S256, client credentials) for an access_token
 * used as x-session-token and a refresh_token; refresh rotates; tokens can be revoked; the core's
 * revocations (deactivate, regenerate key or secret) end OAuth tokens too.
 */
const REDIRECT = 'https://tradeapi.samco.in/app/callback';

/** A PKCE pair as a client library makes it (RFC 7636 appendix B). */
function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

const basic = (client: CreatedApp) => ({ authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.apiKey)}:${encodeURIComponent(client.apiSecret)}`).toString('base64')}` });

describe.each(inject('targets'))('OAuth 2.1 on $name', (target) => {
  async function setup() {
    const account = await newAccount(target);
    const auth = await signIn(target, account);
    const client = await createApp(target, account, auth, 'OAuth Partner', REDIRECT);
    return { account, auth, client };
  }

  function authorizeQuery(client: CreatedApp, challenge: string, state = randomBytes(8).toString('hex')) {
    return { response_type: 'code', client_id: client.apiKey, redirect_uri: REDIRECT, state, code_challenge: challenge, code_challenge_method: 'S256' };
  }

  /** Consent with the API secret; returns the code and state of the redirect. */
  async function authorizeCode(t: Target, client: CreatedApp, challenge: string) {
    const query = authorizeQuery(client, challenge);
    const res = await call(t, 'oauthConsent', { form: { ...query, api_secret: client.apiSecret, decision: 'approve' } }).expectStatus(302);
    const location = new URL(res.headers.location as string);
    return { code: location.searchParams.get('code')!, state: location.searchParams.get('state'), sent: query.state, location };
  }

  it('walks the flow: consent page, code with the same state, token, a Trade API call, refresh, revoke', async (ctx) => {
    requires(ctx, target, 'stateful', 'control', 'redirects');
    const { client } = await setup();
    const { verifier, challenge } = pkce();

    await call(target, 'oauthAuthorize', { query: authorizeQuery(client, challenge, 'st-1') })
      .expectStatus(200)
      .expectJsonLike({ appName: 'OAuth Partner', redirectUri: REDIRECT, scope: 'all', state: 'st-1' });
    const { code, state, sent, location } = await authorizeCode(target, client, challenge);
    ctx.expect(location.origin + location.pathname).toBe(REDIRECT);
    ctx.expect(state).toBe(sent);

    const issued = await call(target, 'oauthToken', { headers: basic(client), form: { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT } })
      .expectStatus(200)
      .expectHeader('cache-control', 'no-store')
      .expectJsonLike({ token_type: 'Bearer', scope: 'all' });
    const tokens = issued.json as Record<string, string>;
    await call(target, 'getLimits', { headers: { 'x-session-token': tokens.access_token! } }).expectStatus(200).expectJsonLike({ status: 'Success' });

    const refreshed = await call(target, 'oauthToken', { headers: basic(client), form: { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! } }).expectStatus(200);
    const next = refreshed.json as Record<string, string>;
    ctx.expect(next.refresh_token).not.toBe(tokens.refresh_token);
    await call(target, 'oauthToken', { headers: basic(client), form: { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! } })
      .expectStatus(400)
      .expectJsonLike({ error: 'invalid_grant' });
    // The replayed refresh token ended the whole authorization, the new tokens included.
    await call(target, 'getLimits', { headers: { 'x-session-token': next.access_token! } }).expectStatus(401).expectJsonLike({ status: 'Failure' });

    const fresh = await authorizeCode(target, client, challenge);
    const again = await call(target, 'oauthToken', { headers: basic(client), form: { grant_type: 'authorization_code', code: fresh.code, code_verifier: verifier } }).expectStatus(200);
    const live = again.json as Record<string, string>;
    await call(target, 'oauthRevoke', { headers: basic(client), form: { token: live.access_token!, token_type_hint: 'access_token' } }).expectStatus(200);
    await call(target, 'getLimits', { headers: { 'x-session-token': live.access_token! } })
      .expectStatus(401)
      .expectJsonLike({ statusMessage: 'Session revoked: the token was revoked at /oauth/revoke.' });
    await call(target, 'oauthRevoke', { headers: basic(client), form: { token: 'never-issued' } }).expectStatus(200);
  });

  it('a code works once: presented again it is refused and what it issued is revoked', async (ctx) => {
    requires(ctx, target, 'stateful', 'control', 'redirects');
    const { client } = await setup();
    const { verifier, challenge } = pkce();
    const { code } = await authorizeCode(target, client, challenge);
    const first = await call(target, 'oauthToken', { headers: basic(client), form: { grant_type: 'authorization_code', code, code_verifier: verifier } }).expectStatus(200);
    await call(target, 'oauthToken', { headers: basic(client), form: { grant_type: 'authorization_code', code, code_verifier: verifier } })
      .expectStatus(400)
      .expectJsonLike({ error: 'invalid_grant' });
    await call(target, 'getLimits', { headers: { 'x-session-token': (first.json as any).access_token } })
      .expectStatus(401)
      .expectJsonLike({ statusMessage: 'Session revoked: the authorization code it came from was presented again.' });
  });

  it('PKCE and client authentication are enforced, with RFC 6749 error bodies', async (ctx) => {
    requires(ctx, target, 'stateful', 'control', 'redirects');
    const { client } = await setup();
    const { verifier, challenge } = pkce();
    const { code } = await authorizeCode(target, client, challenge);
    await call(target, 'oauthToken', { headers: basic(client), form: { grant_type: 'authorization_code', code } })
      .expectStatus(400)
      .expectJsonLike({ error: 'invalid_request', error_description: 'code_verifier is required (PKCE).' });
    await call(target, 'oauthToken', { headers: basic(client), form: { grant_type: 'authorization_code', code, code_verifier: pkce().verifier } })
      .expectStatus(400)
      .expectJsonLike({ error: 'invalid_grant' });
    await call(target, 'oauthToken', { headers: basic({ ...client, apiSecret: 'wrong' }), form: { grant_type: 'authorization_code', code, code_verifier: verifier } })
      .expectStatus(401)
      .expectJsonLike({ error: 'invalid_client' });
    await call(target, 'oauthToken', { headers: basic(client), form: { grant_type: 'password', code } })
      .expectStatus(400)
      .expectJsonLike({ error: 'unsupported_grant_type' });
    // None of the refusals used the code up.
    await call(target, 'oauthToken', { headers: basic(client), form: { grant_type: 'authorization_code', code, code_verifier: verifier } }).expectStatus(200);
  });

  it('sends protocol errors back to the client with the state; an untrusted redirect URI is refused on the spot', async (ctx) => {
    requires(ctx, target, 'stateful', 'control', 'redirects');
    const { client } = await setup();
    const query = { ...authorizeQuery(client, pkce().challenge, 'st-err'), code_challenge_method: 'plain' };
    const res = await call(target, 'oauthAuthorize', { query }).expectStatus(302);
    const back = new URL(res.headers.location as string);
    ctx.expect(Object.fromEntries(back.searchParams)).toMatchObject({ error: 'invalid_request', state: 'st-err' });
    await call(target, 'oauthAuthorize', { query: { ...query, redirect_uri: 'https://tradeapi.samco.in/app/callback/other' } })
      .expectStatus(400)
      .expectJsonLike({ error: 'invalid_request' });
    await call(target, 'oauthConsent', { form: { ...authorizeQuery(client, pkce().challenge), api_secret: 'not-the-secret' } })
      .expectStatus(401)
      .expectJsonLike({ error: 'access_denied' });
  });

  it('deactivating the app ends its OAuth tokens', async (ctx) => {
    requires(ctx, target, 'stateful', 'control', 'redirects');
    const { account, auth, client } = await setup();
    const { verifier, challenge } = pkce();
    const { code } = await authorizeCode(target, client, challenge);
    const issued = await call(target, 'oauthToken', { headers: basic(client), form: { grant_type: 'authorization_code', code, code_verifier: verifier } }).expectStatus(200);
    await appAction(target, account, auth, 'deactivateApp', client.app.appId);
    await call(target, 'getLimits', { headers: { 'x-session-token': (issued.json as any).access_token } })
      .expectStatus(401)
      .expectJsonLike({ statusMessage: 'Session revoked: the app was deactivated.' });
  });

  it('checks client credentials first, then the grant, with RFC 6749 error bodies (no redirect needed)', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { client } = await setup();
    const exchange = { grant_type: 'authorization_code', code: 'never-issued', code_verifier: pkce().verifier };
    await call(target, 'oauthToken', { headers: basic({ ...client, apiSecret: 'wrong' }), form: exchange }).expectStatus(401).expectJsonLike({ error: 'invalid_client' });
    await call(target, 'oauthToken', { form: exchange }).expectStatus(401).expectJsonLike({ error: 'invalid_client' });
    await call(target, 'oauthToken', { headers: basic(client), form: exchange }).expectStatus(400).expectJsonLike({ error: 'invalid_grant', error_description: 'Invalid authorization code.' });
    await call(target, 'oauthToken', { form: { ...exchange, grant_type: 'client_credentials', client_id: client.apiKey, client_secret: client.apiSecret } })
      .expectStatus(400)
      .expectJsonLike({ error: 'unsupported_grant_type' });
    await call(target, 'oauthRevoke', { headers: basic(client), form: { token: 'never-issued' } }).expectStatus(200);
    await call(target, 'oauthAuthorize', { query: { client_id: client.apiKey, redirect_uri: 'https://tradeapi.samco.in/other' } })
      .expectStatus(400)
      .expectJsonLike({ error: 'invalid_request' });
  });

  it('answers in the spec\'s shapes (shape only)', async (ctx) => {
    requires(ctx, target, 'sandboxed');
    const { challenge } = pkce();
    await call(target, 'oauthToken', { form: { grant_type: 'authorization_code', code: 'made-up', code_verifier: pkce().verifier, client_id: 'made-up', client_secret: 'made-up' } });
    await call(target, 'oauthAuthorize', { query: { response_type: 'code', client_id: 'made-up', redirect_uri: REDIRECT, code_challenge: challenge, code_challenge_method: 'S256' } });
  });
});
