import { describe, inject, it } from 'vitest';
import { call, requires } from './client.js';
import { appAction, confirm, createApp, lastMessage, newAccount, otpFor, signIn } from './flows.js';

/**
 * Reference rules (samco-trade-api.md, OAuth apps; seed 001): create is OTP-gated, the API Secret
 * is shown once with the app name, the API Key is e-mailed; names are 3-100 characters, unique
 * per account case-insensitively after trimming, deactivated apps keep theirs; at most 5 apps,
 * deactivated ones counted, no delete; edit, deactivate/activate, regenerate key and secret are
 * OTP-gated; the table shows App Name, Redirect URL, Status and Last Updated.
 */
describe.each(inject('targets'))('dashboard apps on $name', (target) => {
  it('creates an app: OTP by SMS and e-mail, secret once with the app name, key by e-mail', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const account = await newAccount(target);
    const auth = await signIn(target, account);
    const res = await call(target, 'createApp', { headers: auth, body: { appName: '  Momentum Bot  ', redirectUrl: 'https://tradeapi.samco.in/app/callback' } })
      .expectStatus(200)
      .expectJsonLike({ status: 'Success', challenge: { action: 'create', appId: null } });
    const challenge = (res.json as any).challenge;
    const done = await confirm(target, account, auth, challenge);
    ctx.expect(done.app).toMatchObject({ appName: 'Momentum Bot', status: 'Active', scope: 'all' });
    ctx.expect(done.apiSecret).toMatch(/^[0-9a-f]{96}$/);
    ctx.expect(done.statusMessage).toContain('Momentum Bot');
    const mail = await lastMessage(target, account.uid, 'api-key-email');
    ctx.expect(mail).toMatchObject({ appId: done.app.appId, appName: 'Momentum Bot' });
    ctx.expect(mail.apiKey).toMatch(/^[0-9a-f]{64}$/);

    const list = await call(target, 'listApps', { headers: auth }).expectStatus(200);
    const body = list.json as any;
    ctx.expect(body.apps).toHaveLength(1);
    ctx.expect(body.apps[0]).toEqual({ ...done.app });
    ctx.expect(JSON.stringify(body)).not.toContain(done.apiSecret);
    ctx.expect(JSON.stringify(body)).not.toContain(mail.apiKey);
  });

  it('a verified challenge cannot be replayed', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const account = await newAccount(target);
    const auth = await signIn(target, account);
    const res = await call(target, 'createApp', { headers: auth, body: { appName: 'Replay Check', redirectUrl: 'https://example.com/cb' } }).expectStatus(200);
    const challenge = (res.json as any).challenge;
    const otp = await otpFor(target, account.uid, challenge.challengeId);
    await call(target, 'verifyChallenge', { params: { challengeId: challenge.challengeId }, headers: auth, body: { otp } }).expectStatus(200);
    await call(target, 'verifyChallenge', { params: { challengeId: challenge.challengeId }, headers: auth, body: { otp } })
      .expectStatus(400)
      .expectJson('statusMessage', 'Invalid OTP.');
    const list = await call(target, 'listApps', { headers: auth }).expectStatus(200);
    ctx.expect((list.json as any).apps).toHaveLength(1);
  });

  it('refuses a name taken by another app, whatever its case, spaces or status', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const account = await newAccount(target);
    const auth = await signIn(target, account);
    const { app } = await createApp(target, account, auth, 'Alpha Desk');
    for (const name of ['alpha desk', '  ALPHA DESK ', 'Alpha Desk']) {
      await call(target, 'createApp', { headers: auth, body: { appName: name, redirectUrl: 'https://example.com/cb' } })
        .expectStatus(409)
        .expectJsonLike({ status: 'Failure' });
    }
    await appAction(target, account, auth, 'deactivateApp', app.appId);
    await call(target, 'createApp', { headers: auth, body: { appName: 'ALPHA desk', redirectUrl: 'https://example.com/cb' } }).expectStatus(409);
  });

  it('allows at most 5 apps, deactivated ones counted; the 6th changes nothing', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const account = await newAccount(target);
    const auth = await signIn(target, account);
    const created = [];
    for (let i = 1; i <= 5; i++) created.push(await createApp(target, account, auth, `Slot ${i}`));
    await appAction(target, account, auth, 'deactivateApp', created[0]!.app.appId);
    await call(target, 'createApp', { headers: auth, body: { appName: 'Slot 6', redirectUrl: 'https://example.com/cb' } })
      .expectStatus(409)
      .expectJsonLike({ status: 'Failure', statusMessage: /at most 5 apps/ });
    const list = await call(target, 'listApps', { headers: auth }).expectStatus(200).expectJsonLike({ appLimit: 5, appsUsed: 5 });
    ctx.expect((list.json as any).apps.map((a: any) => a.appName)).toEqual(['Slot 1', 'Slot 2', 'Slot 3', 'Slot 4', 'Slot 5']);
  });

  it('has no delete: a clear Failure, and the app stays', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const account = await newAccount(target);
    const auth = await signIn(target, account);
    const { app } = await createApp(target, account, auth, 'Keep Me');
    await call(target, 'deleteApp', { params: { appId: app.appId }, headers: auth })
      .expectStatus(405)
      .expectJsonLike({ status: 'Failure', statusMessage: /not supported/ });
    await call(target, 'getApp', { params: { appId: app.appId }, headers: auth })
      .expectStatus(200)
      .expectJsonLike({ app: { appName: 'Keep Me' } });
  });

  it('edits name and redirect URL behind an OTP, keeping scope and credentials', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const account = await newAccount(target);
    const auth = await signIn(target, account);
    const created = await createApp(target, account, auth, 'Old Name');
    const res = await call(target, 'editApp', { params: { appId: created.app.appId }, headers: auth, body: { appName: 'New Name', redirectUrl: 'http://127.0.0.1:8080/cb' } })
      .expectStatus(200)
      .expectJsonLike({ challenge: { action: 'edit', appId: created.app.appId } });
    await call(target, 'getApp', { params: { appId: created.app.appId }, headers: auth }).expectJsonLike({ app: { appName: 'Old Name' } });
    const done = await confirm(target, account, auth, (res.json as any).challenge);
    ctx.expect(done.app).toMatchObject({ appName: 'New Name', redirectUrl: 'http://127.0.0.1:8080/cb', scope: 'all' });
    ctx.expect(done.apiSecret).toBeUndefined();
    await call(target, 'sessionToken', { body: { apiKey: created.apiKey, apiSecret: created.apiSecret } }).expectStatus(200);
  });

  it('refuses a redirect URL that is not HTTPS (http only on 127.0.0.1)', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const account = await newAccount(target);
    const auth = await signIn(target, account);
    for (const redirectUrl of ['http://example.com/cb', 'ftp://example.com/cb', 'https://example.com/cb#frag', 'not a url']) {
      await call(target, 'createApp', { headers: auth, body: { appName: 'Url Check', redirectUrl } })
        .expectStatus(400)
        .expectJsonLike({ status: 'Failure', statusMessage: /Redirect URL/ });
    }
  });

  it("another account's app and challenge are as unknown as missing ones", async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const owner = await newAccount(target);
    const ownerAuth = await signIn(target, owner);
    const { app } = await createApp(target, owner, ownerAuth, 'Private App');
    const pending = await call(target, 'deactivateApp', { params: { appId: app.appId }, headers: ownerAuth }).expectStatus(200);
    const other = await newAccount(target);
    const otherAuth = await signIn(target, other);
    await call(target, 'getApp', { params: { appId: app.appId }, headers: otherAuth })
      .expectStatus(404)
      .expectJson('statusMessage', 'App not found.');
    await call(target, 'regenerateSecret', { params: { appId: app.appId }, headers: otherAuth }).expectStatus(404);
    const challengeId = (pending.json as any).challenge.challengeId;
    const otp = await otpFor(target, owner.uid, challengeId);
    await call(target, 'verifyChallenge', { params: { challengeId }, headers: otherAuth, body: { otp } }).expectStatus(404);
    await call(target, 'getApp', { params: { appId: app.appId }, headers: ownerAuth }).expectJsonLike({ app: { status: 'Active' } });
  });

  it('answers dashboard sign-in with a spec-valid envelope (shape only)', async (ctx) => {
    requires(ctx, target, 'sandboxed');
    await call(target, 'dashboardLogin', { body: { userId: 'AB1234', password: 'wrong' } });
  });
});
