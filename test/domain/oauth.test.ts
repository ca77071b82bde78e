import { beforeEach, describe, expect, it } from 'vitest';
import { OAUTH_RULES, type AuthenticateParams } from '../../mock/domain/oauth.js';
import type { SandboxDomain } from '../../mock/domain/domain.js';
import type { Account } from '../../mock/domain/types.js';
import { createApp, makeDomain, openAccount, otpOf, runAction } from '../helpers.js';

const REDIRECT = 'https://example.com/cb';
const IP = '49.36.10.20';
const OTHER_IP = '49.36.10.99';

describe("Samco's OAuth 2.1 flow (domain)", () => {
  let domain: SandboxDomain;
  let account: Account;
  let client: ReturnType<typeof createApp>;
  let params: AuthenticateParams;

  beforeEach(() => {
    domain = makeDomain();
    account = openAccount(domain);
    client = createApp(domain, account, 'Partner App', REDIRECT);
    params = { api_key: client.apiKey, redirect_url: REDIRECT, api_secret: client.apiSecret, state: 'xyz-state', scopes: 'all' };
  });

  const codeOf = (p: AuthenticateParams = params) => {
    const result = domain.oauth.authenticate(p, IP);
    if (!result.ok) throw new Error(result.error.code);
    return result.value.code;
  };
  const exchange = (code: string | undefined, ip = IP) => domain.oauth.token({ grant_type: 'authorization_code', code }, ip);
  const tokens = async () => {
    const issued = await exchange(codeOf());
    if (!issued.ok) throw new Error(issued.error.code);
    return issued.value;
  };
  const errorOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error!.code);
  const registerIp = (ip: string) => {
    const challenge = domain.staticIps.requestSet(account, client.app, 'PRIMARY', ip);
    if (!challenge.ok) throw new Error(challenge.error.code);
    const verified = domain.apps.verify(account, challenge.value.id, otpOf(domain, account.uid, challenge.value.id));
    if (!verified.ok) throw new Error(verified.error.code);
  };

  describe('authorize', () => {
    it('validates a request and answers what the consent page shows', () => {
      expect(domain.oauth.authorize(params)).toMatchObject({
        ok: true,
        value: { app: { name: 'Partner App', uid: 'AB1234' }, apiKey: client.apiKey, redirectUrl: REDIRECT, state: 'xyz-state', scopes: 'all' },
      });
      expect(domain.oauth.authorize({ api_key: client.apiKey, redirect_url: REDIRECT })).toMatchObject({ ok: true, value: { state: '', scopes: OAUTH_RULES.defaultScopes } });
    });

    it.each([
      [{ api_key: undefined }, 'OAUTH_API_KEY_REQUIRED'],
      [{ api_key: 'ab'.repeat(32) }, 'INVALID_API_KEY'],
      [{ redirect_url: undefined }, 'OAUTH_REDIRECT_REQUIRED'],
      [{ redirect_url: `${REDIRECT}/` }, 'OAUTH_REDIRECT_MISMATCH'],
      [{ redirect_url: 'https://EXAMPLE.com/cb' }, 'OAUTH_REDIRECT_MISMATCH'],
      [{ redirect_url: 'https://example.com:443/cb?x=1' }, 'OAUTH_REDIRECT_MISMATCH'],
      [{ scopes: 'orders' }, 'OAUTH_INVALID_SCOPES'],
      [{ scopes: 'all,orders' }, 'OAUTH_INVALID_SCOPES'],
    ])('refuses %j with %s, in the published order', (change, code) => {
      expect(errorOf(domain.oauth.authorize({ ...params, ...change }))).toBe(code);
    });

    it('refuses a deactivated app as an inactive key (EOAUTH001)', () => {
      runAction(domain, account, client.app.id, 'deactivate');
      expect(errorOf(domain.oauth.authorize(params))).toBe('INACTIVE_API_KEY');
    });
  });

  describe('authenticate', () => {
    it('issues a 43-character single-use code in redirectTo, with the state', () => {
      const result = domain.oauth.authenticate(params, IP);
      if (!result.ok) throw new Error(result.error.code);
      const url = new URL(result.value.redirectTo);
      expect(`${url.origin}${url.pathname}`).toBe(REDIRECT);
      expect(url.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(url.searchParams.get('state')).toBe('xyz-state');
      expect(domain.oauth.codeState(url.searchParams.get('code')!)).toBe('issued');
    });

    it('leaves state out when none was sent', () => {
      const result = domain.oauth.authenticate({ ...params, state: undefined }, IP);
      expect(result.ok && new URL(result.value.redirectTo).searchParams.has('state')).toBe(false);
    });

    it.each([
      [{ api_key: 'ab'.repeat(32), api_secret: 'nope' }, 'INVALID_API_KEY'],
      [{ redirect_url: 'https://other.example/cb', api_secret: 'nope' }, 'OAUTH_REDIRECT_MISMATCH'],
      [{ api_secret: undefined }, 'OAUTH_API_SECRET_REQUIRED'],
      [{ api_secret: 'plaintext-secret' }, 'INVALID_API_SECRET_FORMAT'],
      [{ api_secret: 'ef'.repeat(48) }, 'INVALID_API_SECRET'],
      [{ api_secret: 'ef'.repeat(48), scopes: 'orders' }, 'INVALID_API_SECRET'],
      [{ scopes: 'orders' }, 'OAUTH_INVALID_SCOPES'],
    ])('checks in order: %j gives %s and issues nothing', (change, code) => {
      expect(errorOf(domain.oauth.authenticate({ ...params, ...change }, IP))).toBe(code);
      expect(domain.store.grantsOfApp(client.app.id)).toHaveLength(0);
    });

    it('enforces the app static IPs only when it has some (EOAUTH009), after the secret', () => {
      expect(errorOf(domain.oauth.authenticate(params, OTHER_IP))).toBe('ok');
      registerIp(IP);
      expect(errorOf(domain.oauth.authenticate(params, OTHER_IP))).toBe('OAUTH_IP_NOT_ALLOWED');
      expect(errorOf(domain.oauth.authenticate({ ...params, api_secret: 'ef'.repeat(48) }, OTHER_IP))).toBe('INVALID_API_SECRET');
      expect(errorOf(domain.oauth.authenticate({ ...params, scopes: 'orders' }, OTHER_IP))).toBe('OAUTH_IP_NOT_ALLOWED');
      expect(errorOf(domain.oauth.authenticate(params, IP))).toBe('ok');
    });

    it.each([
      ['not-subscribed', 'ACCOUNT_NOT_SUBSCRIBED'],
      ['blocked', 'ACCOUNT_BLOCKED'],
    ] as const)('refuses an account that is %s', (standing, code) => {
      domain.accounts.setStanding(account.uid, standing);
      expect(errorOf(domain.oauth.authenticate(params, IP))).toBe(code);
    });
  });

  describe('token: authorization_code', () => {
    it('exchanges the code alone for a session that ends at 08:00 IST, and a refresh token', async () => {
      const issued = await tokens();
      expect(issued.grant).toMatchObject({ appId: client.app.id, uid: 'AB1234', scopes: 'all' });
      expect(issued.grant.id).toMatch(/^[0-9a-f]{32}$/);
      expect(issued.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const auth = domain.sessions.authenticate(issued.accessToken);
      expect(auth).toMatchObject({ ok: true, value: { session: { appId: client.app.id, grantId: issued.grant.id, srcIp: IP } } });
      expect(JSON.stringify(domain.store.getGrant(issued.grant.id))).not.toContain(issued.refreshToken);
    });

    it('walks the code state machine: issued -> exchanging -> used', async () => {
      const code = codeOf();
      expect(domain.oauth.codeState(code)).toBe('issued');
      domain.tradingBackend.setDelay(50);
      const pending = exchange(code);
      expect(domain.oauth.codeState(code)).toBe('exchanging');
      expect(errorOf(await exchange(code))).toBe('OAUTH_EXCHANGE_IN_PROGRESS');
      expect(errorOf(await pending)).toBe('ok');
      expect(domain.oauth.codeState(code)).toBe('used');
    });

    it('EOAUTH030 revokes nothing; the winner keeps its tokens', async () => {
      const code = codeOf();
      domain.tradingBackend.setDelay(30);
      const first = exchange(code);
      expect(errorOf(await exchange(code))).toBe('OAUTH_EXCHANGE_IN_PROGRESS');
      const won = await first;
      if (!won.ok) throw new Error(won.error.code);
      expect(domain.sessions.authenticate(won.value.accessToken).ok).toBe(true);
    });

    it('EOAUTH012: a replayed code revokes every token of the app for the user, direct sessions included', async () => {
      const code = codeOf();
      const first = await exchange(code);
      if (!first.ok) throw new Error(first.error.code);
      const other = await tokens();
      const direct = await domain.sessions.fromApiKey(client.apiKey, client.apiSecret, IP);
      if (!direct.ok) throw new Error(direct.error.code);
      const pendingCode = codeOf();
      const bystander = createApp(domain, account, 'Bystander App', REDIRECT);
      const bystanderSession = await domain.sessions.fromApiKey(bystander.apiKey, bystander.apiSecret, IP);
      if (!bystanderSession.ok) throw new Error(bystanderSession.error.code);

      expect(errorOf(await exchange(code))).toBe('OAUTH_CODE_USED');
      for (const token of [first.value.accessToken, other.accessToken, direct.value.sessionToken]) {
        expect(domain.sessions.authenticate(token)).toMatchObject({ ok: false, error: { code: 'SESSION_REVOKED' } });
      }
      expect(errorOf(await domain.oauth.token({ grant_type: 'refresh_token', refresh_token: other.refreshToken }, IP))).toBe('OAUTH_REFRESH_INVALID');
      expect(errorOf(await exchange(pendingCode))).toBe('OAUTH_CODE_NOT_FOUND');
      expect(domain.sessions.authenticate(bystanderSession.value.sessionToken).ok).toBe(true);
    });

    it.each([
      [undefined, 'OAUTH_CODE_REQUIRED'],
      ['', 'OAUTH_CODE_REQUIRED'],
      ['no-such-code', 'OAUTH_CODE_NOT_FOUND'],
    ])('refuses code %j with %s', async (code, expected) => {
      expect(errorOf(await exchange(code))).toBe(expected);
    });

    it('refuses an unknown grant_type', async () => {
      expect(errorOf(await domain.oauth.token({ grant_type: 'password' }, IP))).toBe('OAUTH_GRANT_TYPE');
      expect(errorOf(await domain.oauth.token({}, IP))).toBe('OAUTH_GRANT_TYPE');
    });

    it('EOAUTH013: a code is valid 10 minutes, not a millisecond longer', async () => {
      const early = codeOf();
      const late = codeOf();
      domain.clock.advance(OAUTH_RULES.codeTtlMs - 1);
      expect(errorOf(await exchange(early))).toBe('ok');
      domain.clock.advance(1);
      expect(errorOf(await exchange(late))).toBe('OAUTH_CODE_EXPIRED');
    });

    it('EOAUTH009 at the exchange when the app has static IPs; the code stays usable from the right IP', async () => {
      const code = codeOf();
      registerIp(IP);
      expect(errorOf(await exchange(code, OTHER_IP))).toBe('OAUTH_IP_NOT_ALLOWED');
      expect(errorOf(await exchange(code, IP))).toBe('ok');
    });

    it('EOAUTH999 when the trading backend cannot start a session; the code stays unused', async () => {
      const code = codeOf();
      domain.accounts.setStanding(account.uid, 'backend-unavailable');
      expect(errorOf(await exchange(code))).toBe('OAUTH_BACKEND_UNAVAILABLE');
      expect(domain.oauth.codeState(code)).toBe('issued');
      domain.accounts.setStanding(account.uid, 'active');
      expect(errorOf(await exchange(code))).toBe('ok');
    });

    it('refuses a blocked account at the exchange', async () => {
      const code = codeOf();
      domain.accounts.setStanding(account.uid, 'blocked');
      expect(errorOf(await exchange(code))).toBe('ACCOUNT_BLOCKED');
    });
  });

  describe('token: refresh_token', () => {
    it('rotates within the same session_id; the old refresh token and the old access token end', async () => {
      const first = await tokens();
      const second = await domain.oauth.token({ grant_type: 'refresh_token', refresh_token: first.refreshToken }, IP);
      if (!second.ok) throw new Error(second.error.code);
      expect(second.value.grant.id).toBe(first.grant.id);
      expect(second.value.refreshToken).not.toBe(first.refreshToken);
      expect(domain.sessions.authenticate(second.value.accessToken).ok).toBe(true);
      expect(domain.sessions.authenticate(first.accessToken)).toMatchObject({ ok: false, error: { code: 'SESSION_REVOKED' } });
    });

    it('EOAUTH016: a used refresh token is refused and nothing else is revoked', async () => {
      const first = await tokens();
      const second = await domain.oauth.token({ grant_type: 'refresh_token', refresh_token: first.refreshToken }, IP);
      if (!second.ok) throw new Error(second.error.code);
      expect(errorOf(await domain.oauth.token({ grant_type: 'refresh_token', refresh_token: first.refreshToken }, IP))).toBe('OAUTH_REFRESH_INVALID');
      expect(domain.sessions.authenticate(second.value.accessToken).ok).toBe(true);
      expect(errorOf(await domain.oauth.token({ grant_type: 'refresh_token', refresh_token: second.value.refreshToken }, IP))).toBe('ok');
    });

    it('refuses a missing (015), unknown (016) or 7-day-old (017) refresh token', async () => {
      const first = await tokens();
      expect(errorOf(await domain.oauth.token({ grant_type: 'refresh_token' }, IP))).toBe('OAUTH_REFRESH_REQUIRED');
      expect(errorOf(await domain.oauth.token({ grant_type: 'refresh_token', refresh_token: 'nope' }, IP))).toBe('OAUTH_REFRESH_INVALID');
      domain.clock.advance(OAUTH_RULES.refreshTtlMs);
      expect(errorOf(await domain.oauth.token({ grant_type: 'refresh_token', refresh_token: first.refreshToken }, IP))).toBe('OAUTH_REFRESH_EXPIRED');
    });
  });

  describe('revocation', () => {
    it('either token ends the whole OAuth session; idempotent, unknown tokens too', async () => {
      const byAccess = await tokens();
      const byRefresh = await tokens();
      expect(domain.oauth.revoke({ token: byAccess.accessToken, token_type: 'access_token' })).toEqual({ ok: true, value: undefined });
      expect(errorOf(await domain.oauth.token({ grant_type: 'refresh_token', refresh_token: byAccess.refreshToken }, IP))).toBe('OAUTH_REFRESH_INVALID');
      expect(domain.oauth.revoke({ token: byRefresh.refreshToken, token_type: 'refresh_token' }).ok).toBe(true);
      expect(domain.sessions.authenticate(byRefresh.accessToken)).toMatchObject({ ok: false, error: { code: 'SESSION_REVOKED' } });
      expect(domain.oauth.revoke({ token: byRefresh.refreshToken }).ok).toBe(true);
      expect(domain.oauth.revoke({ token: 'never-issued' }).ok).toBe(true);
    });

    it('revokes only its own session: other sessions of the app live on', async () => {
      const a = await tokens();
      const b = await tokens();
      domain.oauth.revoke({ token: a.accessToken });
      expect(domain.sessions.authenticate(b.accessToken).ok).toBe(true);
    });

    it('a direct session token revoked at /oauth/revoke ends that session', async () => {
      const direct = await domain.sessions.fromApiKey(client.apiKey, client.apiSecret, IP);
      if (!direct.ok) throw new Error(direct.error.code);
      domain.oauth.revoke({ token: direct.value.sessionToken });
      expect(domain.sessions.authenticate(direct.value.sessionToken).ok).toBe(false);
    });

    it('refuses a missing token or a token_type of another kind', () => {
      expect(errorOf(domain.oauth.revoke({}))).toBe('OAUTH_TOKEN_REQUIRED');
      expect(errorOf(domain.oauth.revoke({ token: 'x', token_type: 'id_token' }))).toBe('OAUTH_TOKEN_TYPE');
    });

    it.each(['deactivate', 'regenerate-key', 'regenerate-secret'] as const)('%s ends access tokens, refresh tokens and unused codes of the app', async (action) => {
      const issued = await tokens();
      const unused = codeOf();
      expect(runAction(domain, account, client.app.id, action).ok).toBe(true);
      expect(domain.sessions.authenticate(issued.accessToken).ok).toBe(false);
      expect(errorOf(await domain.oauth.token({ grant_type: 'refresh_token', refresh_token: issued.refreshToken }, IP))).toBe('OAUTH_REFRESH_INVALID');
      expect(errorOf(await exchange(unused))).toBe('OAUTH_CODE_NOT_FOUND');
    });
  });

  it('sweeps OAuth sessions and refresh tokens an hour after they stopped mattering', async () => {
    await tokens();
    codeOf();
    domain.clock.advance(OAUTH_RULES.refreshTtlMs + 2 * 3600_000);
    expect(domain.sweep()).toBeGreaterThanOrEqual(3);
    expect(domain.store.grantsOfApp(client.app.id)).toHaveLength(0);
  });
});
