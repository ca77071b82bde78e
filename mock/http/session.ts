import { session, trade } from '../../spec/routes/index.js';
import type { HttpDeps, SandboxApp, SandboxEnv } from './deps.js';
import type { Context } from 'hono';
import { fail, type Result } from '../domain/result.js';
import type { Authenticated } from '../domain/sessions.js';
import type { Account, Session } from '../domain/types.js';
import { loginFields, orderJson } from './present.js';
import { header } from './header.js';

export function sessionRoutes(app: SandboxApp, { domain, reply, sourceIp }: HttpDeps) {
  const loginOf = (account: Account, s: Session) => loginFields(account, s.srcIp, domain.staticIps.match(account.uid, s.appId, s.srcIp));

  app.openapi(session.sessionToken, async (c) => {
    const { apiKey, apiSecret } = c.req.valid('json');
    const result = await domain.sessions.fromApiKey(apiKey, apiSecret, sourceIp(c));
    if (!result.ok) return reply.fail(c, result.error);
    const { sessionToken, session: s, account } = result.value;
    return c.json(reply.success('Session token generated successfully', { sessionToken, tokenId: s.tokenId, ...loginOf(account, s) }), 200);
  });

  app.openapi(session.logout, (c) => {
    const result = domain.sessions.logout(header(c, 'x-session-token'));
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(reply.success('Request successful', {}), 200);
  });

  app.openapi(session.webSecretCode, (c) => {
    const auth = domain.sessions.authenticate(header(c, 'x-session-token'));
    if (!auth.ok) return reply.fail(c, auth.error);
    const { code, expiresInS } = domain.loginCodes.issue(auth.value.session);
    return c.json(reply.success('Secret code genererated successfully.', { data: { timeRemainingInSeconds: expiresInS, OTP: code } }), 200);
  });

  app.openapi(session.webSecretCodeValidation, (c) => {
    const result = domain.loginCodes.validate(c.req.valid('json').otp, sourceIp(c));
    if (!result.ok) return reply.fail(c, result.error);
    const { sessionToken, session: s, account } = result.value;
    return c.json({ serverTime: reply.serverTime(), status: 'Success' as const, statusMessage: 'Login session token generated successfully', sessionToken, ...loginOf(account, s) }, 200);
  });

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
    const message = matchedAs
      ? `Calling from registered ${matchedAs} IP (${srcIp}).`
      : `Calling IP (${srcIp}) is NOT a registered IP. Registered: PRIMARY=${primaryIp}, SECONDARY=${secondaryIp}. Order endpoints will reject this host.`;
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
