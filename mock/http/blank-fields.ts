import type { Context } from 'hono';
import type { SandboxEnv } from './deps.js';
import { header } from './header.js';

type BodyCache = { text?: Promise<string> };

/**
 * The real service takes `""` in a field as if the field were absent (Samco's own clients send
 * `disclosedQuantity: ""`): the top-level `""` values of a JSON object body are dropped before the
 * operation's schema sees it, by rewriting the text in hono's body cache (its validator parses that
 * text). A body without `""` values, or one that does not parse, is left as it came. Returns the
 * text the operation will read.
 */
export function dropBlankFields(c: Context<SandboxEnv>, text: string): string {
  // Most bodies have no "" value: they are not parsed here at all.
  if (c.req.method === 'GET' || !text.includes('""') || !header(c, 'content-type')?.includes('application/json')) return text;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return text;
  const fields = body as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) if (value === '') delete fields[key];
  const rewritten = JSON.stringify(fields);
  (c.req.bodyCache as BodyCache).text = Promise.resolve(rewritten);
  return rewritten;
}
