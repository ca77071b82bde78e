import { describe, expect, it } from 'vitest';
import { createApp, makeDomain, openAccount, otpOf, runAction } from '../helpers.js';

describe('creating apps', () => {
  it('checks the rules before sending an OTP and again on verify', async () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    const a = domain.apps.requestCreate(account, { appName: 'Twin', redirectUrl: 'https://example.com/cb' });
    const b = domain.apps.requestCreate(account, { appName: 'twin ', redirectUrl: 'https://example.com/cb' });
    if (!a.ok || !b.ok) throw new Error('both requests pass: no app named Twin exists yet');
    expect(domain.apps.verify(account, a.value.id, otpOf(domain, account.uid, a.value.id)).ok).toBe(true);
    const second = domain.apps.verify(account, b.value.id, otpOf(domain, account.uid, b.value.id));
    expect(second).toMatchObject({ ok: false, error: { code: 'APP_NAME_TAKEN' } });
    expect(domain.apps.list(account)).toHaveLength(1);
  });

  it('collides names case-insensitively after trimming, and deactivated apps keep theirs', async () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    const { app } = createApp(domain, account, 'Alpha Desk');
    for (const appName of ['alpha desk', '  ALPHA DESK  ', '\tAlpha Desk\n']) {
      expect(domain.apps.requestCreate(account, { appName, redirectUrl: 'https://example.com/cb' })).toMatchObject({ error: { code: 'APP_NAME_TAKEN' } });
    }
    expect(runAction(domain, account, app.id, 'deactivate').ok).toBe(true);
    expect(domain.apps.requestCreate(account, { appName: 'ALPHA DESK', redirectUrl: 'https://example.com/cb' })).toMatchObject({ error: { code: 'APP_NAME_TAKEN' } });
    expect(domain.apps.requestCreate(account, { appName: 'Alpha Desk 2', redirectUrl: 'https://example.com/cb' }).ok).toBe(true);
  });

  it('names are per account: another account may use the same name', async () => {
    const domain = makeDomain();
    createApp(domain, openAccount(domain, 'AA1111'), 'Shared Name');
    expect(() => createApp(domain, openAccount(domain, 'BB2222'), 'shared name')).not.toThrow();
  });

  it('allows 5 apps, deactivated ones counted; the 6th fails before and after the OTP and changes nothing', async () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    const pending = domain.apps.requestCreate(account, { appName: 'Late', redirectUrl: 'https://example.com/cb' });
    if (!pending.ok) throw new Error();
    const apps = [1, 2, 3, 4, 5].map((i) => createApp(domain, account, `App ${i}`).app);
    runAction(domain, account, apps[0]!.id, 'deactivate');
    runAction(domain, account, apps[1]!.id, 'deactivate');
    const before = JSON.stringify(domain.apps.list(account));
    expect(domain.apps.requestCreate(account, { appName: 'Sixth', redirectUrl: 'https://example.com/cb' })).toMatchObject({ error: { code: 'APP_LIMIT_REACHED' } });
    expect(domain.apps.verify(account, pending.value.id, otpOf(domain, account.uid, pending.value.id))).toMatchObject({ error: { code: 'APP_LIMIT_REACHED' } });
    expect(JSON.stringify(domain.apps.list(account))).toBe(before);
    expect(domain.store.appCount()).toBe(5);
  });

  it('hands the secret out once and keeps only hashes of key and secret', async () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    const { app, apiKey, apiSecret } = createApp(domain, account, 'Hash Check');
    const stored = JSON.stringify(domain.store.getApp(app.id));
    expect(stored).not.toContain(apiKey);
    expect(stored).not.toContain(apiSecret);
    expect(app.status).toBe('Active');
  });
});

describe('editing apps', () => {
  it('changes name and URL on verify only; scope and credentials stay', async () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    const { app, apiKey, apiSecret } = createApp(domain, account, 'Before');
    domain.clock.advance(60_000);
    const challenge = domain.apps.requestEdit(account, app.id, { appName: 'After', redirectUrl: 'http://127.0.0.1:9000/cb' });
    if (!challenge.ok) throw new Error();
    expect(domain.store.getApp(app.id)!.name).toBe('Before');
    const done = domain.apps.verify(account, challenge.value.id, otpOf(domain, account.uid, challenge.value.id));
    expect(done).toMatchObject({ ok: true, value: { action: 'edit', app: { name: 'After', redirectUrl: 'http://127.0.0.1:9000/cb' } } });
    expect(domain.store.getApp(app.id)!.updatedAt).toBe(app.createdAt + 60_000);
    expect((await domain.sessions.fromApiKey(apiKey, apiSecret, '127.0.0.1')).ok).toBe(true);
  });

  it("may change only the case of its own name, not take another app's", async () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    const { app } = createApp(domain, account, 'mine');
    createApp(domain, account, 'Theirs');
    expect(domain.apps.requestEdit(account, app.id, { appName: 'MINE' }).ok).toBe(true);
    expect(domain.apps.requestEdit(account, app.id, { appName: ' theirs ' })).toMatchObject({ error: { code: 'APP_NAME_TAKEN' } });
  });

  it('refuses an edit that changes nothing', async () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    const { app } = createApp(domain, account, 'Same', 'https://example.com/cb');
    expect(domain.apps.requestEdit(account, app.id, {})).toMatchObject({ error: { code: 'NOTHING_TO_CHANGE' } });
    expect(domain.apps.requestEdit(account, app.id, { appName: ' Same ', redirectUrl: 'https://example.com/cb' })).toMatchObject({ error: { code: 'NOTHING_TO_CHANGE' } });
  });
});

describe('status changes', () => {
  it('refuses to deactivate twice or activate an active app', async () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    const { app } = createApp(domain, account, 'Toggle');
    expect(domain.apps.requestStatus(account, app.id, 'activate')).toMatchObject({ error: { code: 'APP_ALREADY_ACTIVE' } });
    expect(runAction(domain, account, app.id, 'deactivate').ok).toBe(true);
    expect(domain.apps.requestStatus(account, app.id, 'deactivate')).toMatchObject({ error: { code: 'APP_ALREADY_DEACTIVATED' } });
  });

  it('two pending deactivations: the second fails on verify and changes nothing', async () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    const { app } = createApp(domain, account, 'Racing');
    const a = domain.apps.requestStatus(account, app.id, 'deactivate');
    const b = domain.apps.requestStatus(account, app.id, 'deactivate');
    if (!a.ok || !b.ok) throw new Error();
    expect(domain.apps.verify(account, a.value.id, otpOf(domain, account.uid, a.value.id)).ok).toBe(true);
    const updated = domain.store.getApp(app.id)!.updatedAt;
    domain.clock.advance(1000);
    expect(domain.apps.verify(account, b.value.id, otpOf(domain, account.uid, b.value.id))).toMatchObject({ error: { code: 'APP_ALREADY_DEACTIVATED' } });
    expect(domain.store.getApp(app.id)!.updatedAt).toBe(updated);
  });

  it("another account's app is not found", async () => {
    const domain = makeDomain();
    const { app } = createApp(domain, openAccount(domain, 'OW1111'), 'Owned');
    const other = openAccount(domain, 'OT2222');
    expect(domain.apps.get(other, app.id)).toMatchObject({ error: { code: 'APP_NOT_FOUND' } });
    expect(domain.apps.requestRegenerate(other, app.id, 'regenerate-secret')).toMatchObject({ error: { code: 'APP_NOT_FOUND' } });
  });
});

describe('look-alike app names (issue 13)', () => {
  it('refuses invisible format characters, and collides names that differ only after Unicode normalisation', () => {
    const domain = makeDomain();
    const account = openAccount(domain);
    createApp(domain, account, 'Look Alike');
    const request = (appName: string) => domain.apps.requestCreate(account, { appName, redirectUrl: 'https://example.com/cb' });
    for (const appName of ['Look\u200bAlike', 'Look Alike\u200e', 'Look\u200dAlike', 'Look\ufeffAlike', 'Look\u2028Alike', 'Look\u00adAlike']) {
      expect(request(appName), JSON.stringify(appName)).toMatchObject({ ok: false, error: { code: 'INVALID_APP_NAME' } });
    }
    for (const appName of ['Look\u00a0Alike', 'Look  Alike', 'Ｌｏｏｋ Ａｌｉｋｅ', 'Look\u3000Alike']) {
      expect(request(appName), JSON.stringify(appName)).toMatchObject({ ok: false, error: { code: 'APP_NAME_TAKEN' } });
    }
    expect(domain.apps.list(account)).toHaveLength(1);
    expect(request('Look Alike Two').ok).toBe(true);
  });
});
