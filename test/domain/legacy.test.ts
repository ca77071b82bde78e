import { describe, expect, it } from 'vitest';
import { IST_OFFSET_MS } from '../../mock/domain/ist.js';
import { makeDomain, openAccount, otpOf } from '../helpers.js';

function secretKeyFor(uid: string) {
  const domain = makeDomain();
  openAccount(domain, uid, 'trading-pw');
  domain.accounts.generateLegacyOtp(uid);
  domain.accounts.generateLegacySecretKey(uid, otpOf(domain, uid));
  const secretKey = domain.store.messages({ uid, kind: 'secret-key-email' }).at(-1)!.secretApiKey!;
  return { domain, secretKey };
}

describe('legacy chain: OTP -> secret key -> access token -> login', () => {
  it('gives a session token that authenticates Trade API calls', () => {
    const { domain, secretKey } = secretKeyFor('AB1234');
    const token = domain.accounts.generateAccessToken('AB1234', secretKey);
    if (!token.ok) throw new Error(token.error.code);
    const login = domain.sessions.fromAccessToken({ userId: 'AB1234', password: 'trading-pw', yob: '1990', accessToken: token.value.accessToken }, '49.36.10.20');
    if (!login.ok) throw new Error(login.error.code);
    expect(login.value.session.appId).toBeNull();
    expect(domain.sessions.authenticate(login.value.sessionToken).ok).toBe(true);
  });

  it('the secret key never expires and can be reused; a new OTP flow replaces it', () => {
    const { domain, secretKey } = secretKeyFor('AB1234');
    domain.clock.advance(400 * 24 * 3600 * 1000);
    expect(domain.accounts.generateAccessToken('AB1234', secretKey).ok).toBe(true);
    expect(domain.accounts.generateAccessToken('AB1234', secretKey).ok).toBe(true);
    domain.accounts.generateLegacyOtp('AB1234');
    domain.accounts.generateLegacySecretKey('AB1234', otpOf(domain, 'AB1234'));
    expect(domain.accounts.generateAccessToken('AB1234', secretKey)).toMatchObject({ error: { code: 'SECRET_KEY_MISMATCH' } });
  });

  it('refuses a wrong secret key, password, year of birth or access token', () => {
    const { domain, secretKey } = secretKeyFor('AB1234');
    expect(domain.accounts.generateAccessToken('AB1234', `${secretKey}x`)).toMatchObject({ error: { code: 'SECRET_KEY_MISMATCH' } });
    expect(domain.accounts.generateAccessToken('NOPE99', secretKey)).toMatchObject({ error: { code: 'UNKNOWN_USER' } });
    const token = domain.accounts.generateAccessToken('AB1234', secretKey);
    if (!token.ok) throw new Error();
    const login = (over: Record<string, string>) => domain.sessions.fromAccessToken({ userId: 'AB1234', password: 'trading-pw', accessToken: token.value.accessToken, ...over }, '127.0.0.1');
    expect(login({ password: 'nope' })).toMatchObject({ error: { code: 'LEGACY_INVALID_PASSWORD' } });
    expect(login({ yob: '1991' })).toMatchObject({ error: { code: 'LEGACY_INVALID_YOB' } });
    expect(login({ accessToken: 'made-up' })).toMatchObject({ error: { code: 'ACCESS_TOKEN_INVALID' } });
    expect(login({}).ok).toBe(true);
  });

  it("another user's access token does not log in", () => {
    const { domain, secretKey } = secretKeyFor('AB1234');
    openAccount(domain, 'CD5678', 'other-pw');
    const token = domain.accounts.generateAccessToken('AB1234', secretKey);
    if (!token.ok) throw new Error();
    expect(domain.sessions.fromAccessToken({ userId: 'CD5678', password: 'other-pw', accessToken: token.value.accessToken }, '127.0.0.1')).toMatchObject({ error: { code: 'ACCESS_TOKEN_INVALID' } });
  });

  it('access token and session both stop at 08:00 IST the next day', () => {
    const { domain, secretKey } = secretKeyFor('AB1234');
    const token = domain.accounts.generateAccessToken('AB1234', secretKey);
    if (!token.ok) throw new Error();
    const login = domain.sessions.fromAccessToken({ userId: 'AB1234', password: 'trading-pw', accessToken: token.value.accessToken }, '127.0.0.1');
    if (!login.ok) throw new Error();
    const eight = Date.UTC(2025, 11, 18, 8) - IST_OFFSET_MS;
    expect(token.value.expiresAt).toBe(eight);
    domain.clock.set(eight - 1);
    expect(domain.sessions.authenticate(login.value.sessionToken).ok).toBe(true);
    domain.clock.set(eight);
    expect(domain.sessions.authenticate(login.value.sessionToken)).toMatchObject({ error: { code: 'SESSION_EXPIRED' } });
    expect(domain.sessions.fromAccessToken({ userId: 'AB1234', password: 'trading-pw', accessToken: token.value.accessToken }, '127.0.0.1')).toMatchObject({ error: { code: 'ACCESS_TOKEN_INVALID' } });
  });
});
