import type { Context } from 'hono';
import { header } from './header.js';
import type { SandboxEnv } from './deps.js';

const unmap = (address: string) => (address.startsWith('::ffff:') ? address.slice(7) : address);

/**
 * The public address a local caller is given: Samco refuses to register loopback or private
 * addresses, so a caller on this machine is seen from here, and register-then-order works from
 * one laptop. 49.36.0.0/16 is a public range (an Indian ISP's), outside every special-purpose one.
 */
export const DEFAULT_CLIENT_IP = '49.36.200.1';

export type SourceIpOptions = { trustProxy?: boolean; clientIp?: string };

/**
 * The source IP the emulated API sees. In order: the `srcIp` binding of an in-process request
 * (`app.request(path, init, { srcIp })`), the first X-Forwarded-For entry when the sandbox runs
 * behind a trusted proxy, then the socket's peer address, where a loopback caller (and an
 * in-process request without a binding) becomes the simulated client IP. The control API's guard
 * never reads this: it judges the real addresses.
 */
export function sourceIpResolver({ trustProxy = false, clientIp = DEFAULT_CLIENT_IP }: SourceIpOptions = {}) {
  return (c: Context<SandboxEnv>): string => {
    if (c.env?.srcIp) return c.env.srcIp;
    if (trustProxy) {
      const first = header(c, 'x-forwarded-for')?.split(',')[0]?.trim();
      if (first) return unmap(first);
    }
    const peer = unmap(c.env?.incoming?.socket?.remoteAddress ?? '127.0.0.1');
    return isLoopback(peer) ? clientIp : peer;
  };
}

/** Whether a caller sent X-Forwarded-For that the sandbox does not use (started without --trust-proxy). */
export const forwardedIgnored = (c: Context<SandboxEnv>, trustProxy: boolean) => !trustProxy && !c.env?.srcIp && header(c, 'x-forwarded-for') !== undefined;

export const FORWARDED_IGNORED_NOTE = 'X-Forwarded-For ignored: start the sandbox with --trust-proxy to take the source IP from it.';

export const isLoopback = (address: string) => /^(::ffff:)?127\./.test(address) || address === '::1';

/** Every address a proxy wrote into X-Forwarded-For or Forwarded (RFC 7239 `for=`), in order. */
export function forwardedAddresses(c: Context<SandboxEnv>): string[] {
  const xff = header(c, 'x-forwarded-for')?.split(',') ?? [];
  const forwarded = [...(header(c, 'forwarded') ?? '').matchAll(/for=("?)\[?([^\]";,\s]+)/gi)].map((m) => m[2]!);
  return [...xff, ...forwarded].map((a) => unmap(a.trim())).filter((a) => a !== '');
}
