import { beforeAll, describe, expect, it } from 'vitest';
import { harness } from './harness.js';

/**
 * What Samco's published clients send to these chapters, beside the chapters' own samples: the
 * Java 3.2.2 client's query parameters on DELETE (no body, no content type) and its bodies
 * without executionType or listType, the Java/Node README forms (orders[], orderId, analytics
 * fromDate/toDate, duration 1D, filter as an object), unknown keys and "" as absent; and the
 * static-IP check on the order-related calls.
 */
type Json = Record<string, any>;
let h: ReturnType<typeof harness>;
let headers: Record<string, string>;
const call = (method: string, path: string, body?: unknown, srcIp?: string) => h.request(method, path, { headers, ...(body === undefined ? {} : { body }), ...(srcIp ? { srcIp } : {}) });
const ORDER = { symbolName: 'SBIN', exchange: 'NSE', transactionType: 'BUY', orderType: 'L', orderValidity: 'DAY', productType: 'MIS', quantity: '1', price: '800', remarksValue: 'JavaSDK' };

beforeAll(async () => {
  h = harness();
  const who = await h.account();
  const { app, apiKey, apiSecret } = await h.createApp(who, 'Client Forms');
  const yourIp = (await h.request('GET', '/app/api/static-ips', { headers: who.auth })).body.yourIp as string;
  const pending = await h.request('POST', '/app/api/static-ips', { headers: who.auth, body: { appId: app.appId, ipType: 'PRIMARY', ipAddress: yourIp } });
  await h.confirm(who, pending.body.challenge.challengeId);
  const session = await h.request('POST', '/session/token', { body: { apiKey, apiSecret } });
  headers = { 'x-session-token': session.body.sessionToken as string };
});

describe("Samco's Java and Node clients' forms", () => {
  it('createBasket with description, newPosition and orders[]; createOrder with basketId and orders[]; modifyBasketOrder with orderId and orders[]', async () => {
    const created = await call('POST', '/basket/createBasket', {
      basketName: 'MyAlphaBasket',
      description: 'Pair-trade leg 1',
      newPosition: 1,
      orders: [ORDER, { ...ORDER, symbolName: 'ITC', price: '450' }],
    });
    expect(created.status).toBe(200);
    const basketId = String(created.body.basketDetails.basketId);
    const added = await call('POST', '/basket/createOrder', { basketId, orders: [{ ...ORDER, symbolName: 'INFY', price: '1500' }] });
    expect(added.body.basketDetails).toMatchObject({ tradingSymbol: 'INFY-EQ', displayOrder: added.body.basketDetails.basketOrderId });
    const listed = await call('GET', `/basket/listBasketOrder?basketId=${basketId}`);
    const items = listed.body.basketDetails.notSentToExchange as Json[];
    expect(items.map((i) => i.symName)).toEqual(['SBIN', 'ITC', 'INFY']);
    const modified = await call('PUT', '/basket/modifyBasketOrder', { basketId, orderId: String(items[1]!.basketOrderId), orders: [{ price: '451.5' }] });
    expect(modified.body.statusMessage).toBe('Basket Order Data Updated Successfully');
    const after = (await call('GET', `/basket/listBasketOrder?basketId=${basketId}`)).body.basketDetails.notSentToExchange as Json[];
    expect(after[1]).toMatchObject({ symName: 'ITC', orderPrice: '451.50', quantity: '1' });
  });

  it('executeBasketOrder without executionType (allatonce), listBasket without listType, listBasketOrder without basketId (every basket)', async () => {
    const created = await call('POST', '/basket/createBasket', { basketName: 'Java Run' });
    const basketId = String(created.body.basketDetails.basketId);
    await call('POST', '/basket/createOrder', { basketId, ...ORDER, disclosedQuantity: '' });
    const executed = await call('POST', '/basket/executeBasketOrder', { basketId });
    expect(executed.body.statusMessage).toBe('Basket Order Initiated Successfully');
    const baskets = (await call('GET', '/basket/listBasket')).body.basketList as Json[];
    expect(baskets.find((b) => b.basketName === 'Java Run')).toMatchObject({ basketStatus: 'EXECUTED', totalOrders: 1 });
    const executedOnly = (await call('GET', '/basket/listBasket?listType=EXECUTED')).body.basketList as Json[];
    expect(executedOnly.map((b) => b.basketName)).toEqual(['Java Run']);
    const all = (await call('GET', '/basket/listBasketOrder')).body.basketDetails;
    expect(all.pending.map((i: Json) => i.symName)).toEqual(['SBIN']);
    expect(all.notSentToExchange.length).toBeGreaterThanOrEqual(3);
  });

  it('deleteBasketOrder and deleteBasket with query parameters and no body, as the Java client sends them', async () => {
    const created = await call('POST', '/basket/createBasket', { basketName: 'Query Deletes' });
    const basketId = created.body.basketDetails.basketId;
    const item = (await call('POST', '/basket/createOrder', { basketID: basketId, ...ORDER })).body.basketDetails.basketOrderId;
    const res = await h.app.request(`/basket/deleteBasketOrder?basketId=${basketId}&orderId=${item}`, { method: 'DELETE', headers });
    expect(await res.json()).toMatchObject({ status: 'Success', statusMessage: 'Basket Order Deleted Successfully' });
    const gone = await h.app.request(`/basket/deleteBasket?basketId=${basketId}`, { method: 'DELETE', headers });
    expect(await gone.json()).toMatchObject({ status: 'Success', statusMessage: 'Baskets Deleted Successfully' });
    const none = await h.app.request('/basket/deleteBasket', { method: 'DELETE', headers });
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ status: 'Failure', statusMessage: 'basketId is required: send it in the JSON body or as a query parameter.' });
  });

  it("the jar's /basket/squareOff and /basket/modifyAndretry are not Samco's documented calls: unknown routes", async () => {
    for (const [method, path] of [
      ['POST', '/basket/squareOff'],
      ['PUT', '/basket/modifyAndretry'],
    ] as const) {
      const res = await call(method, path, { basketId: '1' });
      expect(res.status).toBe(404);
      // The journal's nearest documented operation may follow in brackets (did you mean …?).
      expect(res.body.statusMessage.startsWith(`No such endpoint: ${method} ${path}`)).toBe(true);
    }
  });

  it('analytics: duration 1D, fromDate/toDate instead of duration, filter as an object; gainLoss with a duration instead of the dates', async () => {
    const summary = await call('POST', '/tradeview/analyticsSummary', { duration: '1D' });
    expect(summary.status).toBe(200);
    const details = await call('POST', '/tradeview/analyticsDetails', { fromDate: '2025-12-01', toDate: '2025-12-17', filter: { type: 'strategy' } });
    expect(details.body.analyticsDetails).toMatchObject({ startDate: '2025-12-01', endDate: '2025-12-17' });
    const gainLoss = await call('POST', '/tradeview/gainLoss', { duration: '1M' });
    expect(gainLoss.body).toMatchObject({ status: 'Success', gainLossValue: { realizedGL: '0.00' } });
  });
});

describe('refusals of these chapters', () => {
  it('analytics inputs Samco does not list: the validationErrors shape', async () => {
    for (const [path, body, text] of [
      ['/tradeview/analyticsSummary', { duration: '2Y' }, ' Please enter a valid duration - ALL / 1Y / 6M / 1M / 1D '],
      ['/tradeview/analyticsDetails', { filter: 'colour' }, ' Please enter a valid filter - strategy / market cap / sector '],
      ['/tradeview/gainLoss', { status: 'close' }, ' Please enter fromDate and toDate as yyyy-MM-dd, fromDate not after toDate '],
      ['/tradeview/gainLoss', { status: 'close', fromDate: '2025-12-10', toDate: '2025-12-01' }, ' Please enter fromDate and toDate as yyyy-MM-dd, fromDate not after toDate '],
      ['/tradeview/gainLoss', { status: 'all', fromDate: '2025-12-01', toDate: '2025-12-10' }, ' Please enter a valid status - open / close '],
    ] as const) {
      const res = await call('POST', path, body);
      expect(res.status, path).toBe(400);
      expect(res.body).toEqual({ serverTime: expect.any(String), status: 'Failure', validationErrors: [text] });
    }
  });

  it('the order-related calls (executeBasketOrder, convertPosition, squareOff) from an unregistered IP: 403 EOAUTH009; the others are not checked', async () => {
    const elsewhere = '8.8.4.4';
    const created = await call('POST', '/basket/createBasket', { basketName: 'Elsewhere' }, elsewhere);
    expect(created.status).toBe(200);
    for (const [path, body] of [
      ['/basket/executeBasketOrder', { basketId: String(created.body.basketDetails.basketId) }],
      ['/position/convertPosition', { symbolName: 'SBIN', transactionType: 'BUY', positionType: 'DAY', netQuantity: '1', quantityToConvert: '1', fromProductType: 'MIS', toProductType: 'CNC' }],
      ['/position/squareOff', { positionSquareOffRequestList: [{ symbolName: 'SBIN', productType: 'MIS', netQuantity: '1', transactionType: 'BUY' }] }],
    ] as const) {
      const res = await call('POST', path, body, elsewhere);
      expect(res.status, path).toBe(403);
      expect(res.body).toMatchObject({ status: 'Failure', statusMessage: 'The IP is not the registered static IP', errorCode: 'EOAUTH009' });
    }
  });

  it('without a session: the usual 401 before the body is looked at', async () => {
    const res = await h.request('POST', '/basket/spanCalculator', { body: { basketId: '1' } });
    expect(res.status).toBe(401);
    expect(res.body.statusMessage).toBe("Unauthorized - Session token is mandatory. Please provide session token in 'x-session-token' header");
  });

  it('squareOff: an entry that cannot be closed is a Failure entry; the others go through', async () => {
    await call('POST', '/order/placeOrder', { symbolName: 'ITC', transactionType: 'BUY', orderType: 'L', quantity: '3', price: '455.30', orderValidity: 'DAY', productType: 'MIS' });
    const res = await call('POST', '/position/squareOff', {
      positionSquareOffList: [
        { symbolName: 'ITC', productType: 'MIS', netQuantity: '5', transactionType: 'BUY' },
        { symbolName: 'ITC', productType: 'MIS', netQuantity: '3', transactionType: 'BUY' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBeUndefined();
    expect(res.body.positionSquareOffResponseList.map((r: Json) => [r.status, r.statusMessage])).toEqual([
      ['Failure', 'netQuantity must be a whole number from 1 to the open quantity (3), a multiple of the lot size (1).'],
      ['Success', 'Request successful'],
    ]);
  });
});
