import type { RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { SandboxDomain } from '../domain/domain.js';
import type { DomainError, Failure, Result } from '../domain/result.js';
import type { SandboxEnv } from './deps.js';
import { header } from './header.js';

/** A passed check names the account, for the request log. */
type Check = (domain: SandboxDomain, c: Context<SandboxEnv>) => Result<{ uid: string }>;

/** The schemes checked here; the others have their own guard (AutoTrader's api-key, the control API's, OAuth client authentication). */
const CHECKS: Record<string, Check> = {
  dashboardToken: (domain, c) => {
    const auth = domain.accounts.dashboardAccount(header(c, 'x-dashboard-token'));
    if (auth.ok) c.set('dashboardAuth', auth);
    return auth;
  },
  sessionToken: (domain, c) => {
    const auth = domain.sessions.authenticate(header(c, 'x-session-token'));
    if (!auth.ok) return auth;
    c.set('sessionAuth', auth);
    return { ok: true, value: auth.value.account };
  },
};

/**
 * Authentication before anything else looks at the request, driven by each operation's declared
 * security: a caller without valid credentials gets the 401, never a validation message about
 * input it had no right to send. Handlers still read the caller themselves. Returns the refusal,
 * or undefined when the request may go on (the account it names is set for the request log).
 */
export function authenticationRefusal(route: RouteConfig | undefined, domain: SandboxDomain, c: Context<SandboxEnv>): DomainError | undefined {
  const alternatives = (route?.security ?? []) as Array<Record<string, unknown>>;
  if (alternatives.length === 0) return undefined;
  const required = alternatives.map((alternative) => Object.keys(alternative));
  if (required.some((schemes) => schemes.length === 0 || schemes.some((s) => !CHECKS[s]))) return undefined;
  let refusal: Failure | undefined;
  for (const schemes of required) {
    const results = schemes.map((scheme) => CHECKS[scheme]!(domain, c));
    const failed = results.find((result): result is Failure => !result.ok);
    if (!failed) {
      const first = results[0];
      if (first?.ok) c.set('account', first.value.uid);
      return undefined;
    }
    refusal ??= failed;
  }
  return refusal!.error;
}
