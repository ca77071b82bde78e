import type { Context } from 'hono';
import { fail, type Result } from '../domain/result.js';
import type { Authenticated } from '../domain/sessions.js';
import type { HttpDeps, SandboxEnv } from './deps.js';
import { sessionOf } from './session-of.js';

/** The session of a Trade API call; `writer` adds the static-IP rule of the calls that place, modify, cancel, exit or execute orders (baskets and portfolio actions too). */
export function orderAuth({ domain, sourceIp }: Pick<HttpDeps, 'domain' | 'sourceIp'>) {
  const session = (c: Context<SandboxEnv>) => sessionOf(domain, c);
  /** A live session, from an IP registered for its app (the account's legacy IPs for a legacy session). */
  const writer = (c: Context<SandboxEnv>): Result<Authenticated> => {
    const auth = session(c);
    if (!auth.ok) return auth;
    const { session: s, account } = auth.value;
    if (domain.staticIps.match(account.uid, s.appId, sourceIp(c)).matchedAs === null) return fail('IP_NOT_REGISTERED');
    return auth;
  };
  return { session, writer };
}
