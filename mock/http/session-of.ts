import type { Context } from 'hono';
import type { SandboxDomain } from '../domain/domain.js';
import type { Result } from '../domain/result.js';
import type { Authenticated } from '../domain/sessions.js';
import type { Account } from '../domain/types.js';
import type { SandboxEnv } from './deps.js';
import { header } from './header.js';

/**
 * The caller's session: the one authentication-first found for this request (nothing ran in
 * between that could change it), else looked up now. One keyed hash per request, not one per look.
 */
export function sessionOf(domain: SandboxDomain, c: Context<SandboxEnv>): Result<Authenticated> {
  return c.get('sessionAuth') ?? domain.sessions.authenticate(header(c, 'x-session-token'));
}

/** The account signed in to the web dashboard, the same way. */
export function dashboardOf(domain: SandboxDomain, c: Context<SandboxEnv>): Result<Account> {
  return c.get('dashboardAuth') ?? domain.accounts.dashboardAccount(header(c, 'x-dashboard-token'));
}
