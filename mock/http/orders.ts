import { orders as routes, portfolio } from '../../spec/routes/index.js';
import type { HttpDeps, SandboxApp } from './deps.js';
import { orderAuth } from './order-auth.js';
import { amount } from '../domain/money.js';
import { triggerOrder } from './present-families.js';
import { holdingDetail, orderBookEntry, orderStatusDetails, placedOrderDetails, positionDetail, summary, tradeBookEntry } from './present-orders.js';

/** The orders and portfolio chapters: thin handlers over the domain's Orders and Portfolio. */
export function orderRoutes(app: SandboxApp, deps: HttpDeps) {
  const { domain, reply } = deps;
  const { session, writer } = orderAuth(deps);

  app.openapi(routes.placeOrder, (c) => {
    const auth = writer(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const placed = domain.orders.place(auth.value.account, c.req.valid('json'));
    if (!placed.ok) return reply.fail(c, placed.error);
    const o = placed.value;
    return c.json(
      reply.success(`${o.productType} Order request placed successfully`, {
        orderNumber: o.orderNumber,
        exchangeOrderStatus: o.status,
        rejectionReason: o.rejectionReason,
        orderDetails: placedOrderDetails(o, domain.orders.instrumentOf(o)),
      }),
      200,
    );
  });

  app.openapi(routes.modifyOrder, (c) => {
    const { orderNumber } = c.req.valid('param');
    const auth = writer(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const modified = domain.orders.modify(auth.value.account, orderNumber, c.req.valid('json'));
    if (!modified.ok) return reply.failWithFields(c, modified.error, { ordernumber: orderNumber });
    return c.json(reply.success('Order  modified successfully.', { ordernumber: orderNumber }), 200);
  });

  app.openapi(routes.cancelOrder, (c) => {
    const auth = writer(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const cancelled = domain.orders.cancel(auth.value.account.uid, c.req.valid('query').orderNumber);
    if (!cancelled.ok) return reply.fail(c, cancelled.error);
    return c.json(reply.success('Order cancellation request placed successfully', { orderNumber: cancelled.value.orderNumber }), 200);
  });

  app.openapi(routes.getOrderStatus, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const found = domain.orders.get(auth.value.account.uid, c.req.valid('query').orderNumber);
    if (!found.ok) return reply.fail(c, found.error);
    const o = found.value;
    return c.json(
      {
        ...reply.head(),
        orderNumber: o.orderNumber,
        orderStatus: o.status,
        statusMessage: `Requested ${o.productType} Order placed successfully`,
        orderDetails: orderStatusDetails(o, domain.orders.instrumentOf(o)),
      },
      200,
    );
  });

  app.openapi(routes.orderBook, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const entries = domain.orders.book(auth.value.account.uid).map((o) => orderBookEntry(o, domain.orders.instrumentOf(o)));
    return c.json(reply.success('Request successful', { orderBookDetails: entries }), 200);
  });

  app.openapi(routes.getTriggerOrders, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const found = domain.orders.get(auth.value.account.uid, c.req.valid('query').orderNumber);
    if (!found.ok) return reply.fail(c, found.error);
    return c.json(reply.success('SubOrder details retrieved successfully.', { triggerOrders: domain.bracketCover.legsOf(found.value).map(triggerOrder) }), 200);
  });

  app.openapi(portfolio.tradeBook, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const trades = domain.orders.book(auth.value.account.uid).flatMap((o) => {
      const instrument = domain.orders.instrumentOf(o);
      const ltp = domain.market.ltp(instrument);
      return o.fills.map((fill) => ({ at: fill.at, entry: tradeBookEntry(o, instrument, fill, ltp) }));
    });
    trades.sort((a, b) => a.at - b.at);
    return c.json(reply.success('Request successful', { tradeBookDetails: trades.map((t) => t.entry) }), 200);
  });

  app.openapi(portfolio.getPositions, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const { positionType } = c.req.valid('query');
    if (!positionType) return reply.fail(c, { code: 'POSITION_TYPE_REQUIRED' });
    const positions = domain.portfolio.positions(auth.value.account, positionType);
    const pnl = positions.map((p) => ({ total: p.realised + p.unrealised, day: p.realised + p.unrealised }));
    return c.json(reply.success('Request successful', { positionSummary: summary(pnl), positionDetails: positions.map((p) => positionDetail(p, domain.market.quote(p.instrument))) }), 200);
  });

  app.openapi(portfolio.getHoldings, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const holdings = domain.portfolio.holdings(auth.value.account);
    const rows = holdings.map((h) => ({ h, quote: domain.market.quote(h.instrument) }));
    const pnl = rows.map(({ h, quote }) => ({ total: h.quantity * (h.ltp - h.averagePrice), day: h.quantity * (h.ltp - quote.previousClose) }));
    const portfolioValue = rows.reduce((t, { h }) => t + h.quantity * h.ltp, 0);
    return c.json(
      reply.success('Request successful', {
        holdingSummary: { ...summary(pnl), portfolioValue: amount(portfolioValue) },
        holdingDetails: rows.map(({ h, quote }) => holdingDetail(h, quote)),
      }),
      200,
    );
  });
}
