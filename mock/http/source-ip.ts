import type { Context } from 'hono';
import { header } from './header.js';
import type { SandboxEnv } from './deps.js';

const unmap = (address: string) => (address.startsWith('::ffff:') ? address.slice(7) : address);

/**
 * The source IP the server sees. In order: the `srcIp` binding of an in-process request
 * (`app.request(path, init, { srcIp })`), the first X-Forwarded-For entry when the sandbox runs
 * behind a trusted proxy, then the socket's peer address. In-process requests without a binding
 * count as loopback.
 */
export function sourceIpResolver(trustProxy: boolean) {
  return (c: Context<SandboxEnv>): string => {
    if (c.env?.srcIp) return c.env.srcIp;
    if (trustProxy) {
      const first = header(c, 'x-forwarded-for')?.split(',')[0]?.trim();
      if (first) return unmap(first);
    }
    return unmap(c.env?.incoming?.socket?.remoteAddress ?? '127.0.0.1');
  };
}

export const isLoopback = (address: string) => /^(::ffff:)?127\./.test(address) || address === '::1';

/** Every address a proxy wrote into X-Forwarded-For or Forwarded (RFC 7239 `for=`), in order. */
export function forwardedAddresses(c: Context<SandboxEnv>): string[] {
  const xff = header(c, 'x-forwarded-for')?.split(',') ?? [];
  const forwarded = [...(header(c, 'forwarded') ?? '').matchAll(/for=("?)\[?([^\]";,\s]+)/gi)].map((m) => m[2]!);
  return [...xff, ...forwarded].map((a) => unmap(a.trim())).filter((a) => a !== '');
}
