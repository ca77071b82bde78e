import { describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_IP } from '../../mock/http/source-ip.js';
import { harness } from './harness.js';

const REDIRECT = 'https://example.com/cb';
const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

async function setup() {
  const h = harness();
  const who = await h.account();
  const client = await h.createApp(who, 'Partner App');
  const consent = { api_key: client.apiKey, redirect_url: REDIRECT, api_secret: client.apiSecret, state: 's-123', scopes: 'all' };

  /** What the consent page does: validate, authenticate, and take the code from data.redirectTo. */
  async function code(ip?: string) {
    const res = await h.request('POST', '/oauth/authenticate', { body: consent, srcIp: ip });
    expect(res.body.status, JSON.stringify(res.body)).toBe('Success');
    return new URL(res.body.data.redirectTo).searchParams.get('code')!;
  }
  /** What Samco's sample callback handler does: JSON {grant_type, code}, status === 'Success', data.access_token. */
  async function exchange(c: string, srcIp?: string) {
    return h.request('POST', '/oauth/token', { body: { grant_type: 'authorization_code', code: c }, srcIp });
  }
  async function tokens() {
    const res = await exchange(await code());
    expect(res.body.status).toBe('Success');
    return res.body.data as Record<string, any>;
  }
  return { h, who, client, consent, code, exchange, tokens };
}

describe("Samco's OAuth 2.1 flow over HTTP", () => {
  it("walks the flow as Samco's sample callback handler does: authorize, authenticate, token, a Trade API call, refresh, revoke", async () => {
    const { h, who, client, consent, exchange } = await setup();
    const query = new URLSearchParams({ api_key: client.apiKey, redirect_url: REDIRECT, state: 's-123', scopes: 'all' });
    const authorize = await h.request('GET', `/oauth/authorize?${query}`);
    expect(authorize).toMatchObject({
      status: 200,
      body: {
        status: 'Success',
        message: 'Authorization request validated. Continue with POST /oauth/authenticate to complete login and consent.',
        data: { appName: 'Partner App', apiKey: client.apiKey, redirectUrl: REDIRECT, state: 's-123', scopes: 'all', clientUid: who.uid, nextAction: '/oauth/authenticate' },
      },
    });

    const authenticated = await h.request('POST', '/oauth/authenticate', { body: consent });
    expect(authenticated.status).toBe(200);
    expect(Object.keys(authenticated.body)).toEqual(['status', 'data']);
    const redirectTo = new URL(authenticated.body.data.redirectTo);
    expect(`${redirectTo.origin}${redirectTo.pathname}`).toBe(REDIRECT);
    expect(redirectTo.searchParams.get('state')).toBe('s-123');

    const res = await exchange(redirectTo.searchParams.get('code')!);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { status, data } = res.body;
    expect(status).toBe('Success');
    expect(data).toMatchObject({
      token_type: 'Bearer',
      expires_in: 86400,
      refresh_token_expires_in: 604800,
      user_id: who.uid,
      accountID: who.uid,
      accountName: 'Ravi Kumar',
      scopes: 'all',
      srcIp: DEFAULT_CLIENT_IP,
      primaryIp: '',
      secondaryIp: '',
    });
    expect(data.access_token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(data.session_id).toMatch(/^[0-9a-f]{32}$/);

    expect((await h.request('GET', '/limit/getLimits', { headers: { 'x-session-token': data.access_token } })).status).toBe(200);

    const refreshed = await h.request('POST', '/oauth/token', { body: { grant_type: 'refresh_token', refresh_token: data.refresh_token } });
    expect(refreshed.body).toMatchObject({ status: 'Success', data: { session_id: data.session_id } });
    expect(refreshed.body.data.refresh_token).not.toBe(data.refresh_token);

    const revoked = await h.request('POST', '/oauth/revoke', { body: { token: refreshed.body.data.access_token, token_type: 'access_token' } });
    expect(revoked).toMatchObject({ status: 200, body: { status: 'Success', message: 'Token revoked successfully' } });
    expect(Object.keys(revoked.body)).toEqual(['status', 'message']);
    expect((await h.request('GET', '/limit/getLimits', { headers: { 'x-session-token': refreshed.body.data.access_token } })).status).toBe(401);
    expect((await h.request('POST', '/oauth/revoke', { body: { token: refreshed.body.data.access_token, token_type: 'access_token' } })).body.status).toBe('Success');
  });

  it('answers failures as {status, message, errorCode} and changes nothing', async () => {
    const { h, code, exchange } = await setup();
    const c = await code();
    expect(await exchange('no-such-code')).toMatchObject({ status: 400, body: { status: 'Failure', message: 'Invalid authorization code', errorCode: 'EOAUTH011' } });
    expect(await h.request('POST', '/oauth/token', { body: { grant_type: 'authorization_code' } })).toMatchObject({ status: 400, body: { errorCode: 'EOAUTH010' } });
    expect(await h.request('POST', '/oauth/token', { body: { grant_type: 'refresh_token' } })).toMatchObject({ status: 400, body: { errorCode: 'EOAUTH015' } });
    const noType = await h.request('POST', '/oauth/token', { body: { code: c } });
    expect(noType).toMatchObject({ status: 400, body: { status: 'Failure', message: 'grant_type must be authorization_code or refresh_token' } });
    expect(Object.keys(noType.body)).toEqual(['status', 'message']);
    expect((await exchange(c)).body.status).toBe('Success');
  });

  it('ignores unknown keys and takes "" as absent', async () => {
    const { h, consent, exchange } = await setup();
    const res = await h.request('POST', '/oauth/authenticate', { body: { ...consent, state: '', scopes: '', client_id: 'ignored', response_type: 'code' } });
    expect(res.body.status).toBe('Success');
    const redirectTo = new URL(res.body.data.redirectTo);
    expect(redirectTo.searchParams.has('state')).toBe(false);
    const token = await h.request('POST', '/oauth/token', { body: { grant_type: 'authorization_code', code: redirectTo.searchParams.get('code'), client_id: 'x', redirect_uri: REDIRECT } });
    expect(token.body).toMatchObject({ status: 'Success', data: { scopes: 'all' } });
    expect((await exchange('')).body.errorCode).toBe('EOAUTH010');
  });

  it('answers malformed JSON, a wrong method and an unknown OAuth path in the OAuth failure shape', async () => {
    const { h } = await setup();
    const malformed = await h.request('POST', '/oauth/token', { raw: '{"grant_type":', contentType: 'application/json' });
    expect(malformed).toMatchObject({ status: 400, body: { status: 'Failure', message: 'Malformed JSON in request body: line 1, column 15: expected a value, but the body ended.' } });
    expect((await h.request('GET', '/oauth/token')).body).toMatchObject({ status: 'Failure', message: 'Method not allowed: GET /oauth/token (allowed: POST)' });
    expect((await h.request('GET', '/oauth/nothing')).status).toBe(404);
    expect((await h.request('GET', '/.well-known/oauth-authorization-server')).status).toBe(404);
    expect((await h.request('POST', '/oauth/token', { raw: 'grant_type=authorization_code&code=x', contentType: 'application/x-www-form-urlencoded' })).status).toBe(415);
  });

  it('EOAUTH030: a second exchange while the first waits on a slow trading backend is told to retry', async () => {
    const { h, code, exchange } = await setup();
    const c = await code();
    expect((await h.request('PUT', '/__sandbox/trading-backend', { body: { delayMs: 200 } })).body).toMatchObject({ status: 'Success', delayMs: 200 });
    const first = exchange(c);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await exchange(c)).toMatchObject({ status: 409, body: { status: 'Failure', message: 'Concurrent token exchange in progress. Please retry.', errorCode: 'EOAUTH030' } });
    const won = await first;
    expect(won.body.status).toBe('Success');
    expect((await h.request('GET', '/limit/getLimits', { headers: { 'x-session-token': won.body.data.access_token } })).status).toBe(200);
    await h.request('PUT', '/__sandbox/trading-backend', { body: { delayMs: 0 } });
    expect(await exchange(c)).toMatchObject({ status: 400, body: { errorCode: 'EOAUTH012', message: 'Authorization code already used. All tokens revoked for security.' } });
    expect((await h.request('GET', '/limit/getLimits', { headers: { 'x-session-token': won.body.data.access_token } })).status).toBe(401);
  });

  it('honours the account standing set through the control API', async () => {
    const { h, who, consent, code, exchange } = await setup();
    const c = await code();
    const setStanding = (standing: string) => h.request('PUT', `/__sandbox/accounts/${who.uid}/standing`, { body: { standing } });
    expect((await setStanding('backend-unavailable')).body).toMatchObject({ status: 'Success', uid: who.uid, standing: 'backend-unavailable' });
    expect(await exchange(c)).toMatchObject({
      status: 401,
      body: { status: 'Failure', message: 'Unable to start your trading session. Please open the SAMCO mobile app, sign in once, and then retry.', errorCode: 'EOAUTH999' },
    });
    await setStanding('blocked');
    expect(await h.request('POST', '/oauth/authenticate', { body: consent })).toMatchObject({ status: 403, body: { status: 'Failure', message: 'User account is blocked' } });
    await setStanding('active');
    expect((await exchange(c)).body.status).toBe('Success');
    expect((await h.request('PUT', '/__sandbox/accounts/NOSUCH1/standing', { body: { standing: 'active' } })).status).toBe(400);
  });

  it('enforces the static IPs of an app that has some, at authenticate and at the exchange (EOAUTH009)', async () => {
    const h = harness({ trustProxy: true });
    const who = await h.account();
    const client = await h.createApp(who, 'IP App');
    const set = await h.request('POST', '/app/api/static-ips', { headers: who.auth, body: { appId: client.app.appId, ipType: 'PRIMARY', ipAddress: '49.36.10.20' } });
    expect((await h.confirm(who, set.body.challenge.challengeId)).status).toBe(200);
    const from = (ip: string) => ({ 'x-forwarded-for': ip, ...JSON_HEADERS });
    const body = { api_key: client.apiKey, redirect_url: REDIRECT, api_secret: client.apiSecret };
    expect(await h.request('POST', '/oauth/authenticate', { body, headers: from('49.36.10.99') })).toMatchObject({ status: 403, body: { errorCode: 'EOAUTH009' } });
    const ok = await h.request('POST', '/oauth/authenticate', { body, headers: from('49.36.10.20') });
    const c = new URL(ok.body.data.redirectTo).searchParams.get('code');
    expect(await h.request('POST', '/oauth/token', { body: { grant_type: 'authorization_code', code: c }, headers: from('49.36.10.99') })).toMatchObject({
      status: 403,
      body: { errorCode: 'EOAUTH009' },
    });
    const token = await h.request('POST', '/oauth/token', { body: { grant_type: 'authorization_code', code: c }, headers: from('49.36.10.20') });
    expect(token.body.data).toMatchObject({ srcIp: '49.36.10.20', primaryIp: '49.36.10.20', secondaryIp: '' });
  });
});

/**
 * The request/response samples of Samco's authentication chapter (session/generate-token.html,
 * oauth/authorize-flow.html, Login Code, logout.html), replayed: our data, their shapes. Each
 * row names the sample's status, the keys its body has, and its published texts.
 */
describe('the authentication chapter, sample by sample', () => {
  const LOGIN_KEYS = ['accountID', 'accountName', 'exchangeList', 'orderTypeList', 'productList', 'srcIp', 'primaryIp', 'secondaryIp'];

  it('POST /session/token: the 200 sample and every failure sample', async () => {
    const { h, who, client } = await setup();
    const post = (body: unknown) => h.request('POST', '/session/token', { body });
    const ok = await post({ apiKey: client.apiKey, apiSecret: client.apiSecret });
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.body).sort()).toEqual(['serverTime', 'msgId', 'status', 'statusMessage', 'sessionToken', 'tokenId', ...LOGIN_KEYS].sort());
    expect(ok.body).toMatchObject({ status: 'Success', statusMessage: 'Session token generated successfully', accountID: who.uid, primaryIp: '', secondaryIp: '' });

    const samples: Array<[string, unknown, number, string, string | undefined, (() => Promise<unknown>)?]> = [
      ['missing inputs', { apiKey: client.apiKey }, 400, 'apiKey and apiSecret are required', undefined],
      ['empty input', { apiKey: '', apiSecret: client.apiSecret }, 400, 'apiKey and apiSecret are required', undefined],
      ['invalid key', { apiKey: 'ab'.repeat(32), apiSecret: client.apiSecret }, 401, 'Invalid API key', 'EOAUTH001'],
      ['bad secret format', { apiKey: client.apiKey, apiSecret: 'my-plain-secret' }, 401, 'Invalid API secret format', 'EOAUTH008'],
      ['invalid secret', { apiKey: client.apiKey, apiSecret: 'ef'.repeat(48) }, 401, 'Invalid API secret', 'EOAUTH008'],
    ];
    for (const [name, body, status, statusMessage, errorCode] of samples) {
      const res = await post(body);
      expect(res.status, name).toBe(status);
      expect(res.body, name).toEqual({ status: 'Failure', statusMessage, ...(errorCode ? { errorCode } : {}) });
    }
    const standings: Array<[string, number, string]> = [
      ['not-subscribed', 403, 'User not subscribed. Please subscribe to access trade API'],
      ['blocked', 403, 'User account is blocked'],
      ['backend-unavailable', 401, 'Unable to start your trading session. Please open the SAMCO mobile app, sign in once, and then retry.'],
    ];
    for (const [standing, status, statusMessage] of standings) {
      await h.request('PUT', `/__sandbox/accounts/${who.uid}/standing`, { body: { standing } });
      const res = await post({ apiKey: client.apiKey, apiSecret: client.apiSecret });
      expect(res, standing).toMatchObject({ status, body: { status: 'Failure', statusMessage } });
      expect(Object.keys(res.body), standing).toEqual(['status', 'statusMessage']);
    }
    await h.request('PUT', `/__sandbox/accounts/${who.uid}/standing`, { body: { standing: 'active' } });
    const deactivate = await h.request('POST', `/app/api/apps/${client.app.appId}/deactivate`, { headers: who.auth });
    await h.confirm(who, deactivate.body.challenge.challengeId);
    expect((await post({ apiKey: client.apiKey, apiSecret: client.apiSecret })).body).toEqual({ status: 'Failure', statusMessage: 'Invalid or inactive API key', errorCode: 'EOAUTH001' });
  });

  it('the OAuth samples: authorize, token (step 4), refresh (step 6), revoke (step 7)', async () => {
    const { h, client, tokens } = await setup();
    const authorize = await h.request('GET', `/oauth/authorize?${new URLSearchParams({ api_key: client.apiKey, redirect_url: REDIRECT, state: 'csrf', scopes: 'all' })}`);
    expect(Object.keys(authorize.body)).toEqual(['status', 'message', 'data']);
    expect(Object.keys(authorize.body.data)).toEqual(['appName', 'apiKey', 'redirectUrl', 'state', 'scopes', 'clientUid', 'nextAction']);
    const TOKEN_KEYS = ['access_token', 'token_type', 'expires_in', 'refresh_token', 'refresh_token_expires_in', 'session_id', 'user_id', 'scopes', ...LOGIN_KEYS];
    const data = await tokens();
    expect(Object.keys(data)).toEqual(TOKEN_KEYS);
    const refreshed = await h.request('POST', '/oauth/token', { body: { grant_type: 'refresh_token', refresh_token: data.refresh_token } });
    expect(Object.keys(refreshed.body)).toEqual(['status', 'data']);
    expect(Object.keys(refreshed.body.data)).toEqual(TOKEN_KEYS);
    expect(await h.request('POST', '/oauth/revoke', { body: { token: 'unknown-or-already-revoked', token_type: 'access_token' } })).toEqual(
      expect.objectContaining({ status: 200, body: { status: 'Success', message: 'Token revoked successfully' } }),
    );
  });

  it('the troubleshooting texts: a code sent as a session token, a replayed code, an expired code', async () => {
    const { h, code, exchange } = await setup();
    const c = await code();
    expect((await h.request('GET', '/limit/getLimits', { headers: { 'x-session-token': c } })).body.statusMessage).toBe('Unauthorized - Invalid token. sessId missing.');
    expect((await h.request('GET', '/limit/getLimits')).body.statusMessage).toBe("Unauthorized - Session token is mandatory. Please provide session token in 'x-session-token' header");
    await exchange(c);
    expect((await exchange(c)).body.message).toBe('Authorization code already used. All tokens revoked for security.');
    const late = await code();
    h.clock.advance(10 * 60 * 1000);
    expect((await exchange(late)).body).toEqual({ status: 'Failure', message: 'Authorization code has expired', errorCode: 'EOAUTH013' });
  });

  it('Login Code: GET /webSecretCode, POST /webSecretCodeValidation (200 and the 400 sample), DELETE /logout', async () => {
    const { h, client } = await setup();
    const session = await h.request('POST', '/session/token', { body: { apiKey: client.apiKey, apiSecret: client.apiSecret } });
    const headers = { 'x-session-token': session.body.sessionToken };
    const issued = await h.request('GET', '/webSecretCode', { headers });
    expect(issued.body).toMatchObject({ status: 'Success', statusMessage: 'Secret code genererated successfully.', data: { timeRemainingInSeconds: 120 } });
    expect(issued.body.data.OTP).toMatch(/^[A-Z]{4}\d{4}$/);

    const validated = await h.request('POST', '/webSecretCodeValidation', { body: { otp: issued.body.data.OTP } });
    expect(validated.status).toBe(200);
    expect(Object.keys(validated.body)).toEqual(['serverTime', 'status', 'statusMessage', 'sessionToken', ...LOGIN_KEYS]);
    expect(validated.body.statusMessage).toBe('Login session token generated successfully');
    expect((await h.request('GET', '/limit/getLimits', { headers: { 'x-session-token': validated.body.sessionToken } })).status).toBe(200);

    const used = await h.request('POST', '/webSecretCodeValidation', { body: { otp: issued.body.data.OTP } });
    expect(used).toMatchObject({ status: 400, body: { status: 'Failure', validationErrors: ['Invalid OTP. Please enter valid OTP.'] } });
    expect(Object.keys(used.body)).toEqual(['serverTime', 'status', 'validationErrors']);

    const expiring = (await h.request('GET', '/webSecretCode', { headers })).body.data.OTP;
    h.clock.advance(120_000);
    expect((await h.request('POST', '/webSecretCodeValidation', { body: { otp: expiring } })).body.validationErrors).toEqual(['OTP expired. Please enter valid OTP.']);

    const replaced = (await h.request('GET', '/webSecretCode', { headers })).body.data.OTP;
    await h.request('GET', '/webSecretCode', { headers });
    expect((await h.request('POST', '/webSecretCodeValidation', { body: { otp: replaced } })).status).toBe(400);

    const logout = await h.request('DELETE', '/logout', { headers });
    expect(logout.body).toMatchObject({ status: 'Success', statusMessage: 'Request successful' });
    expect(Object.keys(logout.body)).toEqual(['serverTime', 'msgId', 'status', 'statusMessage']);
    expect((await h.request('POST', '/logout', { headers })).status).toBe(405);
    expect((await h.request('GET', '/limit/getLimits', { headers })).status).toBe(401);
  });
});
