import type { Challenge, App } from '../domain/types.js';
import type { Account } from '../domain/types.js';
import { maskEmail, maskMobile } from '../domain/mask.js';
import type { IpRegistration } from '../domain/types.js';
import type { IpMatch } from '../domain/static-ips.js';
import { TRADING_LISTS } from '../domain/sessions.js';

const iso = (ms: number) => new Date(ms).toISOString();

export function appJson(app: App) {
  return {
    appId: app.id,
    appName: app.name,
    redirectUrl: app.redirectUrl,
    scope: 'all' as const,
    status: app.status,
    createdAt: iso(app.createdAt),
    lastUpdated: iso(app.updatedAt),
  };
}

export function challengeJson(challenge: Challenge, account: Account) {
  return {
    challenge: {
      challengeId: challenge.id,
      action: challenge.action as Exclude<Challenge['action'], 'legacy-secret-key'>,
      appId: challenge.appId,
      expiresAt: iso(challenge.expiresAt),
      sentTo: { mobile: maskMobile(account.mobile), email: maskEmail(account.email) },
    },
  };
}

export function staticIpsJson(registration: IpRegistration) {
  return { primaryIp: registration.primaryIp, secondaryIp: registration.secondaryIp, lastUpdated: iso(registration.updatedAt) };
}

/** The account and IP fields of every login-style answer (/session/token, OAuth tokens, Login Code). */
export function loginFields(account: Account, srcIp: string, ips: IpMatch) {
  return { accountID: account.uid, accountName: account.name, ...TRADING_LISTS, srcIp, primaryIp: ips.primaryIp, secondaryIp: ips.secondaryIp };
}

export { iso };
