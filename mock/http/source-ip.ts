import type { Context } from 'hono';
import type { SandboxEnv } from './deps.js';

/** The source IP the server sees: the socket's peer address; in-process requests count as loopback. */
export function sourceIp(c: Context<SandboxEnv>): string {
  const address = c.env?.incoming?.socket?.remoteAddress ?? '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
