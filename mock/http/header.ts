import type { Context } from 'hono';
import type { SandboxEnv } from './deps.js';

/**
 * A request header, read from Node's own header object when the request came through
 * @hono/node-server: c.req.header() makes node-server build a web Headers object first, a
 * measurable share of a small request. In-process requests go through c.req.header().
 */
export function header(c: Context<SandboxEnv>, name: string): string | undefined {
  const raw = c.env?.incoming?.headers;
  if (!raw) return c.req.header(name);
  const value = raw[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
