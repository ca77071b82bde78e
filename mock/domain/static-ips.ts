import type { Challenges } from './challenges.js';
import type { DomainContext } from './context.js';
import { classifyIp } from './ip.js';
import { fail, ok, type Result } from './result.js';
import type { Account, App, Challenge, IpRegistration, IpType } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;
export const IP_CHANGE_COOLDOWN_MS = 7 * DAY_MS;

/** The registered IPs as Samco writes them since v3.2 ("" where none is registered) and which one the source address is. */
export type IpMatch = { primaryIp: string; secondaryIp: string; matchedAs: IpType | null };

/**
 * Static IPs: one PRIMARY and an optional SECONDARY per app (and per account for the legacy,
 * app-less flow). Public IPv4 only, never one another client holds, and a change (adding a new
 * address, editing, deleting) at most once every 7 days across all of an account's registrations;
 * re-using an address the account already whitelists, or re-adding the one it just deleted, is free.
 */
export class StaticIps {
  constructor(
    private readonly ctx: DomainContext,
    private readonly challenges: Challenges,
  ) {}

  of(uid: string, appId: string | null): IpRegistration | undefined {
    return this.ctx.store.getIps(uid, appId);
  }

  /** Which registered IP (if any) the source address is, for a session's app (null: legacy). */
  match(uid: string, appId: string | null, srcIp: string): IpMatch {
    const reg = this.of(uid, appId);
    const primaryIp = reg?.primaryIp ?? '';
    const secondaryIp = reg?.secondaryIp ?? '';
    const matchedAs = primaryIp === srcIp ? 'PRIMARY' : secondaryIp === srcIp ? 'SECONDARY' : null;
    return { primaryIp, secondaryIp, matchedAs };
  }

  /** The OAuth rule (EOAUTH009): an app with static IPs registered is used only from one of them; one without, from anywhere. */
  allowsOAuth(uid: string, appId: string, srcIp: string): boolean {
    const { primaryIp, secondaryIp, matchedAs } = this.match(uid, appId, srcIp);
    return matchedAs !== null || (primaryIp === '' && secondaryIp === '');
  }

  /** Whether an address may be held by this account: public, and not another client's. */
  private checkAddress(account: Account, ip: string): Result<string> {
    const kind = classifyIp(ip);
    if (!kind.public) return fail('IP_NOT_PUBLIC', `Invalid IP address: ${kind.reason}. Only a public IPv4 address can be registered.`);
    if (this.ctx.store.ipHolders(ip).some((holder) => holder.uid !== account.uid)) return fail('IP_TAKEN');
    return ok(ip);
  }

  /** The account's last IP change as stored now (a caller's copy of the account may be older). */
  private lastChange(uid: string): number | null {
    return this.ctx.store.getAccount(uid)?.lastIpChangeAt ?? null;
  }

  /** When the account's next IP change is allowed (the rolling 7 days from its last change); null when it is allowed now. */
  nextChangeAllowedAt(uid: string): number | null {
    const last = this.lastChange(uid);
    if (last === null) return null;
    const next = last + IP_CHANGE_COOLDOWN_MS;
    return this.ctx.clock.now() < next ? next : null;
  }

  /** The rolling 7-day rule: a change waits 7 days from the account's last change. */
  private checkCooldown(account: Account): Result<true> {
    const next = this.nextChangeAllowedAt(account.uid);
    if (next !== null) {
      return fail('IP_CHANGE_COOLDOWN', `An IP change is allowed once every 7 days from the last change (SEBI); the next change is allowed from ${new Date(next).toISOString()}.`);
    }
    return ok(true);
  }

  /**
   * Free of the 7-day rule (no check, the clock does not move): an address already whitelisted on
   * another of the account's apps, or the one the account's last change deleted.
   */
  private freeReuse(account: Account, appId: string, ip: string): boolean {
    if (this.ctx.store.getAccount(account.uid)?.lastDeletedIp === ip) return true;
    return this.ctx.store.ipHolders(ip).some((holder) => holder.uid === account.uid && holder.appId !== null && holder.appId !== appId);
  }

  /** All the rules for setting one slot of an app; returns the registration it would write and whether it is a change. */
  private checkSet(account: Account, app: App, ipType: IpType, ip: string): Result<{ registration: IpRegistration; change: boolean }> {
    if (app.status !== 'Active') return fail('IP_APP_INACTIVE');
    const address = this.checkAddress(account, ip);
    if (!address.ok) return address;
    const current = this.of(account.uid, app.id);
    const slot = ipType === 'PRIMARY' ? current?.primaryIp : current?.secondaryIp;
    const other = ipType === 'PRIMARY' ? current?.secondaryIp : current?.primaryIp;
    if (slot === ip) return fail('NOTHING_TO_CHANGE', `${ipType} IP is already ${ip}.`);
    if (ipType === 'SECONDARY' && !current?.primaryIp) return fail('IP_PRIMARY_FIRST');
    if (other === ip) return fail('IP_DUPLICATE');
    const change = !this.freeReuse(account, app.id, ip);
    if (change) {
      const cooldown = this.checkCooldown(account);
      if (!cooldown.ok) return cooldown;
    }
    const base = current ?? { uid: account.uid, appId: app.id, primaryIp: null, secondaryIp: null, updatedAt: 0 };
    return ok({ registration: { ...base, [ipType === 'PRIMARY' ? 'primaryIp' : 'secondaryIp']: ip, updatedAt: this.ctx.clock.now() }, change });
  }

  requestSet(account: Account, app: App, ipType: IpType, ip: string): Result<Challenge> {
    const checked = this.checkSet(account, app, ipType, ip);
    if (!checked.ok) return checked;
    return this.challenges.issue(account, 'set-ip', app, { ipType, ipAddress: ip });
  }

  /** On verify: the rules again against the state now, then the write (and, for a change, the account's last-change time). */
  applySet(account: Account, app: App, challenge: Challenge): Result<IpRegistration> {
    const checked = this.checkSet(account, app, challenge.payload.ipType ?? 'PRIMARY', challenge.payload.ipAddress ?? '');
    if (!checked.ok) return checked;
    this.write(account, checked.value.registration, checked.value.change ? { deleted: null } : null);
    return ok(checked.value.registration);
  }

  /** Deleting a slot is a change (the 7-day rule); a PRIMARY goes only once the SECONDARY is gone. */
  private checkDelete(account: Account, app: App, ipType: IpType): Result<{ registration: IpRegistration; ip: string }> {
    const current = this.of(account.uid, app.id);
    const ip = ipType === 'PRIMARY' ? current?.primaryIp : current?.secondaryIp;
    if (!current || !ip) return fail('NOTHING_TO_CHANGE', `No ${ipType} IP is registered for the app.`);
    if (ipType === 'PRIMARY' && current.secondaryIp) return fail('IP_SECONDARY_FIRST');
    const cooldown = this.checkCooldown(account);
    if (!cooldown.ok) return cooldown;
    return ok({ registration: { ...current, [ipType === 'PRIMARY' ? 'primaryIp' : 'secondaryIp']: null, updatedAt: this.ctx.clock.now() }, ip });
  }

  requestDelete(account: Account, app: App, ipType: IpType): Result<Challenge> {
    const checked = this.checkDelete(account, app, ipType);
    if (!checked.ok) return checked;
    return this.challenges.issue(account, 'delete-ip', app, { ipType, ipAddress: checked.value.ip });
  }

  applyDelete(account: Account, app: App, challenge: Challenge): Result<IpRegistration> {
    const checked = this.checkDelete(account, app, challenge.payload.ipType ?? 'PRIMARY');
    if (!checked.ok) return checked;
    if (checked.value.ip !== challenge.payload.ipAddress) return fail('NOTHING_TO_CHANGE', `The ${challenge.payload.ipType} IP changed since the OTP was sent: ask again.`);
    this.write(account, checked.value.registration, { deleted: checked.value.ip });
    return ok(checked.value.registration);
  }

  /** Writes a registration (an empty one is removed); a change moves the account's last-change time and remembers a deleted address. */
  private write(account: Account, registration: IpRegistration, change: { deleted: string | null } | null) {
    if (registration.primaryIp === null && registration.secondaryIp === null) this.ctx.store.deleteIps(registration.uid, registration.appId);
    else this.ctx.store.putIps(registration);
    if (!change) return;
    const stored = this.ctx.store.getAccount(account.uid) ?? account;
    this.ctx.store.putAccount({ ...stored, lastIpChangeAt: registration.updatedAt, lastDeletedIp: change.deleted });
  }

  /** Deactivating an app deregisters its IPs. */
  deregister(uid: string, appId: string) {
    this.ctx.store.deleteIps(uid, appId);
  }

  /** Legacy IP Register: first registration of the account's app-less IPs. */
  legacyRegister(account: Account, primaryIp: string, secondaryIp: string | undefined): Result<IpRegistration> {
    const current = this.of(account.uid, null);
    if (current?.primaryIp && (current.secondaryIp || !secondaryIp)) return fail('IP_ALREADY_REGISTERED');
    return this.legacyWrite(account, primaryIp, secondaryIp, current);
  }

  /** Legacy IP Update: once every 7 days (rolling, as the page's rule says), across all of the account's IP changes, refused with the page's text. */
  legacyUpdate(account: Account, primaryIp: string, secondaryIp: string | undefined): Result<IpRegistration> {
    const current = this.of(account.uid, null);
    if (!current?.primaryIp) return fail('IP_NONE_REGISTERED');
    if (this.nextChangeAllowedAt(account.uid) !== null) return fail('IP_WEEKLY_LIMIT');
    return this.legacyWrite(account, primaryIp, secondaryIp, current);
  }

  private legacyWrite(account: Account, primaryIp: string, secondaryIp: string | undefined, current: IpRegistration | undefined): Result<IpRegistration> {
    for (const ip of secondaryIp ? [primaryIp, secondaryIp] : [primaryIp]) {
      const address = this.checkAddress(account, ip);
      if (!address.ok) return address;
    }
    if (secondaryIp === primaryIp) return fail('IP_DUPLICATE');
    const registration: IpRegistration = {
      uid: account.uid,
      appId: null,
      primaryIp,
      secondaryIp: secondaryIp ?? current?.secondaryIp ?? null,
      updatedAt: this.ctx.clock.now(),
    };
    if (registration.secondaryIp === primaryIp) return fail('IP_DUPLICATE');
    this.write(account, registration, { deleted: null });
    return ok(registration);
  }
}
