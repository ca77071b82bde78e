import { describe, inject, it } from 'vitest';
import { call, requires } from './client.js';
import { lastMessage, newAccount, otpFor } from './flows.js';

/**
 * Reference rules (samco-trade-api.md, Legacy flow): Generate OTP sends an OTP to SMS and e-mail;
 * secretKeyGenerator with uid + otp e-mails the secret key ("The secret API key has been sent to
 * your email."); a wrong OTP is Failure "Invalid OTP."; the key is e-mailed, never returned.
 */
describe.each(inject('targets'))('legacy OTP -> secret key on $name', (target) => {
  it('sends an OTP by SMS and e-mail, then e-mails a secret key for the right OTP', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const account = await newAccount(target);
    await call(target, 'generateOtp', { body: { uid: account.uid } })
      .expectStatus(200)
      .expectJsonLike({ status: 'Success', statusMessage: 'OTP sent to your mobile and email.' });
    const sms = await lastMessage(target, account.uid, 'otp-sms');
    const mail = await lastMessage(target, account.uid, 'otp-email');
    ctx.expect(mail.otp).toBe(sms.otp);
    const res = await call(target, 'secretKeyGenerator', { body: { uid: account.uid, otp: sms.otp } })
      .expectStatus(200)
      .expectJson('statusMessage', 'The secret API key has been sent to your email.');
    const keyMail = await lastMessage(target, account.uid, 'secret-key-email');
    ctx.expect(keyMail.secretApiKey).toMatch(/^[A-Za-z0-9]{32}$/);
    ctx.expect(JSON.stringify(res.json)).not.toContain(keyMail.secretApiKey);
  });

  it('refuses a wrong OTP with "Invalid OTP." and a used one the same way', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const account = await newAccount(target);
    await call(target, 'generateOtp', { body: { uid: account.uid } }).expectStatus(200);
    const otp = await otpFor(target, account.uid);
    const wrong = otp === '000000' ? '111111' : '000000';
    await call(target, 'secretKeyGenerator', { body: { uid: account.uid, otp: wrong } })
      .expectStatus(400)
      .expectJsonLike({ status: 'Failure', statusMessage: 'Invalid OTP.' });
    await call(target, 'secretKeyGenerator', { body: { uid: account.uid, otp } }).expectStatus(200);
    await call(target, 'secretKeyGenerator', { body: { uid: account.uid, otp } })
      .expectStatus(400)
      .expectJsonLike({ status: 'Failure', statusMessage: 'Invalid OTP.' });
  });

  it('a new OTP replaces the previous one', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const account = await newAccount(target);
    await call(target, 'generateOtp', { body: { uid: account.uid } }).expectStatus(200);
    const first = await otpFor(target, account.uid);
    await call(target, 'generateOtp', { body: { uid: account.uid } }).expectStatus(200);
    const second = await otpFor(target, account.uid);
    if (first !== second) {
      await call(target, 'secretKeyGenerator', { body: { uid: account.uid, otp: first } })
        .expectStatus(400)
        .expectJson('statusMessage', 'Invalid OTP.');
    }
    await call(target, 'secretKeyGenerator', { body: { uid: account.uid, otp: second } }).expectStatus(200);
  });

  it('refuses an unknown user id', async (ctx) => {
    requires(ctx, target, 'stateful');
    await call(target, 'generateOtp', { body: { uid: 'NOSUCH99999' } })
      .expectStatus(400)
      .expectJsonLike({ status: 'Failure', statusMessage: 'Failed to genererate otp for user' });
  });

  it('answers both legacy operations with spec-valid envelopes (shape only)', async (ctx) => {
    requires(ctx, target, 'sandboxed');
    await call(target, 'generateOtp', { body: { uid: 'DV99999' } });
    await call(target, 'secretKeyGenerator', { body: { uid: 'DV99999', otp: '1234' } });
  });
});
