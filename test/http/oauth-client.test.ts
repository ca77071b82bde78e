import * as oauth from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import { harness } from './harness.js';

const REDIRECT = 'https://example.com/cb';

/**
 * A real OAuth 2.1 client library (oauth4webapi, certified against the OpenID conformance
 * profiles) run against the sandbox: discovery, PKCE, the code grant, refresh and revocation,
 * with the library's own checks of every response. Only the browser is played by hand: the
 * consent form is posted and the 302's Location is handed back to the library.
 */
describe('a real OAuth 2.1 client library against the sandbox', () => {
  it('discovers the server, runs the PKCE code flow, calls the Trade API, refreshes and revokes', async () => {
    const h = harness();
    const who = await h.account();
    const created = await h.createApp(who, 'Library Client');
    // Through the in-process app: the library's fetch goes to app.request, no port.
    const options = { [oauth.customFetch]: async (url: string, init: RequestInit) => h.app.request(url, init), [oauth.allowInsecureRequests]: true };

    const issuer = new URL('http://localhost');
    const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { ...options, algorithm: 'oauth2' }));
    expect(as.code_challenge_methods_supported).toEqual(['S256']);
    const client: oauth.Client = { client_id: created.apiKey };
    const auth = oauth.ClientSecretBasic(created.apiSecret);

    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const url = new URL(as.authorization_endpoint!);
    for (const [k, v] of Object.entries({ client_id: created.apiKey, redirect_uri: REDIRECT, response_type: 'code', state, code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' })) {
      url.searchParams.set(k, v);
    }

    // The browser: the consent page, then the form posted with the API secret.
    const page = await h.app.request(url.href, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const form = new URLSearchParams(url.searchParams);
    form.set('api_secret', created.apiSecret);
    const consent = await h.app.request('/oauth/authorize', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    expect(consent.status).toBe(302);

    const params = oauth.validateAuthResponse(as, client, new URL(consent.headers.get('location')!), state);
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, await oauth.authorizationCodeGrantRequest(as, client, auth, params, REDIRECT, verifier, options));
    expect(tokens.token_type).toBe('bearer');
    expect(tokens.expires_in).toBeGreaterThan(0);

    const limits = await h.request('GET', '/limit/getLimits', { headers: { 'x-session-token': tokens.access_token } });
    expect(limits.status).toBe(200);

    const refreshed = await oauth.processRefreshTokenResponse(as, client, await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, options));
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);

    await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, auth, refreshed.refresh_token!, options));
    const revoked = await h.request('GET', '/limit/getLimits', { headers: { 'x-session-token': refreshed.access_token } });
    expect(revoked.status).toBe(401);

    // The library reads the sandbox's refusals as OAuth errors.
    const replay = oauth.processAuthorizationCodeResponse(as, client, await oauth.authorizationCodeGrantRequest(as, client, auth, params, REDIRECT, verifier, options));
    await expect(replay).rejects.toMatchObject({ error: 'invalid_grant' });
  });
});
