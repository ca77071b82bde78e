import type { Context } from 'hono';
import type { RouteConfig, z } from '@hono/zod-openapi';
import type { Reply } from './reply.js';
import { describeZodError } from './errors.js';

type JsonContent = { content?: Record<string, { schema?: z.ZodType }> };
type JsonFn = (body: unknown, status?: number, headers?: unknown) => Response;

/**
 * Checks every JSON body of a spec operation against the zod schema the spec declares for its
 * status, as the handler hands it to c.json (no re-reading of the response). A body that drifts
 * becomes a 500 in the envelope of the path's API and is logged, so tests cannot pass on a body the spec does not
 * allow.
 */
export function responseChecker(reply: Reply, log: (line: string) => void): (c: Context, route: RouteConfig) => void {
  return (c, route) => {
    const json = c.json.bind(c) as unknown as JsonFn;
    (c as unknown as { json: JsonFn }).json = (body, status = 200, headers) => {
      const declared = (route.responses as Record<string, JsonContent>)[String(status)];
      const schema = declared?.content?.['application/json']?.schema;
      const result = schema?.safeParse(body);
      if (result?.success) return json(body, status, headers);
      const why = result && !result.success ? describeZodError(result.error, 'response') : `status ${status} is not declared`;
      log(`contract drift ${c.req.method} ${c.req.path} -> ${status}: ${why}`);
      // The 500 goes out in the envelope of the path's API (Samco, AutoTrader or OAuth), unchecked.
      (c as unknown as { json: JsonFn }).json = json;
      return reply.failWith(c, 500, `Response failed its contract: ${why}`);
    };
  };
}
