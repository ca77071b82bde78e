import { beforeAll, describe, expect, it } from 'vitest';
import { ANALYTICS_SAMPLES, BASKET_ORDER_KEYS, BASKET_SAMPLES, PORTFOLIO_ACTION_SAMPLES, shapeOf } from '../../contracts/published-fields.js';
import { harness } from './harness.js';

/**
 * Every request and response sample of the Basket Orders chapter, the Portfolio chapter's
 * convertPosition and squareOff, and the Trade View analytics chapter, replayed: the request as
 * published (values adapted to the simulated market where they must be), the answer in the
 * published shape (contracts/published-fields.ts: keys and JSON types) and with the published
 * statusMessage. Our data, their shapes.
 */
type Json = Record<string, any>;
type H = ReturnType<typeof harness>;

let h: H;
let headers: Record<string, string>;
const call = (method: string, path: string, body?: unknown) => h.request(method, path, { headers, ...(body === undefined ? {} : { body }) });

beforeAll(async () => {
  h = harness();
  const who = await h.account();
  const { app, apiKey, apiSecret } = await h.createApp(who, 'Basket Desk');
  const yourIp = (await h.request('GET', '/app/api/static-ips', { headers: who.auth })).body.yourIp as string;
  const pending = await h.request('POST', '/app/api/static-ips', { headers: who.auth, body: { appId: app.appId, ipType: 'PRIMARY', ipAddress: yourIp } });
  await h.confirm(who, pending.body.challenge.challengeId);
  const session = await h.request('POST', '/session/token', { body: { apiKey, apiSecret } });
  headers = { 'x-session-token': session.body.sessionToken as string };
});

function expectShape(body: Json, template: unknown) {
  expect(shapeOf(body)).toEqual(shapeOf(template));
}

describe('the Basket Orders chapter, sample by sample', () => {
  const ids: Record<string, number> = {};

  it('createBasket: 200 and, past the limit, the published 400', async () => {
    const created = await call('POST', '/basket/createBasket', { basketName: 'Basket Name' });
    expect(created.status).toBe(200);
    expectShape(created.body, BASKET_SAMPLES.createBasket);
    expect(created.body).toMatchObject({ status: 'Success', statusMessage: 'Basket created successfully', basketDetails: { basketName: 'Basket Name' } });
    ids.main = created.body.basketDetails.basketId;
    for (let i = 2; i <= 50; i++) expect((await call('POST', '/basket/createBasket', { basketName: `Filler ${i}` })).status).toBe(200);
    const refused = await call('POST', '/basket/createBasket', { basketName: 'One Too Many' });
    expect(refused.status).toBe(400);
    expectShape(refused.body, BASKET_SAMPLES.failure);
    expect(refused.body).toMatchObject({ status: 'Failure', statusMessage: 'You have reached the maximum order limit of 50 orders. Please remove existing orders and try again.' });
  });

  it('deleteBasket: the sample body (id as a string), then the same id again: the published 400', async () => {
    const filler = (await call('GET', '/basket/listBasket?listType=ALL')).body.basketList.find((b: Json) => b.basketName === 'Filler 2').basketId;
    const deleted = await call('DELETE', '/basket/deleteBasket', { basketId: String(filler) });
    expect(deleted.status).toBe(200);
    expectShape(deleted.body, BASKET_SAMPLES.plain);
    expect(deleted.body.statusMessage).toBe('Baskets Deleted Successfully');
    const again = await call('DELETE', '/basket/deleteBasket', { basketId: String(filler) });
    expect(again.status).toBe(400);
    expectShape(again.body, BASKET_SAMPLES.failure);
    expect(again.body.statusMessage).toBe(`The provided BasketIds are invalid: [${filler}]`);
    // Samco's Java client: the id as a query parameter, no body.
    const filler3 = (await call('GET', '/basket/listBasket')).body.basketList.find((b: Json) => b.basketName === 'Filler 3').basketId;
    expect((await call('DELETE', `/basket/deleteBasket?basketId=${filler3}`)).body.statusMessage).toBe('Baskets Deleted Successfully');
  });

  it('modifyBasket: the sample body, then a name already taken: the published 400', async () => {
    const renamed = await call('PUT', '/basket/modifyBasket', { basketName: 'Testing basket for 37283', basketId: String(ids.main) });
    expect(renamed.status).toBe(200);
    expectShape(renamed.body, BASKET_SAMPLES.modifyBasket);
    expect(renamed.body).toMatchObject({ statusMessage: 'Basket name updated successfully', basketDetails: { basketId: ids.main, basketName: 'Testing basket for 37283' } });
    const taken = await call('PUT', '/basket/modifyBasket', { basketName: 'filler 4', basketId: String(ids.main) });
    expect(taken.status).toBe(400);
    expectShape(taken.body, BASKET_SAMPLES.failure);
    expect(taken.body.statusMessage).toBe('Basket name already exists');
  });

  it('createOrder: the MIS, CNC and BO samples (basketID spelled as published)', async () => {
    const basketID = String(ids.main);
    const mis = await call('POST', '/basket/createOrder', {
      basketID,
      symbolName: 'INFY',
      exchange: 'NSE',
      transactionType: 'BUY',
      orderType: 'L',
      orderValidity: 'DAY',
      productType: 'MIS',
      quantity: '150',
      disclosedQuantity: '',
      price: '1800',
      triggerPrice: '1925.30',
    });
    expect(mis.status).toBe(200);
    expectShape(mis.body, BASKET_SAMPLES.createOrder);
    expect(mis.body).toMatchObject({
      statusMessage: 'Order Added Successfully',
      basketDetails: { basketId: ids.main, exchange: 'NSE', tradingSymbol: 'INFY-EQ', transactionType: 'BUY', productCode: 'MIS', orderType: 'L', quantity: 150, orderPrice: 1800 },
    });
    expect(mis.body.basketDetails.displayOrder).toBe(mis.body.basketDetails.basketOrderId);
    expect(mis.body.basketDetails.createdAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    ids.mis = mis.body.basketDetails.basketOrderId;

    const cnc = await call('POST', '/basket/createOrder', {
      basketID,
      symbolName: 'HDFCBANK',
      exchange: 'NSE',
      transactionType: 'BUY',
      orderType: 'L',
      orderValidity: 'DAY',
      productType: 'CNC',
      quantity: '50',
      disclosedQuantity: '50',
      price: '1600',
    });
    expectShape(cnc.body, BASKET_SAMPLES.createOrder);
    expect(cnc.body.basketDetails).toMatchObject({ tradingSymbol: 'HDFCBANK-EQ', productCode: 'CNC', quantity: 50, orderPrice: 1600 });
    ids.cnc = cnc.body.basketDetails.basketOrderId;

    const bo = await call('POST', '/basket/createOrder', {
      basketID,
      symbolName: 'RELIANCE',
      exchange: 'NSE',
      transactionType: 'BUY',
      orderType: 'L',
      orderValidity: 'DAY',
      productType: 'BO',
      quantity: '100',
      disclosedQuantity: '50',
      price: '2700',
      squareOffValue: '3000',
      stopLossValue: '2690',
      valueType: 'Absolute',
      trailingStopLoss: '10',
      priceType: 'LTP',
    });
    expectShape(bo.body, BASKET_SAMPLES.createBracketOrder);
    expect(bo.body.basketDetails).toMatchObject({
      tradingSymbol: 'RELIANCE-EQ',
      productCode: 'BO',
      quantity: 100,
      orderPrice: 2700,
      stoplossValue: '2690',
      squareOffValue: '3000',
      trailingStopLoss: '10',
    });
    ids.bo = bo.body.basketDetails.basketOrderId;
  });

  it('modifyBasketOrder: the sample body, then an unknown order: the published 400 (trailing space)', async () => {
    const modified = await call('PUT', '/basket/modifyBasketOrder', {
      basketId: String(ids.main),
      basketOrderId: String(ids.cnc),
      orderType: 'L',
      quantity: '100',
      price: '1500.00',
      orderValidity: 'DAY',
      productType: 'CNC',
    });
    expect(modified.status).toBe(200);
    expectShape(modified.body, BASKET_SAMPLES.plain);
    expect(modified.body.statusMessage).toBe('Basket Order Data Updated Successfully');
    const unknown = await call('PUT', '/basket/modifyBasketOrder', { basketId: String(ids.main), basketOrderId: '999999', quantity: '1' });
    expect(unknown.status).toBe(400);
    expectShape(unknown.body, BASKET_SAMPLES.failure);
    expect(unknown.body.statusMessage).toBe('Invalid basket order id or BasketId ');
  });

  it('rearrangeBasketOrder: an array of string ids; an unknown basket: the published 400', async () => {
    const order = [ids.bo, ids.cnc, ids.mis].map(String);
    const rearranged = await call('POST', '/basket/rearrangeBasketOrder', { basketId: String(ids.main), basketOrderId: order });
    expect(rearranged.status).toBe(200);
    expectShape(rearranged.body, BASKET_SAMPLES.rearrange);
    expect(rearranged.body).toMatchObject({
      statusMessage: 'Basket orders rearranged successfully',
      rearrangeOrderList: {
        basketId: ids.main,
        orders: [
          { basketOrderId: ids.bo, sequence: 1 },
          { basketOrderId: ids.cnc, sequence: 2 },
          { basketOrderId: ids.mis, sequence: 3 },
        ],
      },
    });
    const unknown = await call('POST', '/basket/rearrangeBasketOrder', { basketId: '999999', basketOrderId: ['1'] });
    expect(unknown.status).toBe(400);
    expectShape(unknown.body, BASKET_SAMPLES.failure);
    expect(unknown.body.statusMessage).toBe('No such Basket found');
  });

  it('spanCalculator: JSON numbers; an unknown basket: the published 400 without msgId', async () => {
    const span = await call('POST', '/basket/spanCalculator', { basketId: String(ids.main) });
    expect(span.status).toBe(200);
    expectShape(span.body, BASKET_SAMPLES.spanCalculator);
    expect(span.body.statusMessage).toBe('Peak Margin and Final Margin Calculated Successfully');
    // INFY 150 x 1800 MIS at 20%, HDFCBANK 100 x 1500 CNC at 100%, RELIANCE 100 x 2700 BO at the MIS rate: no derivatives, no hedge benefit.
    const max = 150 * 1800 * 0.2 + 100 * 1500 + 100 * 2700 * 0.2;
    expect(span.body.spanDetails).toEqual({ maxMargin: max, finalMargin: max });
    const unknown = await call('POST', '/basket/spanCalculator', { basketId: '999999' });
    expect(unknown.status).toBe(400);
    expectShape(unknown.body, BASKET_SAMPLES.failureWithoutMsgId);
    expect(unknown.body).toEqual({ serverTime: expect.any(String), status: 'Failure', statusMessage: 'No such Basket found' });
  });

  it('listBasket: NOT EXECUTED with the space, and an invalid listType: the published validationErrors', async () => {
    const listed = await call('GET', '/basket/listBasket?listType=NOT%20EXECUTED');
    expect(listed.status).toBe(200);
    expectShape(listed.body, BASKET_SAMPLES.listBasket);
    expect(listed.body.statusMessage).toBe('List of Baskets fetched successfully');
    const main = listed.body.basketList.find((b: Json) => b.basketId === ids.main);
    expect(main).toMatchObject({ totalOrders: 3, maxOrders: 50, executedOrders: 0, isreArranged: true, chronologicalView: false, basketStatus: 'NOT EXECUTED', requiredMargin: '258000.00' });
    const bad = await call('GET', '/basket/listBasket?listType=SOME');
    expect(bad.status).toBe(400);
    expectShape(bad.body, BASKET_SAMPLES.validationFailure);
    expect(bad.body.validationErrors).toEqual([' Please enter a valid listType - ALL / EXECUTED / NOT EXECUTED ']);
  });

  it('executeBasketOrder: the sample body; listBasketOrder: the sample, then an unknown basket: the published 400', async () => {
    const executed = await call('POST', '/basket/executeBasketOrder', { basketId: String(ids.main), executionType: 'allatonce' });
    expect(executed.status).toBe(200);
    expect(executed.body).toEqual({ serverTime: expect.any(String), msgId: expect.any(String), status: 'Success', statusMessage: 'Basket Order Initiated Successfully' });
    const listed = await call('GET', `/basket/listBasketOrder?basketId=${ids.main}`);
    expect(listed.status).toBe(200);
    expect(listed.body.statusMessage).toBe('Basket order listed successfully');
    const { notSentToExchange, executed: done, pending, rejected, ...rest } = listed.body.basketDetails;
    expectShape({ ...listed.body, basketDetails: { ...rest, notSentToExchange: [], executed: [], pending: [], rejected: [] } }, BASKET_SAMPLES.listBasketOrder);
    const entries = [...notSentToExchange, ...done, ...pending, ...rejected] as Json[];
    expect(entries).toHaveLength(3);
    for (const entry of entries) expect(Object.keys(entry).sort()).toEqual([...BASKET_ORDER_KEYS].sort());
    // In the basket's sequence: the BO (RELIANCE BUY 100 at 2700, below the market) is placed as placeOrderBO places it and
    // rests, blocking 54000.00 (MIS rate) of the 100000 limit; HDFCBANK's CNC value (150000) and then INFY's MIS margin
    // (150 x 1800 x 20% = 54000) no longer fit: the RMS rejects both.
    expect(pending.map((e: Json) => [e.basketOrderId, e.productCode, e.orderStatus])).toEqual([[ids.bo, 'BO', 'PENDING']]);
    expect(pending[0].rmsOrder).toMatch(/^\d{15}$/);
    expect(rejected.map((e: Json) => [e.basketOrderId, e.orderStatus])).toEqual([
      [ids.cnc, 'REJECTED'],
      [ids.mis, 'REJECTED'],
    ]);
    expect(done).toEqual([]);
    const unknown = await call('GET', '/basket/listBasketOrder?basketId=999999');
    expect(unknown.status).toBe(400);
    expectShape(unknown.body, BASKET_SAMPLES.failure);
    expect(unknown.body.statusMessage).toBe('No such Basket found');
  });

  it('deleteBasketOrder: the sample body (numbers); an unknown basket: the published 400 naming it', async () => {
    const deleted = await call('DELETE', '/basket/deleteBasketOrder', { basketId: ids.main, basketOrderId: ids.mis });
    expect(deleted.status).toBe(200);
    expectShape(deleted.body, BASKET_SAMPLES.plain);
    expect(deleted.body.statusMessage).toBe('Basket Order Deleted Successfully');
    const unknown = await call('DELETE', '/basket/deleteBasketOrder', { basketId: 2, basketOrderId: 12 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.statusMessage).toBe('The provided BasketIds are invalid: [2]');
  });
});

describe("the Portfolio chapter's actions, sample by sample", () => {
  it('convertPosition: the sample body (RELIANCE on BSE, DAY, 18, 2 from MIS to CNC): statusMsg, not statusMessage', async () => {
    const placed = await call('POST', '/order/placeOrder', {
      symbolName: 'RELIANCE',
      exchange: 'BSE',
      transactionType: 'BUY',
      orderType: 'L',
      quantity: '18',
      price: '2960',
      orderValidity: 'DAY',
      productType: 'MIS',
    });
    expect(placed.body.exchangeOrderStatus).toBe('COMPLETE');
    const converted = await call('POST', '/position/convertPosition', {
      symbolName: 'RELIANCE',
      exchange: 'BSE',
      transactionType: 'BUY',
      positionType: 'DAY',
      netQuantity: '18',
      quantityToConvert: '2',
      fromProductType: 'MIS',
      toProductType: 'CNC',
    });
    expect(converted.status).toBe(200);
    expectShape(converted.body, PORTFOLIO_ACTION_SAMPLES.convertPosition);
    expect(converted.body).toMatchObject({ status: 'Success', statusMsg: 'Position Conversion from MIS to CNC successful' });
    const positions = (await call('GET', '/position/getPositions?positionType=DAY')).body.positionDetails as Json[];
    const reliance = (product: string) => positions.find((p) => p.exchange === 'BSE' && p.tradingSymbol === 'RELIANCE' && p.productCode === product);
    expect(reliance('MIS')).toMatchObject({ netQuantity: '16' });
    expect(reliance('CNC')).toMatchObject({ netQuantity: '2', averagePrice: '2950.45' });
  });

  it('squareOff: the sample body (TCS on NSE long, INFY on BSE short 25; TCS 25 rather than 250, within the account limit): no top-level status, one answer per position', async () => {
    await call('POST', '/order/placeOrder', { symbolName: 'TCS', exchange: 'NSE', transactionType: 'BUY', orderType: 'L', quantity: '25', price: '3900', orderValidity: 'DAY', productType: 'MIS' });
    await call('POST', '/order/placeOrder', { symbolName: 'INFY', exchange: 'BSE', transactionType: 'SELL', orderType: 'L', quantity: '25', price: '1500', orderValidity: 'DAY', productType: 'MIS' });
    const squared = await call('POST', '/position/squareOff', {
      positionSquareOffRequestList: [
        { exchange: 'NSE', symbolName: 'TCS', productType: 'MIS', netQuantity: '25', transactionType: 'BUY' },
        { exchange: 'BSE', symbolName: 'INFY', productType: 'MIS', netQuantity: '25', transactionType: 'SELL' },
      ],
    });
    expect(squared.status).toBe(200);
    expectShape(squared.body, PORTFOLIO_ACTION_SAMPLES.squareOff);
    expect(squared.body.positionSquareOffResponseList.map((r: Json) => [r.status, r.statusMessage])).toEqual([
      ['Success', 'Request successful'],
      ['Success', 'Request successful'],
    ]);
    const positions = (await call('GET', '/position/getPositions?positionType=DAY')).body.positionDetails as Json[];
    for (const [exchange, symbol] of [
      ['NSE', 'TCS-EQ'],
      ['BSE', 'INFY'],
    ]) {
      expect(positions.find((p) => p.exchange === exchange && p.tradingSymbol === symbol)?.netQuantity).toBe('0');
    }
  });
});

describe('the Trade View analytics chapter, sample by sample', () => {
  it('analyticsSummary {duration: ALL}, analyticsDetails {duration: 1M, filter: strategy}, gainLoss {status: close, fromDate, toDate}', async () => {
    const summary = await call('POST', '/tradeview/analyticsSummary', { duration: 'ALL' });
    expect(summary.status).toBe(200);
    expect(summary.body.statusMessage).toBe('Analytics summary retrieved successfully.');
    expectShape({ ...summary.body, analyticsSummary: { ...summary.body.analyticsSummary, insightMessage: summary.body.analyticsSummary.insightMessage.slice(0, 1) } }, ANALYTICS_SAMPLES.summary);

    const details = await call('POST', '/tradeview/analyticsDetails', { duration: '1M', filter: 'strategy' });
    expect(details.status).toBe(200);
    expect(details.body.statusMessage).toBe('Analytics Details retrieved successfully.');
    expectShape(details.body, ANALYTICS_SAMPLES.details);

    const gainLoss = await call('POST', '/tradeview/gainLoss', { status: 'close', fromDate: '2022-10-24', toDate: '2026-10-24' });
    expect(gainLoss.status).toBe(200);
    expect(gainLoss.body.statusMessage).toBe('Analytics Details retrieved successfully.');
    expectShape(gainLoss.body, ANALYTICS_SAMPLES.gainLoss);
  });
});
