import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, inject, it } from 'vitest';
import { call, raw, requires } from './client.js';
import { confirm, createApp, lastMessage, newAccount, newAtUser, otpFor, signIn } from './flows.js';

/**
 * Secrets never reach the log. The contract sandbox runs with its request log on; this walks
 * every flow that hands out a secret, then greps the whole log of the run so far for each
 * secret it saw, and for every OTP, API key and secret key still in the outbox from all suites.
 */
describe.each(inject('targets').filter((t) => t.name === 'sandbox'))('secrets in the log of $name', (target) => {
  it('no OTP, key, secret, password or token of the run is in the sandbox log', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const seen: string[] = [];
    const account = await newAccount(target);
    seen.push(account.password);
    const auth = await signIn(target, account);
    seen.push(auth['x-dashboard-token']!);
    const created = await createApp(target, account, auth, 'Secret Keeper');
    seen.push(created.apiKey, created.apiSecret);
    const session = await call(target, 'sessionToken', { body: { apiKey: created.apiKey, apiSecret: created.apiSecret } }).expectStatus(200);
    seen.push((session.json as any).sessionToken);
    const consent = await call(target, 'oauthAuthenticate', { body: { api_key: created.apiKey, redirect_url: created.app.redirectUrl, api_secret: created.apiSecret, state: 'log' } }).expectStatus(
      200,
    );
    const code = new URL((consent.json as any).data.redirectTo).searchParams.get('code')!;
    const oauth = await call(target, 'oauthToken', { body: { grant_type: 'authorization_code', code } }).expectStatus(200);
    const { access_token: accessToken, refresh_token: refreshToken } = (oauth.json as any).data;
    const refreshed = await call(target, 'oauthToken', { body: { grant_type: 'refresh_token', refresh_token: refreshToken } }).expectStatus(200);
    seen.push(code, accessToken, refreshToken, (refreshed.json as any).data.access_token, (refreshed.json as any).data.refresh_token);
    const loginCode = await call(target, 'webSecretCode', { headers: { 'x-session-token': (refreshed.json as any).data.access_token } }).expectStatus(200);
    const otp = (loginCode.json as any).data.OTP;
    const loggedIn = await call(target, 'webSecretCodeValidation', { body: { otp } }).expectStatus(200);
    seen.push(otp, (loggedIn.json as any).sessionToken);
    const regen = await call(target, 'regenerateSecret', { params: { appId: created.app.appId }, headers: auth }).expectStatus(200);
    seen.push((await confirm(target, account, auth, (regen.json as any).challenge)).apiSecret);
    await call(target, 'generateOtp', { body: { uid: account.uid } }).expectStatus(200);
    await call(target, 'secretKeyGenerator', { body: { uid: account.uid, otp: await otpFor(target, account.uid) } }).expectStatus(200);
    const secretKey = (await lastMessage(target, account.uid, 'secret-key-email')).secretApiKey;
    const access = await call(target, 'accessToken', { body: { uid: account.uid, secretApiKey: secretKey } }).expectStatus(200);
    seen.push(secretKey, (access.json as any).accessToken);
    const at = await newAtUser(target);
    seen.push(at.password, at.apiKey);

    const outbox: string[] = [];
    for (const kind of ['otp-sms', 'api-key-email', 'secret-key-email']) {
      const res = await call(target, 'sandboxOutbox', { query: { kind, limit: 1000 } }).expectStatus(200);
      for (const m of (res.json as any).messages) outbox.push(...[m.otp, m.apiKey, m.secretApiKey].filter(Boolean));
    }

    // The log is written by another process: wait until it holds this request's line.
    const marker = `/log-marker-${randomUUID()}`;
    await raw(target, 'GET', marker).expectStatus(404);
    const logFile = inject('sandboxLog');
    let log = '';
    for (let i = 0; i < 50 && !log.includes(marker); i++) {
      await new Promise((r) => setTimeout(r, 100));
      log = readFileSync(logFile, 'utf8');
    }
    ctx.expect(log).toContain(marker);
    ctx.expect(log.split('\n').length).toBeGreaterThan(500);
    const found = [...seen, ...outbox].filter((secret) => new RegExp(`(?<![0-9A-Za-z])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9A-Za-z])`).test(log));
    ctx.expect(outbox.length).toBeGreaterThan(50);
    ctx.expect(found).toEqual([]);
  });
});
