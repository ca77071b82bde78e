import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { malformedJson } from './json-body.js';
import type { Reply } from './reply.js';
import type { RouteTable } from './route-table.js';
import { nearestOperation } from './nearest-operation.js';

const TARGET_NAMES: Record<string, string> = { json: 'body', param: 'path', query: 'query', header: 'header', form: 'body' };

/** "body.appName: Too small: ...; body: Unrecognized key: \"x\"" - names every field that is wrong. */
export function describeZodError(error: ZodError, target: string): string {
  const where = TARGET_NAMES[target] ?? target;
  const parts = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.length ? `${where}.${issue.path.join('.')}` : where;
    return `${path}: ${issue.message}`;
  });
  if (error.issues.length > 5) parts.push(`and ${error.issues.length - 5} more`);
  return `Invalid request: ${parts.join('; ')}`;
}

/** The validation hook of every route: a Failure envelope naming the fields. */
export function validationHook(reply: Reply) {
  return (result: { success: boolean; error?: unknown; target: string }, c: Context) => {
    if (result.success) return undefined;
    return reply.fail(c, { code: 'VALIDATION', message: describeZodError(result.error as ZodError, result.target) });
  };
}

/**
 * Hono answers malformed JSON, wrong content types and over-long bodies by throwing
 * HTTPException with plain text; here they become Failure envelopes with the same status.
 * Anything else is a sandbox bug: an Error envelope, logged without the request's content.
 */
export function errorHandler(reply: Reply, routes: RouteTable, log: (line: string) => void) {
  return async (err: Error, c: Context) => {
    if (err instanceof HTTPException) {
      if (err.status === 415) return reply.fail(c, { code: 'UNSUPPORTED_MEDIA_TYPE', message: unsupportedMediaType(routes, c) });
      if (err.status === 413) return reply.fail(c, { code: 'PAYLOAD_TOO_LARGE' });
      if (err.status === 400 && /json/i.test(err.message)) return reply.fail(c, malformedJson(await c.req.text().catch(() => '')));
      return reply.failWith(c, err.status as ContentfulStatusCode, err.message || 'Request refused.');
    }
    if (clientGone(c, err)) {
      // The client went away (or timed out) while its body was being read: nobody will read this answer.
      log(`aborted ${c.req.method} ${c.req.path}`);
      return reply.fail(c, { code: 'INTERNAL', message: 'Request aborted by the client.' });
    }
    log(`error ${c.req.method} ${c.req.path}: ${err.name}: ${err.message}`);
    return reply.fail(c, { code: 'INTERNAL' });
  };
}

/** Whether an error means the client's connection went away (Node reports an aborted body read as ECONNRESET "aborted"). */
function clientGone(c: Context, err: Error): boolean {
  const incoming = (c.env as { incoming?: { readableAborted?: boolean } } | undefined)?.incoming;
  const code = (err as NodeJS.ErrnoException).code;
  return incoming !== undefined && (incoming.readableAborted === true || code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE');
}

/** Names the content types the operation takes (JSON for most; forms for AutoTrader and OAuth). */
function unsupportedMediaType(routes: RouteTable, c: Context): string | undefined {
  const content = (routes.find(c.req.method, c.req.path)?.request?.body as { content?: Record<string, unknown> } | undefined)?.content;
  if (!content) return undefined;
  return `Unsupported Media Type: send the body as ${Object.keys(content).join(' or ')}.`;
}

export function notFoundHandler(reply: Reply, routes: RouteTable) {
  return (c: Context) => {
    const allowed = routes.methodsFor(c.req.path);
    if (allowed.length > 0) {
      c.header('Allow', allowed.join(', '));
      return reply.fail(c, { code: 'METHOD_NOT_ALLOWED', message: `Method not allowed: ${c.req.method} ${c.req.path} (allowed: ${allowed.join(', ')})` });
    }
    const nearest = nearestOperation(c.req.method, c.req.path);
    if (nearest) c.set('didYouMean', nearest);
    return reply.fail(c, { code: 'ROUTE_NOT_FOUND', message: `No such endpoint: ${c.req.method} ${c.req.path}${nearest ? ` (did you mean ${nearest}?)` : ''}` });
  };
}
