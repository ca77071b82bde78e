import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { SandboxEnv } from '../http/deps.js';
import { header } from '../http/header.js';
import type { Reply } from '../http/reply.js';
import { forwardedAddresses, isLoopback } from '../http/source-ip.js';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The control API can reset, rewind and read every OTP: it answers local callers, and others only
 * with the configured token. A sent token is always checked: a wrong one is refused, loopback
 * included. Local means loopback at every hop: the socket (in-process requests have none and are
 * local) and every address a proxy forwarded, whether or not the sandbox trusts the proxy for the
 * source IP, since a local proxy relaying a remote caller says so in those headers.
 */
export function controlGuard(reply: Reply, token: string | undefined): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const given = header(c, 'x-sandbox-token');
    if (token !== undefined && given !== undefined) return sameToken(given, token) ? next() : reply.fail(c, { code: 'CONTROL_FORBIDDEN' });
    const peer = c.env?.incoming?.socket?.remoteAddress;
    if ((peer === undefined || isLoopback(peer)) && forwardedAddresses(c).every(isLoopback)) return next();
    return reply.fail(c, { code: 'CONTROL_FORBIDDEN' });
  };
}
