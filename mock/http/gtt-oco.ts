import type { Context } from 'hono';
import { ERRORS } from '../../spec/errors.js';
import { gttOco as routes } from '../../spec/routes/index.js';
import type { GttRecord } from '../domain/gtt.js';
import type { DomainError } from '../domain/result.js';
import type { HttpDeps, SandboxApp, SandboxEnv } from './deps.js';
import { orderAuth } from './order-auth.js';
import { addGttDetails, gttListEntry, modifiedGttDetails, modifyGttDetails, ocoDetails, symbolOf } from './present-families.js';

const LIST_TYPES = ['active', 'triggered', 'expired'] as const;

/** GTT and OCO: thin handlers over the domain's Gtts. */
export function gttOcoRoutes(app: SandboxApp, deps: HttpDeps) {
  const { domain, reply } = deps;
  const { session, writer } = orderAuth(deps);
  const instrumentOf = (g: GttRecord) => domain.market.find(g.exchange, g.symbolName)!;

  /** A refusal in a published special shape: `fields` beside the envelope, or without msgId. */
  const refuse = (c: Context<SandboxEnv>, error: DomainError, shape: 'bare' | { fields: Record<string, unknown> }): never => {
    const message = error.message ?? ERRORS[error.code].message;
    c.set('refusal', error.code);
    if (shape === 'bare') return c.json({ serverTime: reply.serverTime(), status: 'Failure' as const, statusMessage: message }, 400) as never;
    return c.json({ ...reply.failureBody(message), ...shape.fields }, 400) as never;
  };

  app.openapi(routes.addGtt, (c) => {
    const auth = writer(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const result = domain.gtts.addGtt(auth.value.account.uid, c.req.valid('json'));
    if (!result.ok) return result.error.code === 'MARKET_SYMBOL_NOT_FOUND' ? refuse(c, result.error, 'bare') : reply.fail(c, result.error);
    return c.json(reply.success('GTT CREATED', { gttSummaryId: result.value.gttSummaryId, orderDetails: addGttDetails(result.value, instrumentOf(result.value)) }), 200);
  });

  app.openapi(routes.modifyGtt, (c) => {
    const auth = writer(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const body = c.req.valid('json');
    const result = domain.gtts.modifyGtt(auth.value.account.uid, body.gttSummaryId, body);
    if (!result.ok) {
      if (result.error.code !== 'GTT_NOT_FOUND') return reply.fail(c, result.error);
      const instrument = domain.market.find(body.exchange || 'NSE', body.symbolName);
      const echo = modifyGttDetails(
        {
          productType: body.productType as GttRecord['productType'],
          orderType: body.orderType as GttRecord['orderType'],
          transactionType: body.transactionType,
          symbolName: body.symbolName,
          quantity: Number(body.quantity),
          marketProtection: body.orderType === 'MKT' ? String(body.marketProtection ?? '') : '',
          triggerPrice: String(body.triggerPrice),
          limitPrice: body.orderType === 'L' ? String(body.limitPrice ?? '') : '',
        },
        instrument ? symbolOf(instrument) : '',
      );
      return refuse(c, result.error, { fields: { orderDetails: echo } });
    }
    return c.json(reply.success('GTT MODIFIED', { gttSummaryId: result.value.gttSummaryId, orderDetails: modifiedGttDetails(result.value, instrumentOf(result.value)) }), 200);
  });

  app.openapi(routes.addOco, (c) => {
    const auth = writer(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const result = domain.gtts.addOco(auth.value.account.uid, c.req.valid('json'));
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(reply.success('GTT CREATED', { gttSummaryId: result.value.gttSummaryId, orderDetails: ocoDetails(result.value, instrumentOf(result.value)) }), 200);
  });

  app.openapi(routes.modifyOco, (c) => {
    const auth = writer(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const body = c.req.valid('json');
    const result = domain.gtts.modifyOco(auth.value.account.uid, body.gttSummaryId, body);
    if (!result.ok) {
      const old = domain.gtts.find(auth.value.account.uid, body.gttSummaryId);
      if (result.error.code !== 'GTT_NOT_FOUND' || !old) return reply.fail(c, result.error);
      return refuse(c, result.error, { fields: { orderDetails: ocoDetails(old, instrumentOf(old)) } });
    }
    return c.json(reply.success('GTT MODIFIED', { gttSummaryId: result.value.gttSummaryId, orderDetails: ocoDetails(result.value, instrumentOf(result.value)) }), 200);
  });

  for (const [route, kind, message] of [
    [routes.deleteGtt, 'GTT', 'GTT order Deleted'],
    [routes.deleteOco, 'OCO', 'GTT OCO order Deleted'],
  ] as const) {
    app.openapi(route, (c) => {
      const auth = writer(c);
      if (!auth.ok) return reply.fail(c, auth.error);
      // The chapter sends a JSON body on DELETE; the Java SDK sends the id as a query parameter.
      const id = (c.req.valid('json') as { gttSummaryId?: string | number } | undefined)?.gttSummaryId ?? c.req.valid('query').gttSummaryId;
      if (id === undefined || id === '') return reply.fail(c, { code: 'VALIDATION', message: 'Invalid request: gttSummaryId is required (in the JSON body or as a query parameter).' });
      const result = domain.gtts.delete(auth.value.account.uid, id, kind);
      if (!result.ok) return reply.fail(c, result.error);
      return c.json(reply.success(message, { gttSummaryId: result.value.gttSummaryId, orderDetails: { userId: result.value.uid } }), 200);
    });
  }

  app.openapi(routes.listGttOco, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const listType = c.req.valid('query').listType || 'active';
    if (!(LIST_TYPES as readonly string[]).includes(listType)) {
      c.set('refusal', 'GTT_LIST_TYPE');
      return c.json({ serverTime: reply.serverTime(), status: 'Failure' as const, validationErrors: [ERRORS.GTT_LIST_TYPE.message] }, 400) as never;
    }
    const list = domain.gtts.list(auth.value.account.uid, listType as (typeof LIST_TYPES)[number]);
    return c.json(reply.success('List of GTT / OCO orders received.', { orderDetails: list.map((g) => gttListEntry(g, instrumentOf(g))) }), 200);
  });
}
