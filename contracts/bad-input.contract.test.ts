import { describe, inject, it } from 'vitest';
import { call, raw, requires } from './client.js';
import { newAccount, signIn } from './flows.js';

const ENVELOPE = { serverTime: /^\d{2}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/, status: 'Failure' };

/** Bad input always gets a Failure envelope with a fitting status: never plain text, a stack trace or a 500. */
describe.each(inject('targets'))('bad input on $name', (target) => {
  it('malformed JSON: 400 envelope', async (ctx) => {
    requires(ctx, target, 'raw');
    await call(target, 'dashboardLogin', { raw: { body: '{"userId": "x",', contentType: 'application/json' } })
      .expectStatus(400)
      .expectJsonLike({ ...ENVELOPE, statusMessage: 'Malformed JSON in request body: line 1, column 16: expected a property name in double quotes.' });
    // /session/token answers in the bare shape of its published failure samples.
    await call(target, 'sessionToken', { raw: { body: '{"apiKey": "x",', contentType: 'application/json' } })
      .expectStatus(400)
      .expectJson({ status: 'Failure', statusMessage: 'Malformed JSON in request body: line 1, column 16: expected a property name in double quotes.' });
  });

  it('wrong content type: 415 envelope', async (ctx) => {
    requires(ctx, target, 'raw');
    await call(target, 'dashboardLogin', { raw: { body: 'userId=x&password=y', contentType: 'application/x-www-form-urlencoded' } })
      .expectStatus(415)
      .expectJsonLike(ENVELOPE);
  });

  it('missing, extra and over-long fields: 400 envelope naming the field', async (ctx) => {
    requires(ctx, target, 'raw');
    await call(target, 'secretKeyGenerator', { body: { uid: 'AB1234' } })
      .expectStatus(400)
      .expectJsonLike({ ...ENVELOPE, statusMessage: /body\.otp/ });
    await call(target, 'dashboardLogin', { body: { userId: 'AB1234', password: 'x', admin: true } })
      .expectStatus(400)
      .expectJsonLike({ ...ENVELOPE, statusMessage: /admin/ });
    await call(target, 'dashboardLogin', { body: { userId: 'k'.repeat(5000), password: 's' } })
      .expectStatus(400)
      .expectJsonLike({ ...ENVELOPE, statusMessage: /body\.userId/ });
    const auth = await signIn(target, await newAccount(target));
    await call(target, 'createApp', { headers: auth, body: { appName: 'x'.repeat(101), redirectUrl: 'https://example.com/cb' } })
      .expectStatus(400)
      .expectJsonLike({ ...ENVELOPE, statusMessage: /appName/ });
    await call(target, 'createApp', { headers: auth, body: { appName: '   ab   ', redirectUrl: 'https://example.com/cb' } })
      .expectStatus(400)
      .expectJsonLike({ ...ENVELOPE, statusMessage: /appName/ });
  });

  it('a body over the size limit: 413 envelope', async (ctx) => {
    requires(ctx, target, 'raw');
    await call(target, 'dashboardLogin', { raw: { body: JSON.stringify({ userId: 'k'.repeat(100_000), password: 's' }), contentType: 'application/json' } })
      .expectStatus(413)
      .expectJsonLike(ENVELOPE);
  });

  it('no session token, or no dashboard token: 401 envelope', async (ctx) => {
    requires(ctx, target, 'raw');
    await call(target, 'getLimits')
      .expectStatus(401)
      .expectJsonLike({ ...ENVELOPE, statusMessage: "Unauthorized - Session token is mandatory. Please provide session token in 'x-session-token' header" });
    await call(target, 'listApps').expectStatus(401).expectJsonLike(ENVELOPE);
  });

  it('an app id that is not a UUID, or unknown: 400 / 404 envelopes', async (ctx) => {
    requires(ctx, target, 'raw');
    const auth = await signIn(target, await newAccount(target));
    await call(target, 'getApp', { params: { appId: 'not-a-uuid' }, headers: auth })
      .expectStatus(400)
      .expectJsonLike({ ...ENVELOPE, statusMessage: /path\.appId/ });
    await call(target, 'getApp', { params: { appId: '00000000-0000-4000-8000-000000000000' }, headers: auth })
      .expectStatus(404)
      .expectJsonLike(ENVELOPE);
  });

  it('unknown paths and wrong methods: 404 and 405 envelopes', async (ctx) => {
    requires(ctx, target, 'raw');
    await raw(target, 'GET', '/no/such/path')
      .expectStatus(404)
      .expectJsonLike({ ...ENVELOPE, statusMessage: 'No such endpoint: GET /no/such/path' });
    await raw(target, 'PUT', '/app/api/login').expectStatus(405).expectHeader('allow', 'POST').expectJsonLike(ENVELOPE);
    await raw(target, 'POST', '/logout').expectStatus(405).expectHeader('allow', 'DELETE').expectJsonLike(ENVELOPE);
  });
});
