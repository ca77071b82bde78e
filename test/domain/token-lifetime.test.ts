import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatServerTime, next0800Ist } from '../../mock/domain/ist.js';
import { createApp, makeDomain, openAccount, otpOf } from '../helpers.js';

const DAY = 24 * 3600 * 1000;

/**
 * Property: whatever the time of issue, a token of every flow (direct /session/token, legacy
 * access token + login, OAuth code exchange and refresh) works until just before the next
 * 08:00 IST and is refused from 08:00 IST on.
 */
describe('token lifetime, every flow', () => {
  it('no session or access token outlives the next 08:00 IST', async () => {
    const domain = makeDomain('lifetime');
    const account = openAccount(domain, 'AB1234', 'trading-pw');
    const client = createApp(domain, account, 'Lifetime App');
    domain.accounts.generateLegacyOtp('AB1234');
    domain.accounts.generateLegacySecretKey('AB1234', otpOf(domain, 'AB1234'));
    const secretKey = domain.store.messages({ uid: 'AB1234', kind: 'secret-key-email' }).at(-1)!.secretApiKey!;
    const start = domain.clock.now();

    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3 * 365 * DAY }), async (offset) => {
        const issuedAt = start + offset;
        domain.clock.set(issuedAt);
        const tokens: Array<[string, string]> = [];

        const direct = await domain.sessions.fromApiKey(client.apiKey, client.apiSecret, '127.0.0.1');
        if (!direct.ok) throw new Error(direct.error.code);
        tokens.push(['direct', direct.value.sessionToken]);

        const access = domain.accounts.generateAccessToken('AB1234', secretKey);
        if (!access.ok) throw new Error(access.error.code);
        const legacy = domain.sessions.fromAccessToken({ userId: 'AB1234', password: 'trading-pw', accessToken: access.value.accessToken }, '127.0.0.1');
        if (!legacy.ok) throw new Error(legacy.error.code);
        tokens.push(['legacy', legacy.value.sessionToken]);

        const consent = domain.oauth.authenticate({ api_key: client.apiKey, redirect_url: 'https://example.com/cb', api_secret: client.apiSecret }, '127.0.0.1');
        if (!consent.ok) throw new Error(consent.error.code);
        const oauth = await domain.oauth.token({ grant_type: 'authorization_code', code: consent.value.code }, '127.0.0.1');
        if (!oauth.ok) throw new Error(oauth.error.code);
        tokens.push(['oauth', oauth.value.accessToken]);
        const second = domain.oauth.authenticate({ api_key: client.apiKey, redirect_url: 'https://example.com/cb', api_secret: client.apiSecret }, '127.0.0.1');
        if (!second.ok) throw new Error(second.error.code);
        const exchanged = await domain.oauth.token({ grant_type: 'authorization_code', code: second.value.code }, '127.0.0.1');
        if (!exchanged.ok) throw new Error(exchanged.error.code);
        const refreshed = await domain.oauth.token({ grant_type: 'refresh_token', refresh_token: exchanged.value.refreshToken }, '127.0.0.1');
        if (!refreshed.ok) throw new Error(refreshed.error.code);
        tokens.push(['oauth refresh', refreshed.value.accessToken]);

        const eight = next0800Ist(issuedAt);
        expect(formatServerTime(eight).endsWith(' 08:00:00')).toBe(true);
        expect(eight - issuedAt).toBeLessThanOrEqual(DAY);
        domain.clock.set(eight - 1);
        for (const [flow, token] of tokens) expect(domain.sessions.authenticate(token).ok, `${flow} just before 08:00`).toBe(true);
        domain.clock.set(eight);
        for (const [flow, token] of tokens) expect(domain.sessions.authenticate(token), `${flow} at 08:00`).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
      }),
      { numRuns: 300, seed: 8 },
    );
  });
});
