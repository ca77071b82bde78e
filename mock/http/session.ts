import { session, trade } from '../../spec/routes/index.js';
import { TRADING_LISTS } from '../domain/sessions.js';
import type { HttpDeps, SandboxApp, SandboxEnv } from './deps.js';
import type { Context } from 'hono';
import { fail, type Result } from '../domain/result.js';
import type { Authenticated } from '../domain/sessions.js';
import { orderJson } from './present.js';
import { header } from './header.js';

export function sessionRoutes(app: SandboxApp, { domain, reply, sourceIp }: HttpDeps) {
  app.openapi(session.sessionToken, (c) => {
    const { apiKey, apiSecret } = c.req.valid('json');
    const result = domain.sessions.fromApiKey(apiKey, apiSecret, sourceIp(c));
    if (!result.ok) return reply.fail(c, result.error);
    const { sessionToken, session: s, account } = result.value;
    const ips = domain.staticIps.match(account.uid, s.appId, s.srcIp);
    return c.json(
      reply.success('Session token generated successfully', {
        sessionToken,
        tokenId: s.tokenId,
        accountID: account.uid,
        accountName: account.name,
        ...TRADING_LISTS,
        srcIp: s.srcIp,
        primaryIp: ips.primaryIp,
        secondaryIp: ips.secondaryIp,
      }),
      200,
    );
  });

  for (const route of [session.logout, session.logoutPost]) {
    app.openapi(route, (c) => {
      const result = domain.sessions.logout(header(c, 'x-session-token'));
      if (!result.ok) return reply.fail(c, result.error);
      return c.json(reply.success('Logged out successfully', {}), 200);
    });
  }

  app.openapi(trade.getLimits, (c) => {
    const auth = domain.sessions.authenticate(header(c, 'x-session-token'));
    if (!auth.ok) return reply.fail(c, auth.error);
    return c.json(reply.success('Request successful', auth.value.account.limits), 200);
  });

  app.openapi(trade.whoAmI, (c) => {
    const auth = domain.sessions.authenticate(header(c, 'x-session-token'));
    if (!auth.ok) return reply.fail(c, auth.error);
    const srcIp = sourceIp(c);
    const { primaryIp, secondaryIp, matchedAs } = domain.staticIps.match(auth.value.account.uid, auth.value.session.appId, srcIp);
    const message = matchedAs ? `Calling from registered ${matchedAs} IP (${srcIp}).` : `Calling from an unregistered IP (${srcIp}): order calls will be refused.`;
    return c.json(reply.success(message, { srcIp, primaryIp, secondaryIp, matches: matchedAs !== null, matchedAs }), 200);
  });

  /** Order calls: a live session, from an IP registered for its app (the account's legacy IPs for a legacy session). */
  const orderCaller = (c: Context<SandboxEnv>): Result<Authenticated> => {
    const auth = domain.sessions.authenticate(header(c, 'x-session-token'));
    if (!auth.ok) return auth;
    const { session, account } = auth.value;
    if (domain.staticIps.match(account.uid, session.appId, sourceIp(c)).matchedAs === null) return fail('IP_NOT_REGISTERED');
    return auth;
  };

  app.openapi(trade.placeOrder, (c) => {
    const auth = orderCaller(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const order = domain.orders.place(auth.value.account.uid, c.req.valid('json'));
    if (!order.ok) return reply.fail(c, order.error);
    const details = orderJson(order.value);
    return c.json(
      reply.success(`${order.value.productType} Order request placed successfully`, { orderNumber: details.orderNumber, exchangeOrderStatus: details.orderStatus, orderDetails: details }),
      200,
    );
  });

  app.openapi(trade.orderBook, (c) => {
    const auth = orderCaller(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    return c.json(reply.success('Request successful', { orderBookDetails: domain.orders.book(auth.value.account.uid).map(orderJson) }), 200);
  });

  app.openapi(trade.getOrderStatus, (c) => {
    const auth = orderCaller(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const order = domain.orders.get(auth.value.account.uid, c.req.valid('query').orderNumber);
    if (!order.ok) return reply.fail(c, order.error);
    const details = orderJson(order.value);
    return c.json(reply.success('Request successful', { orderNumber: details.orderNumber, orderStatus: details.orderStatus, orderDetails: details }), 200);
  });

  app.openapi(trade.cancelOrder, (c) => {
    const auth = orderCaller(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const order = domain.orders.cancel(auth.value.account.uid, c.req.valid('query').orderNumber);
    if (!order.ok) return reply.fail(c, order.error);
    return c.json(reply.success('Order cancelled successfully', { orderNumber: order.value.orderNumber }), 200);
  });
}
