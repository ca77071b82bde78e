import type { RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { SandboxEnv } from './deps.js';
import { header } from './header.js';
import { locateJsonFault } from './json-locate.js';
import type { DomainError } from '../domain/result.js';

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The refusal of a body that does not parse, naming its line and column (never quoting it). */
export function malformedJson(text: string): DomainError {
  const fault = locateJsonFault(text);
  const where = fault ? `: line ${fault.line}, column ${fault.column}: expected ${fault.expected}` : '';
  return { code: 'MALFORMED_JSON', message: `Malformed JSON in request body${where}.` };
}

/**
 * Bodies of operations that take JSON, judged before the validators so the answer says what to
 * do: malformed JSON names its line and column; a JSON body sent without a content type (Python's
 * requests.post(data=json.dumps(...)) does that) or as a form (curl -d without -H) is refused
 * naming the header, where the validator would only report the fields as missing.
 */
export function jsonBodyRefusal(route: RouteConfig | undefined, c: Context<SandboxEnv>, text: string | undefined): DomainError | undefined {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return undefined;
  const content = (route?.request?.body as { content?: Record<string, unknown> } | undefined)?.content;
  if (!content?.['application/json']) return undefined;
  if (text === undefined || text.trim() === '') return undefined;
  const type = header(c, 'content-type');
  // A JSON content type: the validator parses the body once; a malformed one is located then (errorHandler).
  if (type !== undefined && JSON_TYPE.test(type)) return undefined;
  const accepted = type === undefined || !Object.keys(content).some((t) => type.toLowerCase().startsWith(t));
  if (accepted && parses(text)) {
    const sent = type === undefined ? 'without a Content-Type header' : `as ${type.split(';')[0]}`;
    return { code: 'JSON_CONTENT_TYPE_MISSING', message: `The body is JSON but was sent ${sent}: send the header Content-Type: application/json.` };
  }
  return undefined;
}
