import type { Context } from 'hono';
import { autotrader as routes } from '../../spec/routes/index.js';
import { views } from '../domain/autotrader/autotrader.js';
import { placeInput, type LtpOf } from '../domain/autotrader/orders.js';
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
  /** Admits the caller for the pseudo account, runs the command, answers its result (or its refusal). */
  const run = <T, R>(c: Context, pseudoAccount: string, command: (user: AtUser) => Result<T>, answer: (value: T) => R) => {
    const user = admitted(c, pseudoAccount);
    if (!user.ok) return reply.fail(c, user.error);
    const result = command(user.value);
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(reply.atSuccess(answer(result.value)), 200);
  };

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

  const orderId = (order: AtOrderRecord) => order.id;
  app.openapi(routes.atPlaceRegularOrder, (c) => {
    const form = c.req.valid('form');
    return run(c, form.pseudoAccount, (user) => at.place(user, placeInput('REGULAR', form)), orderId);
  });
  app.openapi(routes.atPlaceCoverOrder, (c) => {
    const form = c.req.valid('form');
    return run(c, form.pseudoAccount, (user) => at.place(user, placeInput('CO', form)), orderId);
  });
  app.openapi(routes.atPlaceBracketOrder, (c) => {
    const form = c.req.valid('form');
    return run(c, form.pseudoAccount, (user) => at.place(user, placeInput('BO', form)), orderId);
  });
  app.openapi(routes.atPlaceAdvancedOrder, (c) => {
    const { variety, strategyId: _s, comments: _c, ...form } = c.req.valid('form');
    return run(c, form.pseudoAccount, (user) => at.place(user, placeInput(variety, form)), orderId);
  });

  const yes = () => true;
  app.openapi(routes.atModifyOrderByPlatformId, (c) => {
    const { pseudoAccount, platformId, ...change } = c.req.valid('form');
    return run(c, pseudoAccount, (user) => at.modifyOrder(user, pseudoAccount, platformId, change), yes);
  });
  app.openapi(routes.atCancelOrderByPlatformId, (c) => {
    const { pseudoAccount, platformId } = c.req.valid('form');
    return run(c, pseudoAccount, (user) => at.cancelOrder(user, pseudoAccount, platformId), yes);
  });
  app.openapi(routes.atCancelChildOrdersByPlatformId, (c) => {
    const { pseudoAccount, platformId } = c.req.valid('form');
    return run(c, pseudoAccount, (user) => at.cancelChildOrders(user, pseudoAccount, platformId), yes);
  });
  app.openapi(routes.atCancelAllOrders, (c) => {
    const { pseudoAccount } = c.req.valid('form');
    return run(c, pseudoAccount, (user) => at.cancelAllOrders(user, pseudoAccount), yes);
  });
  app.openapi(routes.atSquareOffPosition, (c) => {
    const { pseudoAccount, ...position } = c.req.valid('form');
    return run(c, pseudoAccount, (user) => at.squareOffPosition(user, pseudoAccount, position), yes);
  });
  app.openapi(routes.atSquareOffPortfolio, (c) => {
    const { pseudoAccount, category } = c.req.valid('form');
    return run(c, pseudoAccount, (user) => at.squareOffPortfolio(user, pseudoAccount, category), yes);
  });

  const reads = [
    [routes.atReadPlatformOrders, routes.atReadPlatformOrdersPost, views.orders],
    [routes.atReadPlatformPositions, routes.atReadPlatformPositionsPost, views.positions],
    [routes.atReadPlatformMargins, routes.atReadPlatformMarginsPost, views.margins],
    [routes.atReadPlatformHoldings, routes.atReadPlatformHoldingsPost, views.holdings],
  ] as const;
  for (const [get, post, view] of reads) {
    // One handler for four record types: the response check, not the compiler, holds each to its schema here.
    const read = (c: Context, pseudoAccount: string): never =>
      run(
        c,
        pseudoAccount,
        (user) => at.read(user, pseudoAccount, view as (account: AtAccount, orders: AtOrderRecord[], ltpOf: LtpOf) => unknown),
        (records) => records,
      ) as never;
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
