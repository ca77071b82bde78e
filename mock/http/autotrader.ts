import type { Context } from 'hono';
import { autotrader as routes } from '../../spec/routes/index.js';
import { views } from '../domain/autotrader/autotrader.js';
import type { AtAccount, AtOrderRecord, AtUser } from '../domain/autotrader/types.js';
import type { Result } from '../domain/result.js';
import type { HttpDeps, SandboxApp } from './deps.js';
import { header } from './header.js';

const KEYED_PATHS = ['/trading/*', '/account/*'];

export function autotraderRoutes(app: SandboxApp, { domain, reply, sourceIp }: HttpDeps) {
  const at = domain.autotrader;

  // The key is checked before the request is validated, as on the real service: a caller without a valid key learns nothing else.
  for (const path of KEYED_PATHS) {
    app.use(path, async (c, next) => {
      const user = at.authenticate(header(c, 'api-key'));
      if (!user.ok) return reply.fail(c, user.error);
      c.set('atUser', user.value);
      await next();
    });
  }

  /** The signed-in user, counted against the rate limits for the pseudo account named (if any). */
  const admitted = (c: Context, pseudoAccount?: string): Result<AtUser> => at.admit(c.get('atUser') as AtUser, pseudoAccount);

  app.openapi(routes.atFetchAllTradingAccounts, (c) => {
    const user = admitted(c);
    if (!user.ok) return reply.fail(c, user.error);
    return c.json(reply.atSuccess(at.tradingAccounts(user.value)), 200);
  });

  app.openapi(routes.atFetchLivePseudoAccounts, (c) => {
    const user = admitted(c);
    if (!user.ok) return reply.fail(c, user.error);
    return c.json(reply.atSuccess(at.livePseudoAccounts(user.value)), 200);
  });

  app.openapi(routes.atPlaceRegularOrder, (c) => {
    const input = c.req.valid('form');
    const user = admitted(c, input.pseudoAccount);
    if (!user.ok) return reply.fail(c, user.error);
    const order = at.placeRegularOrder(user.value, input);
    if (!order.ok) return reply.fail(c, order.error);
    return c.json(reply.atSuccess(order.value.id), 200);
  });

  app.openapi(routes.atCancelOrderByPlatformId, (c) => {
    const { pseudoAccount, platformId } = c.req.valid('form');
    const user = admitted(c, pseudoAccount);
    if (!user.ok) return reply.fail(c, user.error);
    const order = at.cancelOrder(user.value, pseudoAccount, platformId);
    if (!order.ok) return reply.fail(c, order.error);
    return c.json(reply.atSuccess(true), 200);
  });

  const reads = [
    [routes.atReadPlatformOrders, routes.atReadPlatformOrdersPost, views.orders],
    [routes.atReadPlatformPositions, routes.atReadPlatformPositionsPost, views.positions],
    [routes.atReadPlatformMargins, routes.atReadPlatformMarginsPost, views.margins],
  ] as const;
  for (const [get, post, view] of reads) {
    // One handler for three record types: the response check, not the compiler, holds each to its schema here.
    const read = (c: Context, pseudoAccount: string): never => {
      const user = admitted(c, pseudoAccount);
      if (!user.ok) return reply.fail(c, user.error);
      const records = at.read(user.value, pseudoAccount, view as (account: AtAccount, orders: AtOrderRecord[]) => unknown);
      if (!records.ok) return reply.fail(c, records.error);
      return c.json(reply.atSuccess(records.value), 200) as never;
    };
    app.openapi(get, (c) => read(c, c.req.valid('query').pseudoAccount));
    app.openapi(post, (c) => read(c, c.req.valid('form').pseudoAccount));
  }

  app.openapi(routes.atViewApiKey, (c) => {
    const { username, password } = c.req.valid('json');
    const key = domain.signIns.attempt({ atUser: username }, sourceIp(c), () => at.viewKey(username, password));
    if (!key.ok) return reply.fail(c, key.error);
    return c.json(reply.atSuccess({ apiKey: key.value }), 200);
  });

  app.openapi(routes.atRegenerateApiKey, (c) => {
    const { username, password } = c.req.valid('json');
    const key = domain.signIns.attempt({ atUser: username }, sourceIp(c), () => at.regenerateKey(username, password));
    if (!key.ok) return reply.fail(c, key.error);
    return c.json(reply.atSuccess({ apiKey: key.value }), 200);
  });
}
