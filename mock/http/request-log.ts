import type { Context, MiddlewareHandler } from 'hono';
import { ERRORS } from '../../spec/errors.js';
import type { SandboxEnv } from './deps.js';
import { forwardedIgnored } from './source-ip.js';

/**
 * One line per request: method, path, status, duration, then what a reader needs to tell calls
 * apart: the account (when the call authenticated one), the source IP the API saw, and the
 * refusal's code and errorCode. Never bodies, headers, query strings or tokens.
 */
export function logRequests(write: (line: string) => void, sourceIp: (c: Context<SandboxEnv>) => string, trustProxy: boolean): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const outcome = c.env?.incoming?.readableAborted ? 'aborted' : c.res.status;
    const parts = [`${c.req.method} ${c.req.path} ${outcome} ${(performance.now() - started).toFixed(1)}ms`];
    const account = c.get('account') ?? c.get('atUser')?.username;
    if (account) parts.push(`account=${account}`);
    // The control API's guard judges the real caller, so its lines show that address, not the simulated one.
    const control = c.req.path.startsWith('/__sandbox');
    parts.push(control ? `peer=${c.env?.incoming?.socket?.remoteAddress ?? 'in-process'}` : `ip=${sourceIp(c)}`);
    if (forwardedIgnored(c, trustProxy)) parts.push('x-forwarded-for=ignored(no --trust-proxy)');
    const refusal = c.get('refusal');
    if (refusal) {
      const entry = ERRORS[refusal];
      parts.push(`code=${refusal}`);
      if ('errorCode' in entry) parts.push(`errorCode=${entry.errorCode}`);
    }
    write(parts.join(' '));
  };
}
