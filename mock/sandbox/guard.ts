import { timingSafeEqual } from 'node:crypto';
import { header } from '../http/header.js';
import type { MiddlewareHandler } from 'hono';
import type { SandboxEnv } from '../http/deps.js';
import type { Reply } from '../http/reply.js';

const isLoopback = (address: string) => address === '::1' || /^(::ffff:)?127\./.test(address);

function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The control API can reset, rewind and read every OTP: it answers on loopback only, unless a
 * token is configured and sent. The socket's address decides, never X-Forwarded-For (which a
 * caller can write); in-process requests have no socket and are local.
 */
export function controlGuard(reply: Reply, token: string | undefined): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const peer = c.env?.incoming?.socket?.remoteAddress;
    if (peer === undefined || isLoopback(peer) || (token !== undefined && sameToken(header(c, 'x-sandbox-token'), token))) return next();
    return reply.fail(c, { code: 'CONTROL_FORBIDDEN' });
  };
}
