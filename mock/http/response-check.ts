import type { MiddlewareHandler } from 'hono';
import type { z } from '@hono/zod-openapi';
import type { Reply } from './reply.js';
import type { RouteTable } from './route-table.js';
import { describeZodError } from './errors.js';

type JsonContent = { content?: Record<string, { schema?: z.ZodType }> };

/**
 * Parses every JSON response of a spec operation with the zod schema the spec declares for its
 * status. A response that drifts is replaced by an Error envelope (500) and logged, so tests
 * cannot pass on a body the spec does not allow.
 */
export function checkResponses(routes: RouteTable, reply: Reply, log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const route = routes.find(c.req.method, c.req.path);
    if (!route || !c.res.headers.get('content-type')?.includes('application/json')) return;
    const declared = (route.responses as Record<string, JsonContent>)[String(c.res.status)];
    const schema = declared?.content?.['application/json']?.schema;
    // Read once and rebuild, rather than clone(): a cloned (tee'd) body stream kept memory alive per request.
    const text = await c.res.text();
    c.res = new Response(text, { status: c.res.status, headers: c.res.headers });
    const body: unknown = JSON.parse(text);
    const problem = schema ? schema.safeParse(body) : null;
    if (schema && problem?.success) return;
    const why = problem && !problem.success ? describeZodError(problem.error, 'response') : `status ${c.res.status} is not declared`;
    log(`contract drift ${c.req.method} ${c.req.path} -> ${c.res.status}: ${why}`);
    c.res = new Response(JSON.stringify(reply.errorBody(`Response failed its contract: ${why}`)), {
      status: 500,
      headers: { 'content-type': 'application/json' },
    });
  };
}
