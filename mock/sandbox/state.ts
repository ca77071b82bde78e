import { sandboxState } from '../../spec/routes/index.js';
import type { HttpDeps, SandboxApp } from '../http/deps.js';
import { iso } from '../http/present.js';
import type { Result } from '../domain/result.js';

const at = (ms: number | null) => (ms === null ? null : iso(ms));

/** A page of rows: the filters were applied by the domain; here only limit and offset. */
function paged<T>(rows: T[], query: { limit?: number; offset?: number }) {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 100;
  return { total: rows.length, offset, limit, page: rows.slice(offset, offset + limit) };
}

/** GET /__sandbox/accounts/{uid}/...: what an account holds, for a person debugging a client. */
export function stateRoutes(app: SandboxApp, { domain, reply }: HttpDeps) {
  const views = domain.views;
  const answer = <T, U, K extends string>(c: Parameters<typeof reply.fail>[0], result: Result<T[]>, query: { limit?: number; offset?: number }, key: K, present: (row: T) => U) => {
    if (!result.ok) return reply.fail(c, result.error);
    const { page, ...rest } = paged(result.value, query);
    const rows = { [key]: page.map(present) } as Record<K, U[]>;
    return c.json(reply.success(`${rest.total} row(s)`, { ...rest, ...rows }), 200);
  };

  app.openapi(sandboxState.sandboxStateApps, (c) => {
    const query = c.req.valid('query');
    const result = views.apps(c.req.valid('param').uid, query.status);
    return answer(c, result, query, 'apps', (a) => ({ ...a, createdAt: iso(a.createdAt), updatedAt: iso(a.updatedAt) }));
  });

  app.openapi(sandboxState.sandboxStateStaticIps, (c) => {
    const query = c.req.valid('query');
    const result = views.staticIps(c.req.valid('param').uid);
    if (!result.ok) return reply.fail(c, result.error);
    const { page, ...rest } = paged(result.value.rows, query);
    const staticIps = page.map((r) => ({ appId: r.appId, primaryIp: r.primaryIp, secondaryIp: r.secondaryIp, updatedAt: iso(r.updatedAt) }));
    const times = { lastIpChangeAt: at(result.value.lastIpChangeAt), nextChangeAllowedAt: at(result.value.nextChangeAllowedAt) };
    return c.json(reply.success(`${rest.total} row(s)`, { ...rest, ...times, staticIps }), 200);
  });

  app.openapi(sandboxState.sandboxStateSessions, (c) => {
    const { limit, offset, ...filter } = c.req.valid('query');
    const result = views.sessions(c.req.valid('param').uid, filter);
    return answer(c, result, { limit, offset }, 'sessions', (s) => ({
      ...s,
      createdAt: iso(s.createdAt),
      expiresAt: iso(s.expiresAt),
      revokedAt: at(s.revokedAt),
    }));
  });

  app.openapi(sandboxState.sandboxStateGrants, (c) => {
    const { limit, offset, ...filter } = c.req.valid('query');
    const result = views.grants(c.req.valid('param').uid, filter);
    return answer(c, result, { limit, offset }, 'grants', (g) => ({
      ...g,
      createdAt: iso(g.createdAt),
      codeExpiresAt: iso(g.codeExpiresAt),
      codeUsedAt: at(g.codeUsedAt),
      expiresAt: iso(g.expiresAt),
      revokedAt: at(g.revokedAt),
    }));
  });

  app.openapi(sandboxState.sandboxStateOrders, (c) => {
    const { limit, offset, ...filter } = c.req.valid('query');
    const result = views.orders(c.req.valid('param').uid, filter);
    return answer(c, result, { limit, offset }, 'orders', ({ uid: _u, openOn: _o, triggered: _t, afterMarketOrderFlag: _a, leg: _l, bracket: _b, trail: _tr, parentOrderId, ...o }) => ({
      ...o,
      parentOrderId: parentOrderId ?? null,
      fills: o.fills.map((f) => ({ ...f, at: iso(f.at) })),
      createdAt: iso(o.createdAt),
      updatedAt: iso(o.updatedAt),
    }));
  });

  app.openapi(sandboxState.sandboxStatePositions, (c) => {
    const { limit, offset, positionType } = c.req.valid('query');
    const result = views.positions(c.req.valid('param').uid, positionType ?? 'NET');
    return answer(c, result, { limit, offset }, 'positions', (p) => ({
      exchange: p.instrument.exchange,
      symbolName: p.instrument.symbolName,
      tradingSymbol: p.instrument.tradingSymbol,
      productType: p.productType,
      positionType: p.positionType,
      buyQuantity: p.buyQuantity,
      sellQuantity: p.sellQuantity,
      carryForwardQuantity: p.carryForwardQuantity,
      netQuantity: p.netQuantity,
      averagePrice: p.averagePrice,
      lastTradedPrice: p.ltp,
      realised: p.realised,
      unrealised: p.unrealised,
    }));
  });
}
