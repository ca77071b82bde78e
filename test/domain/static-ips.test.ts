import { describe, expect, it } from 'vitest';
import { IST_OFFSET_MS } from '../../mock/domain/ist.js';
import { IP_CHANGE_COOLDOWN_MS } from '../../mock/domain/static-ips.js';
import type { SandboxDomain } from '../../mock/domain/domain.js';
import type { Account } from '../../mock/domain/types.js';
import { createApp, makeDomain, openAccount, otpOf, runAction } from '../helpers.js';

/** Request + verify one static IP slot through the dashboard's OTP gate. */
function setIp(domain: SandboxDomain, account: Account, appId: string, ipType: 'PRIMARY' | 'SECONDARY', ip: string) {
  const fresh = domain.accounts.get(account.uid)!;
  const challenge = domain.apps.requestIp(fresh, appId, ipType, ip);
  if (!challenge.ok) return challenge;
  return domain.apps.verify(fresh, challenge.value.id, otpOf(domain, account.uid, challenge.value.id));
}

function setup() {
  const domain = makeDomain();
  const account = openAccount(domain, 'AB1234');
  const { app } = createApp(domain, account, 'IP App');
  return { domain, account, app };
}

describe('static IPs of an app', () => {
  it('registers a public PRIMARY then (7 days on: a new address is a change) a SECONDARY, behind an OTP', () => {
    const { domain, account, app } = setup();
    expect(setIp(domain, account, app.id, 'PRIMARY', '49.36.10.20')).toMatchObject({ ok: true, value: { action: 'set-ip', staticIps: { primaryIp: '49.36.10.20', secondaryIp: null } } });
    domain.clock.advance(IP_CHANGE_COOLDOWN_MS);
    expect(setIp(domain, account, app.id, 'SECONDARY', '49.36.10.21')).toMatchObject({ ok: true, value: { staticIps: { secondaryIp: '49.36.10.21' } } });
    expect(domain.staticIps.match('AB1234', app.id, '49.36.10.21').matchedAs).toBe('SECONDARY');
    expect(domain.staticIps.match('AB1234', app.id, '49.36.10.22').matchedAs).toBeNull();
  });

  it('refuses what is not a public IPv4, naming why, and sends no OTP', () => {
    const { domain, account, app } = setup();
    const before = domain.store.messageCount();
    for (const ip of ['10.0.0.1', '127.0.0.1', '100.64.1.1', '169.254.0.1', '224.0.0.1', '203.0.113.10', '2001:db8::1', '300.1.1.1']) {
      expect(domain.apps.requestIp(account, app.id, 'PRIMARY', ip)).toMatchObject({ ok: false, error: { code: 'IP_NOT_PUBLIC', message: expect.stringContaining(ip) } });
    }
    expect(domain.store.messageCount()).toBe(before);
  });

  it('refuses an IP registered to another client, but not to another app of the same client', () => {
    const { domain, account, app } = setup();
    setIp(domain, account, app.id, 'PRIMARY', '49.36.10.20');
    const { app: second } = createApp(domain, account, 'Second App');
    expect(setIp(domain, account, second.id, 'PRIMARY', '49.36.10.20').ok).toBe(true);
    const other = openAccount(domain, 'ZZ9999');
    const { app: theirs } = createApp(domain, other, 'Their App');
    expect(domain.apps.requestIp(other, theirs.id, 'PRIMARY', '49.36.10.20')).toMatchObject({ error: { code: 'IP_TAKEN' } });
  });

  it('needs a PRIMARY before a SECONDARY, and the two must differ', () => {
    const { domain, account, app } = setup();
    expect(domain.apps.requestIp(account, app.id, 'SECONDARY', '49.36.10.21')).toMatchObject({ error: { code: 'IP_PRIMARY_FIRST' } });
    setIp(domain, account, app.id, 'PRIMARY', '49.36.10.20');
    expect(domain.apps.requestIp(account, app.id, 'SECONDARY', '49.36.10.20')).toMatchObject({ error: { code: 'IP_DUPLICATE' } });
  });

  it("allows a change (a new address, an edit, a delete) once every 7 days across all the account's apps", () => {
    const { domain, account, app } = setup();
    setIp(domain, account, app.id, 'PRIMARY', '49.36.10.20');
    const first = domain.clock.now();
    const { app: second } = createApp(domain, account, 'Second App');
    domain.clock.advance(24 * 3600 * 1000);
    expect(domain.apps.requestIp(account, second.id, 'PRIMARY', '49.36.10.30')).toMatchObject({ error: { code: 'IP_CHANGE_COOLDOWN' } });
    domain.clock.set(first + IP_CHANGE_COOLDOWN_MS - 1);
    expect(domain.apps.requestIp(domain.accounts.get('AB1234')!, app.id, 'PRIMARY', '49.36.10.40')).toMatchObject({ error: { code: 'IP_CHANGE_COOLDOWN' } });
    domain.clock.set(first + IP_CHANGE_COOLDOWN_MS);
    expect(setIp(domain, account, app.id, 'PRIMARY', '49.36.10.40')).toMatchObject({ ok: true, value: { staticIps: { primaryIp: '49.36.10.40' } } });
    expect(domain.accounts.get('AB1234')!.lastIpChangeAt).toBe(first + IP_CHANGE_COOLDOWN_MS);
  });

  it('re-using an address the account already whitelists is free: no check, and the 7 days do not restart', () => {
    const { domain, account, app } = setup();
    setIp(domain, account, app.id, 'PRIMARY', '49.36.10.20');
    const first = domain.accounts.get('AB1234')!.lastIpChangeAt;
    const { app: second } = createApp(domain, account, 'Second App');
    domain.clock.advance(3600_000);
    expect(setIp(domain, account, second.id, 'PRIMARY', '49.36.10.20').ok).toBe(true);
    expect(domain.accounts.get('AB1234')!.lastIpChangeAt).toBe(first);
  });

  it('deleting is a change behind an OTP; the same address may be registered again at once, a different one not', () => {
    const { domain, account, app } = setup();
    setIp(domain, account, app.id, 'PRIMARY', '49.36.10.20');
    domain.clock.advance(IP_CHANGE_COOLDOWN_MS);
    setIp(domain, account, app.id, 'SECONDARY', '49.36.10.21');
    expect(domain.apps.requestIpDelete(domain.accounts.get('AB1234')!, app.id, 'SECONDARY')).toMatchObject({ error: { code: 'IP_CHANGE_COOLDOWN' } });
    domain.clock.advance(IP_CHANGE_COOLDOWN_MS);
    expect(domain.apps.requestIpDelete(domain.accounts.get('AB1234')!, app.id, 'PRIMARY')).toMatchObject({ error: { code: 'IP_SECONDARY_FIRST' } });
    const challenge = domain.apps.requestIpDelete(domain.accounts.get('AB1234')!, app.id, 'SECONDARY');
    if (!challenge.ok) throw new Error(challenge.error.code);
    expect(domain.apps.verify(domain.accounts.get('AB1234')!, challenge.value.id, otpOf(domain, 'AB1234', challenge.value.id))).toMatchObject({
      ok: true,
      value: { action: 'delete-ip', staticIps: { primaryIp: '49.36.10.20', secondaryIp: null } },
    });
    expect(domain.staticIps.match('AB1234', app.id, '49.36.10.21').matchedAs).toBeNull();
    expect(domain.apps.requestIp(domain.accounts.get('AB1234')!, app.id, 'SECONDARY', '49.36.10.22')).toMatchObject({ error: { code: 'IP_CHANGE_COOLDOWN' } });
    expect(setIp(domain, account, app.id, 'SECONDARY', '49.36.10.21').ok).toBe(true);
    expect(domain.apps.requestIpDelete(domain.accounts.get('AB1234')!, app.id, 'SECONDARY')).toMatchObject({ error: { code: 'IP_CHANGE_COOLDOWN' } });
  });

  it('checks again on verify: an IP taken meanwhile by another client fails and changes nothing', () => {
    const { domain, account, app } = setup();
    const pending = domain.apps.requestIp(account, app.id, 'PRIMARY', '49.36.10.20');
    if (!pending.ok) throw new Error();
    const other = openAccount(domain, 'ZZ9999');
    const { app: theirs } = createApp(domain, other, 'Their App');
    expect(setIp(domain, other, theirs.id, 'PRIMARY', '49.36.10.20').ok).toBe(true);
    expect(domain.apps.verify(account, pending.value.id, otpOf(domain, account.uid, pending.value.id))).toMatchObject({ error: { code: 'IP_TAKEN' } });
    expect(domain.staticIps.of('AB1234', app.id)).toBeUndefined();
  });

  it('deactivating the app deregisters its IPs (which another client may then take)', () => {
    const { domain, account, app } = setup();
    setIp(domain, account, app.id, 'PRIMARY', '49.36.10.20');
    expect(runAction(domain, account, app.id, 'deactivate').ok).toBe(true);
    expect(domain.staticIps.of('AB1234', app.id)).toBeUndefined();
    const other = openAccount(domain, 'ZZ9999');
    const { app: theirs } = createApp(domain, other, 'Their App');
    expect(setIp(domain, other, theirs.id, 'PRIMARY', '49.36.10.20').ok).toBe(true);
    expect(domain.apps.requestIp(domain.accounts.get('AB1234')!, app.id, 'PRIMARY', '49.36.10.50')).toMatchObject({ error: { code: 'IP_APP_INACTIVE' } });
  });
});

describe('legacy IPs', () => {
  const monday = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min) - IST_OFFSET_MS;

  it("register once, then update at most once every 7 days (rolling), refused with the page's text", () => {
    const domain = makeDomain();
    const account = openAccount(domain, 'AB1234');
    domain.clock.set(monday(2025, 12, 15, 10));
    expect(domain.staticIps.legacyRegister(account, '49.36.10.20', undefined)).toMatchObject({ ok: true, value: { primaryIp: '49.36.10.20', secondaryIp: null } });
    expect(domain.staticIps.legacyRegister(domain.accounts.get('AB1234')!, '49.36.10.20', '49.36.10.21').ok).toBe(true);
    expect(domain.staticIps.legacyRegister(domain.accounts.get('AB1234')!, '49.36.10.22', undefined)).toMatchObject({ error: { code: 'IP_ALREADY_REGISTERED' } });
    domain.clock.set(monday(2025, 12, 22, 9, 59));
    expect(domain.staticIps.legacyUpdate(domain.accounts.get('AB1234')!, '49.36.10.30', undefined)).toMatchObject({ error: { code: 'IP_WEEKLY_LIMIT' } });
    domain.clock.set(monday(2025, 12, 22, 10));
    expect(domain.staticIps.legacyUpdate(domain.accounts.get('AB1234')!, '49.36.10.30', undefined)).toMatchObject({ ok: true, value: { primaryIp: '49.36.10.30', secondaryIp: '49.36.10.21' } });
  });

  it('an update needs a registration first', () => {
    const domain = makeDomain();
    const account = openAccount(domain, 'AB1234');
    expect(domain.staticIps.legacyUpdate(account, '49.36.10.30', undefined)).toMatchObject({ error: { code: 'IP_NONE_REGISTERED' } });
  });
});
