import { describe, expect, it } from 'vitest';
import { OTP_RULES } from '../../mock/domain/context.js';
import { makeDomain, openAccount, otpOf, wrongOtp } from '../helpers.js';

describe('legacy OTP -> secret key', () => {
  it('e-mails a new secret key for the right OTP, and only its hash is kept', () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    expect(domain.accounts.generateLegacyOtp(account.uid).ok).toBe(true);
    const [sms, mail] = domain.store.messages({ uid: account.uid });
    expect(sms).toMatchObject({ kind: 'otp-sms', channel: 'sms', to: '98XXXXXX10' });
    expect(mail).toMatchObject({ kind: 'otp-email', channel: 'email', to: 'ab****@example.com', otp: sms!.otp });
    expect(domain.accounts.generateLegacySecretKey(account.uid, sms!.otp!).ok).toBe(true);
    const key = domain.store.messages({ uid: account.uid, kind: 'secret-key-email' })[0]!.secretApiKey!;
    const stored = domain.accounts.get(account.uid)!;
    expect(stored.legacySecretKeyHash).not.toBeNull();
    expect(JSON.stringify(stored)).not.toContain(key);
  });

  it('refuses a wrong, a reused and an expired OTP with INVALID_OTP', () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    domain.accounts.generateLegacyOtp(account.uid);
    const otp = otpOf(domain, account.uid);
    expect(domain.accounts.generateLegacySecretKey(account.uid, wrongOtp(otp))).toMatchObject({ ok: false, error: { code: 'INVALID_OTP' } });
    expect(domain.accounts.generateLegacySecretKey(account.uid, otp).ok).toBe(true);
    expect(domain.accounts.generateLegacySecretKey(account.uid, otp)).toMatchObject({ ok: false, error: { code: 'INVALID_OTP' } });

    domain.accounts.generateLegacyOtp(account.uid);
    const late = otpOf(domain, account.uid);
    domain.clock.advance(OTP_RULES.ttlMs);
    expect(domain.accounts.generateLegacySecretKey(account.uid, late)).toMatchObject({ ok: false, error: { code: 'INVALID_OTP' } });
  });

  it('accepts an OTP until just before it expires', () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    domain.accounts.generateLegacyOtp(account.uid);
    domain.clock.advance(OTP_RULES.ttlMs - 1);
    expect(domain.accounts.generateLegacySecretKey(account.uid, otpOf(domain, account.uid)).ok).toBe(true);
  });

  it(`kills the OTP after ${OTP_RULES.maxAttempts} wrong tries, even for the right one then`, () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    domain.accounts.generateLegacyOtp(account.uid);
    const otp = otpOf(domain, account.uid);
    for (let i = 1; i < OTP_RULES.maxAttempts; i++) {
      expect(domain.accounts.generateLegacySecretKey(account.uid, wrongOtp(otp))).toMatchObject({ error: { code: 'INVALID_OTP' } });
    }
    expect(domain.accounts.generateLegacySecretKey(account.uid, wrongOtp(otp))).toMatchObject({ error: { code: 'OTP_ATTEMPTS_EXCEEDED' } });
    expect(domain.accounts.generateLegacySecretKey(account.uid, otp)).toMatchObject({ error: { code: 'OTP_ATTEMPTS_EXCEEDED' } });
    domain.accounts.generateLegacyOtp(account.uid);
    expect(domain.accounts.generateLegacySecretKey(account.uid, otpOf(domain, account.uid)).ok).toBe(true);
  });

  it('a new OTP replaces the previous one', () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    domain.accounts.generateLegacyOtp(account.uid);
    const first = otpOf(domain, account.uid);
    domain.accounts.generateLegacyOtp(account.uid);
    const second = otpOf(domain, account.uid);
    if (first !== second) expect(domain.accounts.generateLegacySecretKey(account.uid, first).ok).toBe(false);
    expect(domain.accounts.generateLegacySecretKey(account.uid, second).ok).toBe(true);
  });

  it('refuses an unknown user id without sending anything', () => {
    const domain = makeDomain();
    expect(domain.accounts.generateLegacyOtp('NOSUCH1')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_USER' } });
    expect(domain.store.messageCount()).toBe(0);
  });
});

describe('dashboard OTP challenges', () => {
  it('a resend invalidates the previous OTP and restarts the expiry', () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    const challenge = domain.apps.requestCreate(account, { appName: 'Resend App', redirectUrl: 'https://example.com/cb' });
    if (!challenge.ok) throw new Error();
    const first = otpOf(domain, account.uid, challenge.value.id);
    domain.clock.advance(OTP_RULES.ttlMs - 1000);
    const resent = domain.apps.resend(account, challenge.value.id);
    expect(resent.ok).toBe(true);
    const second = otpOf(domain, account.uid, challenge.value.id);
    domain.clock.advance(OTP_RULES.ttlMs - 1000);
    if (first !== second) expect(domain.apps.verify(account, challenge.value.id, first)).toMatchObject({ error: { code: 'INVALID_OTP' } });
    expect(domain.apps.verify(account, challenge.value.id, second).ok).toBe(true);
  });

  it('a used challenge can be neither verified nor resent again', () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    const challenge = domain.apps.requestCreate(account, { appName: 'Once App', redirectUrl: 'https://example.com/cb' });
    if (!challenge.ok) throw new Error();
    const otp = otpOf(domain, account.uid, challenge.value.id);
    expect(domain.apps.verify(account, challenge.value.id, otp).ok).toBe(true);
    expect(domain.apps.verify(account, challenge.value.id, otp)).toMatchObject({ error: { code: 'INVALID_OTP' } });
    expect(domain.apps.resend(account, challenge.value.id)).toMatchObject({ error: { code: 'CHALLENGE_NOT_FOUND' } });
    expect(domain.apps.list(account)).toHaveLength(1);
  });

  it('another account cannot see or verify a challenge, nor use a legacy OTP as one', () => {
    const domain = makeDomain();
    const owner = openAccount(domain, 'OW1111');
    const other = openAccount(domain, 'OT2222');
    const challenge = domain.apps.requestCreate(owner, { appName: 'Owner App', redirectUrl: 'https://example.com/cb' });
    if (!challenge.ok) throw new Error();
    expect(domain.apps.verify(other, challenge.value.id, otpOf(domain, owner.uid))).toMatchObject({ error: { code: 'CHALLENGE_NOT_FOUND' } });
    domain.accounts.generateLegacyOtp(owner.uid);
    const legacy = domain.store.latestLegacyChallenge(owner.uid)!;
    expect(domain.apps.verify(owner, legacy.id, otpOf(domain, owner.uid))).toMatchObject({ error: { code: 'CHALLENGE_NOT_FOUND' } });
  });
});

describe('OTP sending limit', () => {
  it(`sends at most ${OTP_RULES.maxSends} OTPs to one uid in ${OTP_RULES.sendWindowMs / 60000} minutes, whatever they are for`, () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    for (let i = 0; i < OTP_RULES.maxSends - 1; i++) expect(domain.accounts.generateLegacyOtp(account.uid).ok).toBe(true);
    expect(domain.apps.requestCreate(account, { appName: 'Last One', redirectUrl: 'https://example.com/cb' }).ok).toBe(true);
    const sent = domain.store.messageCount();
    expect(domain.accounts.generateLegacyOtp(account.uid)).toMatchObject({ ok: false, error: { code: 'OTP_RATE_LIMITED' } });
    expect(domain.apps.requestCreate(account, { appName: 'One Too Many', redirectUrl: 'https://example.com/cb' })).toMatchObject({ error: { code: 'OTP_RATE_LIMITED' } });
    expect(domain.store.messageCount()).toBe(sent);
    openAccount(domain, 'OT2222');
    expect(domain.accounts.generateLegacyOtp('OT2222').ok).toBe(true);
    domain.clock.advance(OTP_RULES.sendWindowMs);
    expect(domain.accounts.generateLegacyOtp(account.uid).ok).toBe(true);
  });
});
