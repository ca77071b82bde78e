import { describe, expect, it } from 'vitest';
import { IST_OFFSET_MS } from '../../mock/domain/ist.js';
import { createApp, makeDomain, openAccount, runAction, T0 } from '../helpers.js';

function withApps() {
  const domain = makeDomain();
  const account = openAccount(domain);
  const target = createApp(domain, account, 'Target App');
  const bystander = createApp(domain, account, 'Bystander App');
  const session = async (app: { apiKey: string; apiSecret: string }) => {
    const issued = await domain.sessions.fromApiKey(app.apiKey, app.apiSecret, '203.0.113.10');
    if (!issued.ok) throw new Error(issued.error.code);
    return issued.value.sessionToken;
  };
  return { domain, account, target, bystander, session };
}

describe('session tokens', () => {
  it('are JWTs naming the account and app, stored only as hashes', async () => {
    const { domain, target, session } = withApps();
    const token = await session(target);
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(payload).toMatchObject({ sub: 'AB1234', app: target.app.id });
    expect(domain.sessions.authenticate(token)).toMatchObject({ ok: true, value: { account: { uid: 'AB1234' } } });
    expect(JSON.stringify([...domain.store.sessionsOfApp(target.app.id)])).not.toContain(token);
  });

  it('are valid until 08:00 IST the next day, not a millisecond longer', async () => {
    const { domain, target, session } = withApps();
    const token = await session(target);
    const eightNextDay = Date.UTC(2025, 11, 18, 8, 0, 0) - IST_OFFSET_MS;
    expect(T0).toBeLessThan(eightNextDay);
    domain.clock.set(eightNextDay - 1);
    expect(domain.sessions.authenticate(token).ok).toBe(true);
    domain.clock.set(eightNextDay);
    expect(domain.sessions.authenticate(token)).toMatchObject({ error: { code: 'SESSION_EXPIRED' } });
  });

  it('refuses a missing, made-up or tampered token', async () => {
    const { domain, target, session } = withApps();
    const token = await session(target);
    expect(domain.sessions.authenticate(undefined)).toMatchObject({ error: { code: 'SESSION_REQUIRED' } });
    expect(domain.sessions.authenticate('abc')).toMatchObject({ error: { code: 'SESSION_INVALID' } });
    expect(domain.sessions.authenticate(`${token}x`)).toMatchObject({ error: { code: 'SESSION_INVALID' } });
  });

  it('tells a wrong key from a wrong secret, as the real service does', async () => {
    const { domain, target, bystander } = withApps();
    expect(await domain.sessions.fromApiKey(target.apiKey, bystander.apiSecret, '127.0.0.1')).toMatchObject({ error: { code: 'INVALID_API_SECRET' } });
    expect(await domain.sessions.fromApiKey('nope', target.apiSecret, '127.0.0.1')).toMatchObject({ error: { code: 'INVALID_API_KEY' } });
  });
});

describe('revocation', () => {
  for (const action of ['deactivate', 'regenerate-key', 'regenerate-secret'] as const) {
    it(`${action} ends every session of that app and no other`, async () => {
      const { domain, account, target, bystander, session } = withApps();
      const tokens = [await session(target), await session(target)];
      const other = await session(bystander);
      expect(runAction(domain, account, target.app.id, action).ok).toBe(true);
      for (const token of tokens) expect(domain.sessions.authenticate(token)).toMatchObject({ error: { code: 'SESSION_REVOKED' } });
      expect(domain.sessions.authenticate(other).ok).toBe(true);
    });
  }

  it("a deactivated app's credentials stop working; activation does not revive old sessions", async () => {
    const { domain, account, target, session } = withApps();
    const old = await session(target);
    runAction(domain, account, target.app.id, 'deactivate');
    expect(await domain.sessions.fromApiKey(target.apiKey, target.apiSecret, '127.0.0.1')).toMatchObject({ error: { code: 'INACTIVE_API_KEY' } });
    runAction(domain, account, target.app.id, 'activate');
    expect(domain.sessions.authenticate(old)).toMatchObject({ error: { code: 'SESSION_REVOKED' } });
    expect(domain.sessions.authenticate(await session(target)).ok).toBe(true);
  });

  it('regenerated credentials: the old one stops working, the new one works', async () => {
    const { domain, account, target } = withApps();
    const secret = runAction(domain, account, target.app.id, 'regenerate-secret');
    if (!secret.ok) throw new Error();
    expect(await domain.sessions.fromApiKey(target.apiKey, target.apiSecret, '127.0.0.1')).toMatchObject({ error: { code: 'INVALID_API_SECRET' } });
    expect((await domain.sessions.fromApiKey(target.apiKey, secret.value.apiSecret!, '127.0.0.1')).ok).toBe(true);
    expect(runAction(domain, account, target.app.id, 'regenerate-key').ok).toBe(true);
    const newKey = domain.store.messages({ uid: account.uid, kind: 'api-key-email' }).at(-1)!.apiKey!;
    expect(await domain.sessions.fromApiKey(target.apiKey, secret.value.apiSecret!, '127.0.0.1')).toMatchObject({ error: { code: 'INVALID_API_KEY' } });
    expect((await domain.sessions.fromApiKey(newKey, secret.value.apiSecret!, '127.0.0.1')).ok).toBe(true);
  });

  it('logout ends only that session', async () => {
    const { domain, target, session } = withApps();
    const a = await session(target);
    const b = await session(target);
    expect(domain.sessions.logout(a).ok).toBe(true);
    expect(domain.sessions.authenticate(a)).toMatchObject({ error: { code: 'SESSION_REVOKED' } });
    expect(domain.sessions.authenticate(b).ok).toBe(true);
  });
});
