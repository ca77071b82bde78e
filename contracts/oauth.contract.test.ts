import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, inject, it, type TestContext } from 'vitest';
import { call, requires, spec } from './client.js';
import { createApp, newAccount, signIn, type CreatedApp, type TestAccount } from './flows.js';

/**
 * Reference rules (samco-trade-api.md, "OAuth 2.1 authorization code, as Samco runs it"; Envelope;
 * Credentials): GET /oauth/authorize?api_key=&redirect_url=&state=&scopes= validates the request;
 * POST /oauth/authenticate {api_key, redirect_url, api_secret, state, scopes} answers
 * data.redirectTo = redirect_url?code=...&state=...; POST /oauth/token {grant_type, code} (the code
 * is the only credential) answers {status:"Success", data:{access_token, refresh_token, session_id,
 * ...}}; refresh rotates the pair in the same session; POST /oauth/revoke ends the whole session and
 * is idempotent. Failures are {status:"Failure", message, errorCode?} with Samco's EOAUTH codes and
 * the sandbox's HTTP statuses (spec/errors.ts). Every body is plain JSON; unknown keys are ignored
 * and "" in an optional field counts as absent.
 *
 * The steps call the API as Samco's own sample callback handlers do: JSON bodies, `status ===
 * 'Success'`, then `data.access_token`, `data.refresh_token`, `data.session_id`. Every response is
 * also checked against spec/openapi.json by `call` (client.ts).
 */
const REDIRECT = 'https://tradeapi.samco.in/app/callback';
const CODE = /^[A-Za-z0-9_-]{43}$/;
const TRADING_SESSION = 'Unable to start your trading session. Please open the SAMCO mobile app, sign in once, and then retry.';

type Body = Record<string, any>;
type Params = Record<string, string>;

/** A Failure exactly as spec/errors.ts gives it: nothing but status, message and (when published) errorCode. */
const failure = (message: string, errorCode?: string) => ({ status: 'Failure', message, ...(errorCode ? { errorCode } : {}) });

/** What Samco's sample handlers do with an OAuth answer: check status === 'Success', then read data. */
function successData(ctx: TestContext, body: Body): Body {
  ctx.expect(body.status).toBe('Success');
  return body.data as Body;
}

describe.each(inject('targets'))('Samco OAuth 2.1 on $name', (target) => {
  type Setup = { account: TestAccount; client: CreatedApp };

  /** A fresh account with one app, so that no step shares a code, a session or a standing with another. */
  async function setup(appName = 'OAuth Partner'): Promise<Setup> {
    const account = await newAccount(target);
    const auth = await signIn(target, account);
    const client = await createApp(target, account, auth, appName, REDIRECT);
    return { account, client };
  }

  function request(client: CreatedApp, extra: Params = {}): Params {
    return { api_key: client.apiKey, redirect_url: REDIRECT, state: `st-${randomBytes(6).toString('hex')}`, scopes: 'all', ...extra };
  }

  /** The consent page's two calls: authorize, then authenticate with the API secret. Returns the code and the parsed redirect. */
  async function consent(ctx: TestContext, client: CreatedApp, extra: Params = {}) {
    const query = request(client, extra);
    await call(target, 'oauthAuthorize', { query }).expectStatus(200).expectJsonLike({ status: 'Success' });
    const res = await call(target, 'oauthAuthenticate', { body: { ...query, api_secret: client.apiSecret } }).expectStatus(200);
    const redirect = new URL(successData(ctx, res.json as Body).redirectTo);
    const code = redirect.searchParams.get('code')!;
    ctx.expect(code).toMatch(CODE);
    return { code, redirect, sent: query };
  }

  function exchange(code: string, extra: Body = {}) {
    return call(target, 'oauthToken', { body: { grant_type: 'authorization_code', code, ...extra } });
  }

  function refresh(refreshToken: string) {
    return call(target, 'oauthToken', { body: { grant_type: 'refresh_token', refresh_token: refreshToken } });
  }

  async function tokens(ctx: TestContext, code: string, extra: Body = {}): Promise<Body> {
    const res = await exchange(code, extra).expectStatus(200);
    return successData(ctx, res.json as Body);
  }

  const limits = (accessToken: string) => call(target, 'getLimits', { headers: { 'x-session-token': accessToken } });

  const setStanding = (uid: string, standing: string) => call(target, 'sandboxSetStanding', { params: { uid }, body: { standing } }).expectStatus(200).expectJsonLike({ uid, standing });

  const setBackendDelay = (delayMs: number) => call(target, 'sandboxTradingBackend', { body: { delayMs } }).expectStatus(200).expectJsonLike({ delayMs });

  it('walks the documented flow: authorize, authenticate, a code with the same state, token, a Trade API call', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { account, client } = await setup('OAuth Walk');
    const query = request(client, { state: 'st-walk-1' });

    const authorized = await call(target, 'oauthAuthorize', { query }).expectStatus(200);
    const page = authorized.json as Body;
    ctx.expect(page.status).toBe('Success');
    ctx.expect(page.message).toEqual(ctx.expect.any(String));
    ctx.expect(page.data).toEqual({
      appName: 'OAuth Walk',
      apiKey: client.apiKey,
      redirectUrl: REDIRECT,
      state: 'st-walk-1',
      scopes: 'all',
      clientUid: account.uid,
      nextAction: '/oauth/authenticate',
    });

    const authenticated = await call(target, 'oauthAuthenticate', { body: { ...query, api_secret: client.apiSecret } }).expectStatus(200);
    const redirect = new URL(successData(ctx, authenticated.json as Body).redirectTo);
    ctx.expect(redirect.origin + redirect.pathname).toBe(REDIRECT);
    ctx.expect(redirect.searchParams.get('code')).toMatch(CODE);
    ctx.expect(redirect.searchParams.get('state')).toBe('st-walk-1');

    const data = await tokens(ctx, redirect.searchParams.get('code')!);
    ctx.expect(data).toMatchObject({
      token_type: 'Bearer',
      expires_in: 86400,
      refresh_token_expires_in: 604800,
      user_id: account.uid,
      accountID: account.uid,
      scopes: 'all',
      accountName: ctx.expect.any(String),
      exchangeList: ctx.expect.any(Array),
      orderTypeList: ctx.expect.any(Array),
      productList: ctx.expect.any(Array),
      srcIp: ctx.expect.any(String),
      // The app has no static IPs registered: "" as the v3.2 release notes say.
      primaryIp: '',
      secondaryIp: '',
    });
    for (const key of ['access_token', 'refresh_token', 'session_id']) ctx.expect(data[key], key).toMatch(/.{16,}/);
    ctx.expect(data.srcIp).not.toBe('');
    ctx.expect(data.refresh_token).not.toBe(data.access_token);

    await limits(data.access_token).expectStatus(200).expectJsonLike({ status: 'Success' });
  });

  it('a replayed code is refused with EOAUTH012, and the tokens it issued are revoked', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { client } = await setup();
    const { code } = await consent(ctx, client);
    const data = await tokens(ctx, code);
    await limits(data.access_token).expectStatus(200);

    await exchange(code).expectStatus(400).expectJson(failure('Authorization code already used. All tokens revoked for security.', 'EOAUTH012'));
    await limits(data.access_token).expectStatus(401).expectJsonLike({ status: 'Failure' });
    await refresh(data.refresh_token).expectStatus(401).expectJson(failure('Invalid or inactive refresh token', 'EOAUTH016'));
  });

  it('refresh returns a new pair in the same session; the old refresh token is refused with EOAUTH016', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { client } = await setup();
    const { code } = await consent(ctx, client);
    const first = await tokens(ctx, code);

    const res = await refresh(first.refresh_token).expectStatus(200);
    const next = successData(ctx, res.json as Body);
    ctx.expect(next).toMatchObject({ token_type: 'Bearer', expires_in: 86400, refresh_token_expires_in: 604800, session_id: first.session_id, user_id: first.user_id, scopes: 'all' });
    ctx.expect(next.access_token).not.toBe(first.access_token);
    ctx.expect(next.refresh_token).not.toBe(first.refresh_token);

    // The spec (oauthToken): the new pair replaces the old one, the previous access token included.
    await limits(first.access_token).expectStatus(401).expectJsonLike({ status: 'Failure' });
    await refresh(first.refresh_token).expectStatus(401).expectJson(failure('Invalid or inactive refresh token', 'EOAUTH016'));
    // EOAUTH016 revokes nothing: the new pair still works.
    await limits(next.access_token).expectStatus(200).expectJsonLike({ status: 'Success' });
    const again = successData(ctx, (await refresh(next.refresh_token).expectStatus(200)).json as Body);
    ctx.expect(again.session_id).toBe(first.session_id);
    await limits(again.access_token).expectStatus(200);
  });

  it('revoke with either token ends the whole session, and answers the same for a dead or unknown token', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { client } = await setup();
    const revoked = { status: 'Success', message: 'Token revoked successfully' };

    // By refresh token: the session's access token dies with it.
    const byRefresh = await tokens(ctx, (await consent(ctx, client)).code);
    await limits(byRefresh.access_token).expectStatus(200);
    await call(target, 'oauthRevoke', { body: { token: byRefresh.refresh_token, token_type: 'refresh_token' } })
      .expectStatus(200)
      .expectJson(revoked);
    await limits(byRefresh.access_token).expectStatus(401).expectJsonLike({ status: 'Failure' });
    await refresh(byRefresh.refresh_token).expectStatus(401).expectJson(failure('Invalid or inactive refresh token', 'EOAUTH016'));

    // By access token: the session's refresh token dies with it.
    const byAccess = await tokens(ctx, (await consent(ctx, client)).code);
    await call(target, 'oauthRevoke', { body: { token: byAccess.access_token, token_type: 'access_token' } })
      .expectStatus(200)
      .expectJson(revoked);
    await limits(byAccess.access_token).expectStatus(401).expectJsonLike({ status: 'Failure' });
    await refresh(byAccess.refresh_token).expectStatus(401).expectJson(failure('Invalid or inactive refresh token', 'EOAUTH016'));

    // Idempotent: again, and a token never issued.
    await call(target, 'oauthRevoke', { body: { token: byAccess.access_token, token_type: 'access_token' } })
      .expectStatus(200)
      .expectJson(revoked);
    await call(target, 'oauthRevoke', { body: { token: byRefresh.refresh_token } })
      .expectStatus(200)
      .expectJson(revoked);
    await call(target, 'oauthRevoke', { body: { token: randomBytes(32).toString('base64url'), token_type: 'refresh_token' } })
      .expectStatus(200)
      .expectJson(revoked);
  });

  it("authorize refuses an unknown api_key (EOAUTH001), a wrong redirect_url (EOAUTH002), scopes not the app's (EOAUTH003)", async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { client } = await setup();
    const unknownKey = randomBytes(32).toString('hex');
    await call(target, 'oauthAuthorize', { query: request(client, { api_key: unknownKey }) })
      .expectStatus(401)
      .expectJson(failure('Invalid API key', 'EOAUTH001'));
    await call(target, 'oauthAuthorize', { query: request(client, { redirect_url: `${REDIRECT}/other` }) })
      .expectStatus(400)
      .expectJson(failure('redirect_url does not match the redirect URL registered for the app', 'EOAUTH002'));
    await call(target, 'oauthAuthorize', { query: request(client, { redirect_url: 'https://tradeapi.samco.in:8443/app/callback' }) })
      .expectStatus(400)
      .expectJson(failure('redirect_url does not match the redirect URL registered for the app', 'EOAUTH002'));
    await call(target, 'oauthAuthorize', { query: request(client, { scopes: 'orders' }) })
      .expectStatus(400)
      .expectJson(failure('Requested scopes are not a subset of the scopes registered for the app', 'EOAUTH003'));
    // The same checks at authenticate, in the published order (key, redirect, secret, ..., scopes).
    await call(target, 'oauthAuthenticate', { body: { ...request(client, { api_key: unknownKey }), api_secret: client.apiSecret } })
      .expectStatus(401)
      .expectJson(failure('Invalid API key', 'EOAUTH001'));
    await call(target, 'oauthAuthenticate', { body: { ...request(client, { scopes: 'orders' }), api_secret: client.apiSecret } })
      .expectStatus(400)
      .expectJson(failure('Requested scopes are not a subset of the scopes registered for the app', 'EOAUTH003'));
  });

  it('authenticate refuses a wrong API secret of the issued form and one that is not of that form (EOAUTH008)', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { client } = await setup();
    // Same length and alphabet as the issued secret (hex AES ciphertext), different value.
    const wrong = [...client.apiSecret].map((c, i) => (i === 0 ? (c === '0' ? '1' : '0') : c)).join('');
    ctx.expect(wrong).not.toBe(client.apiSecret);
    await call(target, 'oauthAuthenticate', { body: { ...request(client), api_secret: wrong } })
      .expectStatus(401)
      .expectJson(failure('Invalid API secret', 'EOAUTH008'));
    await call(target, 'oauthAuthenticate', { body: { ...request(client), api_secret: 'my plaintext secret' } })
      .expectStatus(401)
      .expectJson(failure('Invalid API secret format', 'EOAUTH008'));
    // None of the refusals used anything up: the right secret still gives a code.
    await consent(ctx, client);
  });

  it('the token endpoint refuses a missing code (EOAUTH010), an unknown code (EOAUTH011), a missing refresh_token (EOAUTH015), another grant_type', async (ctx) => {
    // Nothing here changes an account, so the real service can run it too.
    if (!target.capabilities.includes('givenSession')) requires(ctx, target, 'stateful');
    await call(target, 'oauthToken', { body: { grant_type: 'authorization_code' } })
      .expectStatus(400)
      .expectJson(failure('code is required', 'EOAUTH010'));
    await exchange(randomBytes(32).toString('base64url')).expectStatus(400).expectJson(failure('Invalid authorization code', 'EOAUTH011'));
    await call(target, 'oauthToken', { body: { grant_type: 'refresh_token' } })
      .expectStatus(400)
      .expectJson(failure('refresh_token is required', 'EOAUTH015'));
    await refresh(randomBytes(32).toString('base64url')).expectStatus(401).expectJson(failure('Invalid or inactive refresh token', 'EOAUTH016'));
    await call(target, 'oauthToken', { body: { grant_type: 'client_credentials', code: randomBytes(32).toString('base64url') } })
      .expectStatus(400)
      .expectJson(failure('grant_type must be authorization_code or refresh_token'));
    await call(target, 'oauthToken', { body: {} }).expectStatus(400).expectJson(failure('grant_type must be authorization_code or refresh_token'));
  });

  it('a blocked or unsubscribed account is refused at authenticate and at the exchange (403, no errorCode)', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { account, client } = await setup();
    const { code } = await consent(ctx, client);
    for (const [standing, message] of [
      ['blocked', 'User account is blocked'],
      ['not-subscribed', 'User not subscribed. Please subscribe to access trade API'],
    ] as const) {
      await setStanding(account.uid, standing);
      try {
        await call(target, 'oauthAuthenticate', { body: { ...request(client), api_secret: client.apiSecret } })
          .expectStatus(403)
          .expectJson(failure(message));
        await exchange(code).expectStatus(403).expectJson(failure(message));
      } finally {
        await setStanding(account.uid, 'active');
      }
    }
    // The refusals left the code unused.
    const data = await tokens(ctx, code);
    await limits(data.access_token).expectStatus(200);
  });

  it('an unavailable trading backend refuses the exchange with EOAUTH999 and leaves the code unused', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { account, client } = await setup();
    const { code } = await consent(ctx, client);
    await setStanding(account.uid, 'backend-unavailable');
    try {
      await exchange(code).expectStatus(401).expectJson(failure(TRADING_SESSION, 'EOAUTH999'));
    } finally {
      await setStanding(account.uid, 'active');
    }
    const data = await tokens(ctx, code);
    await limits(data.access_token).expectStatus(200);
  });

  it('a second exchange of a code while the first is in progress gets 409 EOAUTH030; the first wins', { timeout: 30_000 }, async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { client } = await setup();
    const { code } = await consent(ctx, client);
    await setBackendDelay(1500);
    try {
      const first = exchange(code).expectStatus(200).toss();
      // Should the 409 check below fail, the first exchange's outcome must not surface as an unhandled rejection.
      first.catch(() => undefined);
      await sleep(200);
      await exchange(code).expectStatus(409).expectJson(failure('Concurrent token exchange in progress. Please retry.', 'EOAUTH030'));
      const data = successData(ctx, ((await first) as { json: Body }).json);
      ctx.expect(data.access_token).toEqual(ctx.expect.any(String));
      await setBackendDelay(0);
      // EOAUTH030 revoked nothing; a third exchange is a replay.
      await limits(data.access_token).expectStatus(200);
      await exchange(code).expectStatus(400).expectJson(failure('Authorization code already used. All tokens revoked for security.', 'EOAUTH012'));
    } finally {
      await setBackendDelay(0);
    }
  });

  it('ignores request keys it does not know, and takes "" in an optional field as absent', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { client } = await setup();

    // state "" is no state (echoed as "", no state in the redirect); scopes "" is the default, all.
    const query = request(client, { state: '', scopes: '' });
    const page = await call(target, 'oauthAuthorize', { query }).expectStatus(200);
    ctx.expect(successData(ctx, page.json as Body)).toMatchObject({ state: '', scopes: 'all' });
    const res = await call(target, 'oauthAuthenticate', { body: { ...query, api_secret: client.apiSecret, client_id: client.apiKey, response_type: 'code' } }).expectStatus(200);
    const redirect = new URL(successData(ctx, res.json as Body).redirectTo);
    ctx.expect(redirect.origin + redirect.pathname).toBe(REDIRECT);
    ctx.expect(redirect.searchParams.has('state')).toBe(false);
    const code = redirect.searchParams.get('code')!;
    ctx.expect(code).toMatch(CODE);

    // Without state and scopes at all: the same defaults.
    const bare = await call(target, 'oauthAuthorize', { query: { api_key: client.apiKey, redirect_url: REDIRECT } }).expectStatus(200);
    ctx.expect(successData(ctx, bare.json as Body)).toMatchObject({ state: '', scopes: 'all' });

    // An RFC-minded client's extras at the token endpoint change nothing; refresh_token "" is ignored there.
    const data = await tokens(ctx, code, { client_id: client.apiKey, redirect_uri: REDIRECT, refresh_token: '' });
    ctx.expect(data.scopes).toBe('all');
    await limits(data.access_token).expectStatus(200);

    // "" in a field the grant needs is a missing field.
    await call(target, 'oauthToken', { body: { grant_type: 'authorization_code', code: '' } })
      .expectStatus(400)
      .expectJson(failure('code is required', 'EOAUTH010'));
    await call(target, 'oauthToken', { body: { grant_type: 'refresh_token', refresh_token: '', code } })
      .expectStatus(400)
      .expectJson(failure('refresh_token is required', 'EOAUTH015'));

    // Revoke: token_type "" counts as absent, and an unknown key is ignored.
    await call(target, 'oauthRevoke', { body: { token: data.refresh_token, token_type: '', client_id: client.apiKey } })
      .expectStatus(200)
      .expectJson({ status: 'Success', message: 'Token revoked successfully' });
    await limits(data.access_token).expectStatus(401);
  });

  it("answers every documented OAuth response in the spec's shapes (shape only)", async (ctx) => {
    requires(ctx, target, 'sandboxed');
    // A stateful target answers from its state, not from the examples: the steps above check its shapes.
    if (target.capabilities.includes('stateful')) ctx.skip(`${target.name} answers from state, not from the spec's examples: the stateful steps check its responses against the spec`);
    const inputs: Record<string, { query?: Params; body?: Body }> = {
      oauthAuthorize: { query: { api_key: 'made-up', redirect_url: REDIRECT, state: 'st', scopes: 'all' } },
      oauthAuthenticate: { body: { api_key: 'made-up', redirect_url: REDIRECT, api_secret: 'made-up', state: 'st', scopes: 'all' } },
      oauthToken: { body: { grant_type: 'authorization_code', code: 'made-up' } },
      oauthRevoke: { body: { token: 'made-up', token_type: 'access_token' } },
    };
    for (const [operationId, input] of Object.entries(inputs)) {
      // The default answer (the 200) validates against the spec.
      const res = await call(target, operationId, input).expectStatus(200);
      ctx.expect((res.json as Body).status, operationId).toBe('Success');
      // And every documented failure, each example asked for by name (Prism's Prefer header).
      const responses = spec.operation(operationId).responses as Record<string, { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }>;
      for (const [status, declared] of Object.entries(responses)) {
        for (const [name, example] of Object.entries(declared.content?.['application/json']?.examples ?? {})) {
          await call(target, operationId, { ...input, headers: { prefer: `code=${status}, example=${name}` } })
            .expectStatus(Number(status))
            .expectJson(example.value as object);
        }
      }
    }
  });
});
