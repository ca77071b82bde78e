import { baskets as routes } from '../../spec/routes/index.js';
import { BASKET_RULES, type BasketOrderInput } from '../domain/baskets.js';
import type { HttpDeps, SandboxApp } from './deps.js';
import { orderAuth } from './order-auth.js';
import { basketListEntry, basketOrderEntry, createdOrderDetails } from './baskets-present.js';

type IdValue = string | number | undefined;
/** An id as the clients send it (number or digits); null when absent. */
const idOf = (value: IdValue): number | null => (value === undefined || value === '' ? null : Number(value));

/** The Basket Orders chapter: thin handlers over the domain's Baskets. */
export function basketRoutes(app: SandboxApp, deps: HttpDeps) {
  const { domain, reply } = deps;
  const { session, writer } = orderAuth(deps);
  const baskets = domain.baskets;

  app.openapi(routes.createBasket, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const { basketName, orders } = c.req.valid('json');
    const created = baskets.create(auth.value.account, basketName, orders ?? []);
    if (!created.ok) return reply.fail(c, created.error);
    return c.json(reply.success('Basket created successfully', { basketDetails: { basketId: created.value.basketId, basketName: created.value.basketName } }), 200);
  });

  app.openapi(routes.modifyBasket, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const { basketId, basketName } = c.req.valid('json');
    const renamed = baskets.rename(auth.value.account, idOf(basketId)!, basketName);
    if (!renamed.ok) return reply.fail(c, renamed.error);
    return c.json(reply.success('Basket name updated successfully', { basketDetails: { basketId: renamed.value.basketId, basketName: renamed.value.basketName } }), 200);
  });

  app.openapi(routes.deleteBasket, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const sent = c.req.valid('json').basketId ?? c.req.valid('query').basketId;
    if (sent === undefined || sent === '') return reply.fail(c, { code: 'BASKET_ID_REQUIRED' });
    const ids = (Array.isArray(sent) ? sent : [sent]).map((id) => Number(id));
    if (ids.some((id) => !Number.isSafeInteger(id))) return reply.fail(c, { code: 'VALIDATION', message: 'Invalid request: basketId must be a number or a string of digits.' });
    const deleted = baskets.delete(auth.value.account, ids);
    if (!deleted.ok) return reply.fail(c, deleted.error);
    return c.json(reply.success('Baskets Deleted Successfully', {}), 200);
  });

  app.openapi(routes.listBasket, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const listType = c.req.valid('query').listType ?? 'ALL';
    if (!(BASKET_RULES.listTypes as readonly string[]).includes(listType)) return reply.fail(c, { code: 'BASKET_LIST_TYPE_INVALID' });
    const { account } = auth.value;
    const entries = baskets.list(account, listType as (typeof BASKET_RULES.listTypes)[number]).map((basket) => {
      const views = baskets.view(account, basket.basketId);
      return basketListEntry(basket, views, baskets.margins(views), BASKET_RULES.maxOrders);
    });
    return c.json(reply.success('List of Baskets fetched successfully', { basketList: entries }), 200);
  });

  app.openapi(routes.createBasketOrder, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const { basketID, basketId, orders, ...order } = c.req.valid('json');
    const id = idOf(basketID ?? basketId);
    if (id === null) return reply.fail(c, { code: 'BASKET_ID_REQUIRED' });
    const inputs: BasketOrderInput[] = orders ?? [order];
    const added = baskets.addOrders(auth.value.account, id, inputs);
    if (!added.ok) return reply.fail(c, added.error);
    const item = added.value;
    const instrument = domain.market.find(item.exchange, item.symbolName)!;
    return c.json(reply.success('Order Added Successfully', { basketDetails: createdOrderDetails(item, instrument, item.sequence) }), 200);
  });

  app.openapi(routes.modifyBasketOrder, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const { basketId, basketOrderId, orderId, orders, ...order } = c.req.valid('json');
    const itemId = idOf(basketOrderId ?? orderId);
    if (itemId === null) return reply.fail(c, { code: 'BASKET_ORDER_INVALID' });
    const modified = baskets.modifyOrder(auth.value.account, idOf(basketId)!, itemId, orders?.[0] ?? order);
    if (!modified.ok) return reply.fail(c, modified.error);
    return c.json(reply.success('Basket Order Data Updated Successfully', {}), 200);
  });

  app.openapi(routes.deleteBasketOrder, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const body = c.req.valid('json');
    const query = c.req.valid('query');
    const basketId = idOf(body.basketId ?? query.basketId);
    if (basketId === null || !Number.isSafeInteger(basketId)) return reply.fail(c, { code: 'BASKET_ID_REQUIRED' });
    const itemId = idOf(body.basketOrderId ?? body.orderId ?? query.basketOrderId ?? query.orderId);
    if (itemId === null || !Number.isSafeInteger(itemId)) return reply.fail(c, { code: 'BASKET_ORDER_INVALID' });
    const deleted = baskets.deleteOrder(auth.value.account, basketId, itemId);
    if (!deleted.ok) return reply.fail(c, deleted.error);
    return c.json(reply.success('Basket Order Deleted Successfully', {}), 200);
  });

  app.openapi(routes.executeBasketOrder, (c) => {
    const auth = writer(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const { basketId, executionType } = c.req.valid('json');
    const executed = baskets.execute(auth.value.account, idOf(basketId)!, executionType ?? 'allatonce');
    if (!executed.ok) return reply.fail(c, executed.error);
    return c.json(reply.success('Basket Order Initiated Successfully', {}), 200);
  });

  app.openapi(routes.listBasketOrder, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const { account } = auth.value;
    const id = idOf(c.req.valid('query').basketId);
    const found = id === null ? null : baskets.get(account.uid, id);
    if (found && !found.ok) return reply.fail(c, found.error);
    const views = baskets.view(account, id);
    const margins = baskets.margins(views);
    const deletedContracts = found ? found.value.deletedContracts : baskets.list(account, 'ALL').reduce((t, b) => t + b.deletedContracts, 0);
    const group = (state: string) => views.filter((v) => v.state === state).map(basketOrderEntry);
    return c.json(
      reply.success('Basket order listed successfully', {
        basketDetails: {
          deletedContracts,
          finalMargin: margins.finalMargin.toFixed(2),
          maxMargin: margins.maxMargin.toFixed(2),
          estimatedCharges: '0.00',
          notSentToExchange: group('notSentToExchange'),
          executed: group('executed'),
          pending: group('pending'),
          rejected: group('rejected'),
        },
      }),
      200,
    );
  });

  app.openapi(routes.rearrangeBasketOrder, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const { basketId, basketOrderId } = c.req.valid('json');
    const ids = (Array.isArray(basketOrderId) ? basketOrderId : [basketOrderId]).map((id) => Number(id));
    const id = idOf(basketId)!;
    const rearranged = baskets.rearrange(auth.value.account, id, ids);
    if (!rearranged.ok) return reply.fail(c, rearranged.error);
    return c.json(
      reply.success('Basket orders rearranged successfully', {
        rearrangeOrderList: { basketId: id, orders: rearranged.value.map((i) => ({ basketOrderId: i.basketOrderId, sequence: i.sequence })) },
      }),
      200,
    );
  });

  app.openapi(routes.basketSpanCalculator, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const id = idOf(c.req.valid('json').basketId)!;
    if (!baskets.get(auth.value.account.uid, id).ok) return reply.fail(c, { code: 'BASKET_NOT_FOUND_NO_MSG_ID' });
    const margins = baskets.margins(baskets.view(auth.value.account, id));
    return c.json(reply.success('Peak Margin and Final Margin Calculated Successfully', { spanDetails: margins }), 200);
  });
}
