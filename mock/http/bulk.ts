import { bulk as routes } from '../../spec/routes/index.js';
import type { HttpDeps, SandboxApp } from './deps.js';
import { orderAuth } from './order-auth.js';
import { bulkEntry, spanDetails } from './present-families.js';

/** bulkOrder and spanMargin: thin handlers over the domain's Bulk. */
export function bulkRoutes(app: SandboxApp, deps: HttpDeps) {
  const { domain, reply } = deps;
  const { session, writer } = orderAuth(deps);

  app.openapi(routes.bulkOrder, (c) => {
    const auth = writer(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const body = c.req.valid('json');
    const result = domain.bulk.place(auth.value.account, 'orders' in body ? body.orders : [body]);
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(reply.success('Bulk order processed', { orders: result.value.map((o) => bulkEntry(o, domain.orders.instrumentOf(o))) }), 200);
  });

  app.openapi(routes.spanMargin, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const result = domain.bulk.spanMargin(c.req.valid('json').request);
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(reply.success('Span margin calculated', { spanDetails: spanDetails(result.value) }), 200);
  });
}
