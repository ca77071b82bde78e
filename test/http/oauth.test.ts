import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { harness } from './harness.js';

const REDIRECT = 'https://example.com/cb';
const VERIFIER = 'M25iVXpKU3puUjFaYWg3T1NDTDQtcW1ROUY5YXlwalNoc0hhakxifmZHag';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');
const FORM = 'application/x-www-form-urlencoded';

type Raw = { status: number; headers: Headers; text: string; json: () => Record<string, any> };

async function setup() {
  const h = harness();
  const who = await h.account();
  const client = await h.createApp(who, 'Partner <b>App</b>');
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(client.apiKey)}:${encodeURIComponent(client.apiSecret)}`).toString('base64')}`;
  const query = new URLSearchParams({ response_type: 'code', client_id: client.apiKey, redirect_uri: REDIRECT, state: 's-123', code_challenge: CHALLENGE, code_challenge_method: 'S256' });

  /** Any answer, HTML, empty or JSON (the harness's request wants JSON). */
  async function raw(method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
    const res = await h.app.request(path, { method, headers: init.headers, body: init.body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
  }
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) => raw('POST', path, { headers: { 'content-type': FORM, ...headers }, body: form(fields) });

  async function code() {
    const consent = await post('/oauth/authorize', { ...Object.fromEntries(query), api_secret: client.apiSecret, decision: 'approve' });
    expect(consent.status).toBe(302);
    return new URL(consent.headers.get('location')!).searchParams.get('code')!;
  }
  async function tokens() {
    const res = await post('/oauth/token', { grant_type: 'authorization_code', code: await code(), code_verifier: VERIFIER }, { authorization: basic });
    expect(res.status).toBe(200);
    return res.json();
  }
  return { h, who, client, basic, query, raw, post, code, tokens };
}

describe('OAuth 2.1 over HTTP', () => {
  it('walks the whole flow: consent (JSON and HTML), code, token, a Trade API call, refresh, revoke', async () => {
    const { h, client, basic, query, raw, post, code } = await setup();

    const consentJson = await raw('GET', `/oauth/authorize?${query}`);
    expect(consentJson.status).toBe(200);
    expect(consentJson.json()).toMatchObject({ appName: 'Partner <b>App</b>', clientId: client.apiKey, redirectUri: REDIRECT, scope: 'all', state: 's-123' });

    const page = await raw('GET', `/oauth/authorize?${query}`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.text).toContain('Partner &lt;b&gt;App&lt;/b&gt;');
    expect(page.text).not.toContain('<b>App</b>');
    expect(page.text).toContain(`name="code_challenge" value="${CHALLENGE}"`);
    expect(page.text).not.toMatch(/<script|https?:\/\/(?!example\.com)/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");

    const consent = await post('/oauth/authorize', { ...Object.fromEntries(query), api_secret: client.apiSecret });
    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get('location')!);
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('s-123');
    const c = back.searchParams.get('code')!;

    const issued = await post('/oauth/token', { grant_type: 'authorization_code', code: c, code_verifier: VERIFIER, redirect_uri: REDIRECT }, { authorization: basic });
    expect(issued.status).toBe(200);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    const body = issued.json();
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'all', expires_in: 22 * 3600, refresh_token_expires_in: 7 * 86400 });

    const limits = await h.request('GET', '/limit/getLimits', { headers: { 'x-session-token': body.access_token } });
    expect(limits.status).toBe(200);

    const refreshed = await post('/oauth/token', { grant_type: 'refresh_token', refresh_token: body.refresh_token }, { authorization: basic });
    expect(refreshed.status).toBe(200);
    const next = refreshed.json();
    expect(next.refresh_token).not.toBe(body.refresh_token);

    const revoked = await post('/oauth/revoke', { token: next.refresh_token, token_type_hint: 'refresh_token' }, { authorization: basic });
    expect(revoked.status).toBe(200);
    expect(revoked.text).toBe('');
    const dead = await h.request('GET', '/limit/getLimits', { headers: { 'x-session-token': next.access_token } });
    expect(dead).toMatchObject({ status: 401, body: { status: 'Failure', statusMessage: 'Session revoked: the token was revoked at /oauth/revoke.' } });

    // A code presented twice: invalid_grant, and what it issued is revoked.
    const again = await post('/oauth/token', { grant_type: 'authorization_code', code: c, code_verifier: VERIFIER }, { authorization: basic });
    expect(again.status).toBe(400);
    expect(again.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await h.request('GET', '/limit/getLimits', { headers: { 'x-session-token': body.access_token } })).status).toBe(401);
    expect(await code()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('accepts client_secret_post and a JSON body (as Samco\'s docs send)', async () => {
    const { client, raw, post, code } = await setup();
    const viaForm = await post('/oauth/token', { grant_type: 'authorization_code', code: await code(), code_verifier: VERIFIER, client_id: client.apiKey, client_secret: client.apiSecret });
    expect(viaForm.status).toBe(200);
    const viaJson = await raw('POST', '/oauth/token', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', code: await code(), code_verifier: VERIFIER, client_id: client.apiKey, client_secret: client.apiSecret }),
    });
    expect(viaJson.status).toBe(200);
  });

  it('answers a bad client 401 invalid_client with WWW-Authenticate, and changes nothing', async () => {
    const { client, post, code, basic } = await setup();
    const c = await code();
    const wrong = `Basic ${Buffer.from(`${client.apiKey}:wrong`).toString('base64')}`;
    for (const authorization of [wrong, 'Bearer abc', 'Basic !!!']) {
      const res = await post('/oauth/token', { grant_type: 'authorization_code', code: c, code_verifier: VERIFIER }, { authorization });
      expect(res.status, authorization).toBe(401);
      expect(res.json()).toMatchObject({ error: 'invalid_client' });
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    }
    const none = await post('/oauth/token', { grant_type: 'authorization_code', code: c, code_verifier: VERIFIER });
    expect(none.status).toBe(401);
    const good = await post('/oauth/token', { grant_type: 'authorization_code', code: c, code_verifier: VERIFIER }, { authorization: basic });
    expect(good.status).toBe(200);
  });

  it.each([
    ['malformed JSON', { 'content-type': 'application/json' }, '{"grant_type":', 400, /Malformed JSON/],
    ['a wrong content type', { 'content-type': 'text/plain' }, 'grant_type=authorization_code', 415, /application\/x-www-form-urlencoded or application\/json/],
    ['a repeated parameter', { 'content-type': FORM }, 'grant_type=refresh_token&grant_type=authorization_code', 400, /grant_type/],
    ['a non-string JSON value', { 'content-type': 'application/json' }, '{"grant_type":7}', 400, /grant_type/],
  ])('answers %s with an OAuth error body, never plain text', async (_name, headers, body, status, description) => {
    const { raw, basic } = await setup();
    const res = await raw('POST', '/oauth/token', { headers: { ...headers, authorization: basic }, body });
    expect(res.status).toBe(status);
    expect(res.json()).toMatchObject({ error: 'invalid_request', error_description: expect.stringMatching(description) });
  });

  it('unknown OAuth paths and wrong methods answer OAuth error bodies too', async () => {
    const { raw } = await setup();
    const missing = await raw('GET', '/oauth/nothing');
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'invalid_request' });
    const method = await raw('GET', '/oauth/token');
    expect(method.status).toBe(405);
    expect(method.headers.get('allow')).toBe('POST');
    expect(method.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('redirects protocol errors back with the state, and refuses an untrusted redirect URI without redirecting', async () => {
    const { raw, query } = await setup();
    const plain = new URLSearchParams(query);
    plain.set('code_challenge_method', 'plain');
    const res = await raw('GET', `/oauth/authorize?${plain}`);
    expect(res.status).toBe(302);
    const back = new URL(res.headers.get('location')!);
    expect(Object.fromEntries(back.searchParams)).toMatchObject({ error: 'invalid_request', state: 's-123' });

    const evil = new URLSearchParams(query);
    evil.set('redirect_uri', 'https://evil.example/cb');
    const json = await raw('GET', `/oauth/authorize?${evil}`);
    expect(json.status).toBe(400);
    expect(json.headers.get('location')).toBeNull();
    expect(json.json()).toMatchObject({ error: 'invalid_request', error_description: expect.stringMatching(/does not match/) });
    const html = await raw('GET', `/oauth/authorize?${evil}`, { headers: { accept: 'text/html' } });
    expect(html.status).toBe(400);
    expect(html.text).toContain('Authorization refused');
  });

  it('a wrong API secret on the consent page shows the page again with the error (401), and issues no code', async () => {
    const { raw, query, post } = await setup();
    const res = await raw('POST', '/oauth/authorize', { headers: { 'content-type': FORM, accept: 'text/html' }, body: new URLSearchParams({ ...Object.fromEntries(query), api_secret: 'wrong' }).toString() });
    expect(res.status).toBe(401);
    expect(res.text).toContain('Invalid API secret');
    expect(res.text).toContain('<form method="post" action="/oauth/authorize">');
    const json = await post('/oauth/authorize', { ...Object.fromEntries(query), api_secret: 'wrong' });
    expect(json.status).toBe(401);
    expect(json.json()).toMatchObject({ error: 'access_denied' });
  });

  it('OAuth access tokens obey the static-IP rule of order calls', async () => {
    const { h, tokens } = await setup();
    const { access_token } = await tokens();
    const order = await h.request('GET', '/order/orderBook', { headers: { 'x-session-token': access_token }, srcIp: '8.8.4.4' });
    expect(order).toMatchObject({ status: 403, body: { statusMessage: 'The IP is not the registered static IP' } });
  });

  it('deactivating the app ends its OAuth tokens', async () => {
    const { h, who, client, tokens, post, basic } = await setup();
    const { access_token, refresh_token } = await tokens();
    const pending = await h.request('POST', `/app/api/apps/${client.app.appId}/deactivate`, { headers: who.auth });
    expect((await h.confirm(who, pending.body.challenge.challengeId)).status).toBe(200);
    expect((await h.request('GET', '/limit/getLimits', { headers: { 'x-session-token': access_token } })).status).toBe(401);
    const refresh = await post('/oauth/token', { grant_type: 'refresh_token', refresh_token }, { authorization: basic });
    expect(refresh.status).toBe(401);
  });
});
