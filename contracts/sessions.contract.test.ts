import { describe, inject, it } from 'vitest';
import { call, requires } from './client.js';
import { appAction, createApp, newAccount, openSession, signIn } from './flows.js';

/**
 * Reference rules (samco-trade-api.md, Sessions; seed 001): POST /session/token with apiKey and
 * apiSecret gives a session token sent as x-session-token; deactivating the app, regenerating its
 * key or its secret ends every session of that app at once; a deactivated app's key and secret
 * stop working; a revoked token gets a Failure on every call.
 */
describe.each(inject('targets'))('sessions on $name', (target) => {
  async function setup() {
    const account = await newAccount(target);
    const auth = await signIn(target, account);
    const created = await createApp(target, account, auth, 'Session App');
    return { account, auth, ...created };
  }

  it('issues a session token that authenticates a Trade API call', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { account, apiKey, apiSecret } = await setup();
    const res = await call(target, 'sessionToken', { body: { apiKey, apiSecret } })
      .expectStatus(200)
      .expectJsonLike({ status: 'Success', statusMessage: 'Session token generated successfully', accountID: account.uid });
    const token = (res.json as any).sessionToken as string;
    ctx.expect(token.split('.')).toHaveLength(3);
    await call(target, 'getLimits', { headers: { 'x-session-token': token } })
      .expectStatus(200)
      .expectJsonLike({ status: 'Success' });
  });

  it('refuses a wrong secret and a wrong key with the real messages and errorCodes', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { apiKey, apiSecret } = await setup();
    const otherSecret = [...apiSecret].reverse().join('');
    await call(target, 'sessionToken', { body: { apiKey, apiSecret: otherSecret } })
      .expectStatus(401)
      .expectJson({ status: 'Failure', statusMessage: 'Invalid API secret', errorCode: 'EOAUTH008' });
    await call(target, 'sessionToken', { body: { apiKey, apiSecret: `${apiSecret}x` } })
      .expectStatus(401)
      .expectJson({ status: 'Failure', statusMessage: 'Invalid API secret format', errorCode: 'EOAUTH008' });
    await call(target, 'sessionToken', { body: { apiKey: `${apiKey}x`, apiSecret } })
      .expectStatus(401)
      .expectJson({ status: 'Failure', statusMessage: 'Invalid API key', errorCode: 'EOAUTH001' });
  });

  for (const [operationId, reason] of [
    ['deactivateApp', /deactivated/],
    ['regenerateKey', /API key .*regenerated/],
    ['regenerateSecret', /API secret .*regenerated/],
  ] as const) {
    it(`${operationId} revokes every session of the app at once, and only of that app`, async (ctx) => {
      requires(ctx, target, 'stateful', 'control');
      const { account, auth, app, apiKey, apiSecret } = await setup();
      const other = await createApp(target, account, auth, 'Bystander App');
      const first = await openSession(target, apiKey, apiSecret);
      const second = await openSession(target, apiKey, apiSecret);
      const bystander = await openSession(target, other.apiKey, other.apiSecret);
      await appAction(target, account, auth, operationId, app.appId);
      for (const token of [first, second]) {
        await call(target, 'getLimits', { headers: { 'x-session-token': token } })
          .expectStatus(401)
          .expectJsonLike({ status: 'Failure', statusMessage: reason });
      }
      await call(target, 'getLimits', { headers: { 'x-session-token': bystander } }).expectStatus(200);
    });
  }

  it("a deactivated app's key and secret stop working; activating again does not revive old tokens", async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { account, auth, app, apiKey, apiSecret } = await setup();
    const old = await openSession(target, apiKey, apiSecret);
    await appAction(target, account, auth, 'deactivateApp', app.appId);
    await call(target, 'sessionToken', { body: { apiKey, apiSecret } }).expectStatus(401).expectJsonLike({ statusMessage: 'Invalid or inactive API key', errorCode: 'EOAUTH001' });
    await appAction(target, account, auth, 'activateApp', app.appId);
    await call(target, 'getLimits', { headers: { 'x-session-token': old } }).expectStatus(401);
    const fresh = await openSession(target, apiKey, apiSecret);
    await call(target, 'getLimits', { headers: { 'x-session-token': fresh } }).expectStatus(200);
  });

  it('the old secret stops working after regenerate-secret; the new one (shown once) works', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { account, auth, app, apiKey, apiSecret } = await setup();
    const done = await appAction(target, account, auth, 'regenerateSecret', app.appId);
    ctx.expect(done.apiSecret).toMatch(/^[0-9a-f]{96}$/);
    ctx.expect(done.apiSecret).not.toBe(apiSecret);
    await call(target, 'sessionToken', { body: { apiKey, apiSecret } }).expectStatus(401);
    await openSession(target, apiKey, done.apiSecret);
  });

  it('logout ends the session', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { apiKey, apiSecret } = await setup();
    const token = await openSession(target, apiKey, apiSecret);
    await call(target, 'logout', { headers: { 'x-session-token': token } }).expectStatus(200);
    await call(target, 'getLimits', { headers: { 'x-session-token': token } })
      .expectStatus(401)
      .expectJsonLike({ statusMessage: /logout/ });
  });

  it('reads limits with a given session token (read-only)', async (ctx) => {
    requires(ctx, target, 'givenSession');
    await call(target, 'getLimits', { headers: { 'x-session-token': target.sessionToken! } })
      .expectStatus(200)
      .expectJsonLike({ status: 'Success' });
  });

  it('refuses a made-up session token with a Failure envelope', async (ctx) => {
    // A mock answers from examples whatever the token; only a backend that checks tokens can refuse it.
    if (!target.capabilities.includes('givenSession')) requires(ctx, target, 'stateful');
    await call(target, 'getLimits', { headers: { 'x-session-token': 'eyJhbGciOiJIUzI1NiJ9.e30.not-a-real-token' } })
      .expectStatus(401)
      .expectJsonLike({ status: 'Failure' });
  });
});
