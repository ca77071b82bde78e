import { bracketCover as routes } from '../../spec/routes/index.js';
import type { HttpDeps, SandboxApp } from './deps.js';
import { orderAuth } from './order-auth.js';
import { orderStatusDetails } from './present-orders.js';
import type { SamcoOrder } from '../domain/orders.js';

/** Bracket and cover orders: thin handlers over the domain's BracketCover. */
export function bracketCoverRoutes(app: SandboxApp, deps: HttpDeps) {
  const { domain, reply } = deps;
  const { writer } = orderAuth(deps);
  const placed = (o: SamcoOrder) => ({
    orderNumber: o.orderNumber,
    exchangeOrderStatus: o.status,
    rejectionReason: o.rejectionReason || '--',
    orderDetails: orderStatusDetails(o, domain.orders.instrumentOf(o)),
  });

  app.openapi(routes.placeOrderBO, (c) => {
    const auth = writer(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const result = domain.bracketCover.placeBO(auth.value.account, c.req.valid('json'));
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(reply.success('BO Order request placed successfully', placed(result.value)), 200);
  });

  app.openapi(routes.placeOrderCO, (c) => {
    const auth = writer(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const result = domain.bracketCover.placeCO(auth.value.account, c.req.valid('json'));
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(reply.success('CO Order request placed successfully', placed(result.value)), 200);
  });

  for (const [route, kind] of [
    [routes.exitBO, 'BO'],
    [routes.exitCO, 'CO'],
  ] as const) {
    app.openapi(route, (c) => {
      const auth = writer(c);
      if (!auth.ok) return reply.fail(c, auth.error);
      const result = domain.bracketCover.exit(auth.value.account, kind, c.req.valid('query').orderNumber);
      if (!result.ok) return reply.fail(c, result.error);
      return c.json(reply.success('Order cancellation request placed successfully', { orderNumber: result.value.orderNumber }), 200);
    });
  }
}
