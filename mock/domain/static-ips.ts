import type { Challenges } from './challenges.js';
import type { DomainContext } from './context.js';
import { classifyIp } from './ip.js';
import { IST_OFFSET_MS } from './ist.js';
import { fail, ok, type Result } from './result.js';
import type { Account, App, Challenge, IpRegistration, IpType } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;
export const IP_CHANGE_COOLDOWN_MS = 7 * DAY_MS;

/** The registered IPs as Samco writes them since v3.2 ("" where none is registered) and which one the source address is. */
export type IpMatch = { primaryIp: string; secondaryIp: string; matchedAs: IpType | null };

/** Monday 00:00 IST of the calendar week holding `ms`. */
export function istWeekStart(ms: number): number {
  const ist = ms + IST_OFFSET_MS;
  const day = Math.floor(ist / DAY_MS);
  const weekday = (day + 3) % 7; // 1970-01-01 was a Thursday: Monday is 0
  return (day - weekday) * DAY_MS - IST_OFFSET_MS;
}

/**
 * Static IPs: one PRIMARY and an optional SECONDARY per app (and per account for the legacy,
 * app-less flow). Public IPv4 only, never one another client holds, and a change at most once
 * every 7 days across all of an account's registrations (the legacy update: once per calendar week).
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

  /** The rolling 7-day rule: a change (not a first registration of an empty slot) waits 7 days from the last change. */
  private checkCooldown(account: Account): Result<true> {
    const last = this.lastChange(account.uid);
    if (last === null) return ok(true);
    const next = last + IP_CHANGE_COOLDOWN_MS;
    if (this.ctx.clock.now() < next) {
      return fail('IP_CHANGE_COOLDOWN', `An IP change is allowed once every 7 days from the last change (SEBI); the next change is allowed from ${new Date(next).toISOString()}.`);
    }
    return ok(true);
  }

  /** All the rules for setting one slot of an app; returns the registration it would write. */
  private checkSet(account: Account, app: App, ipType: IpType, ip: string): Result<IpRegistration> {
    if (app.status !== 'Active') return fail('IP_APP_INACTIVE');
    const address = this.checkAddress(account, ip);
    if (!address.ok) return address;
    const current = this.of(account.uid, app.id);
    const slot = ipType === 'PRIMARY' ? current?.primaryIp : current?.secondaryIp;
    const other = ipType === 'PRIMARY' ? current?.secondaryIp : current?.primaryIp;
    if (slot === ip) return fail('NOTHING_TO_CHANGE', `${ipType} IP is already ${ip}.`);
    if (ipType === 'SECONDARY' && !current?.primaryIp) return fail('IP_PRIMARY_FIRST');
    if (other === ip) return fail('IP_DUPLICATE');
    if (slot) {
      const cooldown = this.checkCooldown(account);
      if (!cooldown.ok) return cooldown;
    }
    const base = current ?? { uid: account.uid, appId: app.id, primaryIp: null, secondaryIp: null, updatedAt: 0 };
    return ok({ ...base, [ipType === 'PRIMARY' ? 'primaryIp' : 'secondaryIp']: ip, updatedAt: this.ctx.clock.now() });
  }

  requestSet(account: Account, app: App, ipType: IpType, ip: string): Result<Challenge> {
    const checked = this.checkSet(account, app, ipType, ip);
    if (!checked.ok) return checked;
    return this.challenges.issue(account, 'set-ip', app, { ipType, ipAddress: ip });
  }

  /** On verify: the rules again against the state now, then the write and the account's last-change time. */
  applySet(account: Account, app: App, challenge: Challenge): Result<IpRegistration> {
    const checked = this.checkSet(account, app, challenge.payload.ipType ?? 'PRIMARY', challenge.payload.ipAddress ?? '');
    if (!checked.ok) return checked;
    this.write(account, checked.value);
    return checked;
  }

  private write(account: Account, registration: IpRegistration) {
    this.ctx.store.putIps(registration);
    const stored = this.ctx.store.getAccount(account.uid) ?? account;
    this.ctx.store.putAccount({ ...stored, lastIpChangeAt: registration.updatedAt });
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

  /** Legacy IP Update: once per calendar week (IST), across all of the account's IP changes. */
  legacyUpdate(account: Account, primaryIp: string, secondaryIp: string | undefined): Result<IpRegistration> {
    const current = this.of(account.uid, null);
    if (!current?.primaryIp) return fail('IP_NONE_REGISTERED');
    const last = this.lastChange(account.uid);
    if (last !== null && last >= istWeekStart(this.ctx.clock.now())) return fail('IP_WEEKLY_LIMIT');
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
    this.write(account, registration);
    return ok(registration);
  }
}
