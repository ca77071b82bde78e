import type { MiddlewareHandler } from 'hono';
import type { SandboxEnv } from './deps.js';
import { header } from './header.js';

type BodyCache = { text?: Promise<string> };

/**
 * The real service takes `""` in a field as if the field were absent (Samco's own clients send
 * `disclosedQuantity: ""`): the top-level `""` values of a JSON object body are dropped before the
 * operation's schema sees it, by rewriting the text in hono's body cache (its validator parses that
 * text). A body without `""` values, or one that does not parse, is left as it came.
 */
export function blankFieldsAbsent(): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || !header(c, 'content-type')?.includes('application/json')) return next();
    const text = await c.req.text();
    const cache = c.req.bodyCache as BodyCache;
    cache.text = Promise.resolve(text);
    // Most bodies have no "" value: they are not parsed here at all.
    if (!text.includes('""')) return next();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return next();
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return next();
    const fields = body as Record<string, unknown>;
    for (const [key, value] of Object.entries(fields)) if (value === '') delete fields[key];
    cache.text = Promise.resolve(JSON.stringify(fields));
    return next();
  };
}
