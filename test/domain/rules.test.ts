import { describe, expect, it } from 'vitest';
import { appNameKey, checkAppName, checkRedirectUrl } from '../../mock/domain/rules.js';

describe('app name rules', () => {
  it('trims, then needs 3 to 100 characters', () => {
    expect(checkAppName('  My App  ')).toEqual({ ok: true, value: 'My App' });
    expect(checkAppName('abc').ok).toBe(true);
    expect(checkAppName('x'.repeat(100)).ok).toBe(true);
    expect(checkAppName('ab').ok).toBe(false);
    expect(checkAppName('   ab   ').ok).toBe(false);
    expect(checkAppName('x'.repeat(101)).ok).toBe(false);
  });

  it('refuses control characters', () => {
    expect(checkAppName('My\nApp')).toMatchObject({ ok: false, error: { code: 'INVALID_APP_NAME' } });
    expect(checkAppName('My\u0000App').ok).toBe(false);
  });

  it('compares names case-insensitively after trimming, Unicode normalisation and folding whitespace runs', () => {
    expect(appNameKey('  Alpha Desk ')).toBe(appNameKey('alpha desk'));
    expect(appNameKey('ALPHA DESK')).toBe(appNameKey('Alpha Desk'));
    expect(appNameKey('Alpha  Desk')).toBe(appNameKey('Alpha Desk'));
    expect(appNameKey('Alpha Desk 2')).not.toBe(appNameKey('Alpha Desk'));
  });
});

describe('redirect URL rules', () => {
  it.each(['https://tradeapi.samco.in/app/callback', 'https://example.com:8443/oauth/cb?x=1', 'http://127.0.0.1/cb', 'http://127.0.0.1:8080/callback'])('accepts %s', (url) => {
    expect(checkRedirectUrl(url)).toEqual({ ok: true, value: url });
  });

  it.each([
    ['http://example.com/cb', /HTTPS/],
    ['http://localhost:8080/cb', /HTTPS/],
    ['ftp://example.com/cb', /HTTPS/],
    ['javascript:alert(1)', /HTTPS/],
    ['https://example.com/cb#top', /fragment/],
    ['https://user:pw@example.com/cb', /user name/],
    ['example.com/cb', /valid absolute URL/],
    ['', /1-2048/],
  ])('refuses %s', (url, message) => {
    const result = checkRedirectUrl(url);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REDIRECT_URL' } });
    if (!result.ok) expect(result.error.message).toMatch(message);
  });
});
