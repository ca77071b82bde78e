import type { MiddlewareHandler } from 'hono';
import type { SandboxEnv } from './deps.js';
import { header } from './header.js';

type BodyCache = { json?: Promise<unknown> };

/**
 * The real service takes `""` in a field as if the field were absent (Samco's own clients send
 * `disclosedQuantity: ""`): the top-level `""` values of a JSON object body are dropped before the
 * operation's schema sees it. The parsed object goes into hono's body cache, so the validator does
 * not parse the body again; a body that does not parse is left alone for the usual refusal.
 */
export function blankFieldsAbsent(): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || !header(c, 'content-type')?.includes('application/json')) return next();
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return next();
    }
    if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
      for (const [key, value] of Object.entries(body)) if (value === '') delete (body as Record<string, unknown>)[key];
    }
    (c.req.bodyCache as BodyCache).json = Promise.resolve(body);
    return next();
  };
}
