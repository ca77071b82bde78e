import { randomInt } from 'node:crypto';
import { describe, inject, it } from 'vitest';
import { call, requires } from './client.js';
import { confirm, createApp, signIn } from './flows.js';
import { ANALYTICS_SAMPLES, BASKET_ORDER_KEYS, BASKET_SAMPLES, PORTFOLIO_ACTION_SAMPLES, shapeOf } from './published-fields.js';
import type { Target } from './targets.js';

/**
 * Reference: /work/shared/reference/samco-order-families.md (Baskets, Portfolio actions, Trade
 * View analytics) and the chapters' samples. A fresh account per step, with an app, a registered
 * PRIMARY static IP and a session (the contract sandbox trusts X-Forwarded-For). The steps trade
 * BSE's RELIANCE and INFY (which no other suite trades), at the last traded price they read first,
 * so they never need to move the shared market. Every answer is also checked against
 * spec/openapi.json by `call`; against Prism's mock only the shapes are checked.
 */
type Body = Record<string, any>;

const ip = () => `49.${randomInt(32, 250)}.${randomInt(0, 255)}.${randomInt(1, 254)}`;

async function trader(target: Target) {
  const uid = `BK${process.pid % 1000}${randomInt(1e9)}`.slice(0, 20);
  const account = { uid, password: `pw-${randomInt(1e9)}` };
  await call(target, 'sandboxCreateAccount', {
    body: { uid, name: 'Basket Tester', password: account.password, yob: '1990', mobile: '9876543210', email: `${uid.toLowerCase()}@example.com` },
  }).expectStatus(200);
  const auth = await signIn(target, account);
  const { app, apiKey, apiSecret } = await createApp(target, account, auth, 'Basket Desk');
  const home = ip();
  const set = await call(target, 'setStaticIp', { headers: auth, body: { appId: app.appId, ipType: 'PRIMARY', ipAddress: home } }).expectStatus(200);
  await confirm(target, account, auth, (set.json as Body).challenge);
  const session = await call(target, 'sessionToken', { body: { apiKey, apiSecret }, headers: { 'x-forwarded-for': home } }).expectStatus(200);
  return { uid, headers: { 'x-session-token': (session.json as Body).sessionToken as string, 'x-forwarded-for': home } };
}

async function ltp(target: Target, exchange: string, symbolName: string): Promise<number> {
  const res = await call(target, 'sandboxMarket').expectStatus(200);
  return (res.json as Body).instruments.find((i: Body) => i.exchange === exchange && i.symbolName === symbolName).lastTradedPrice as number;
}

const shape = (body: unknown) => shapeOf(body);

describe.each(inject('targets'))('Samco baskets, portfolio actions and trade analytics on $name', (target) => {
  it('a basket from creation to execution: the published request samples, answers in the published shapes, one real order per basket order', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const t = await trader(target);
    const op = (operationId: string, input: { body?: unknown; query?: Record<string, string> } = {}) => call(target, operationId, { headers: t.headers, ...input });

    const created = (await op('createBasket', { body: { basketName: 'NIFTY FO' } }).expectStatus(200)).json as Body;
    ctx.expect(shape(created)).toEqual(shape(BASKET_SAMPLES.createBasket));
    ctx.expect(created.statusMessage).toBe('Basket created successfully');
    const basketId = created.basketDetails.basketId as number;

    const renamed = (await op('modifyBasket', { body: { basketName: 'Testing basket', basketId: String(basketId) } }).expectStatus(200)).json as Body;
    ctx.expect(shape(renamed)).toEqual(shape(BASKET_SAMPLES.modifyBasket));

    // Marketable limits at the last traded price (a tick above for the BUY): they fill when the basket runs.
    const reliance = await ltp(target, 'BSE', 'RELIANCE');
    const infy = await ltp(target, 'BSE', 'INFY');
    const common = { exchange: 'BSE', orderType: 'L', orderValidity: 'DAY', productType: 'MIS', disclosedQuantity: '' };
    const first = (
      await op('createBasketOrder', {
        body: { basketID: String(basketId), symbolName: 'RELIANCE', transactionType: 'BUY', quantity: '2', price: (reliance + 0.05).toFixed(2), ...common },
      }).expectStatus(200)
    ).json as Body;
    ctx.expect(shape(first)).toEqual(shape(BASKET_SAMPLES.createOrder));
    ctx.expect(first.basketDetails).toMatchObject({ basketId, exchange: 'BSE', tradingSymbol: 'RELIANCE', productCode: 'MIS', quantity: 2 });
    const second = (await op('createBasketOrder', { body: { basketId, symbolName: 'INFY', transactionType: 'SELL', quantity: '3', price: infy.toFixed(2), ...common } }).expectStatus(200))
      .json as Body;

    const rearranged = (await op('rearrangeBasketOrder', { body: { basketId: String(basketId), basketOrderId: [String(second.basketDetails.basketOrderId)] } }).expectStatus(200)).json as Body;
    ctx.expect(shape(rearranged)).toEqual(shape(BASKET_SAMPLES.rearrange));
    ctx.expect(rearranged.rearrangeOrderList.orders.map((o: Body) => o.basketOrderId)).toEqual([second.basketDetails.basketOrderId, first.basketDetails.basketOrderId]);

    const span = (await op('basketSpanCalculator', { body: { basketId: String(basketId) } }).expectStatus(200)).json as Body;
    ctx.expect(shape(span)).toEqual(shape(BASKET_SAMPLES.spanCalculator));
    ctx.expect(span.spanDetails.finalMargin).toBeLessThanOrEqual(span.spanDetails.maxMargin);

    const listed = (await op('listBasket', { query: { listType: 'NOT EXECUTED' } }).expectStatus(200)).json as Body;
    ctx.expect(shape(listed)).toEqual(shape(BASKET_SAMPLES.listBasket));
    ctx.expect(listed.basketList[0]).toMatchObject({ basketId, totalOrders: 2, isreArranged: true, basketStatus: 'NOT EXECUTED' });

    const executedAnswer = (await op('executeBasketOrder', { body: { basketId: String(basketId), executionType: 'chronologically' } }).expectStatus(200)).json as Body;
    ctx.expect(shape(executedAnswer)).toEqual(shape(BASKET_SAMPLES.plain));
    ctx.expect(executedAnswer.statusMessage).toBe('Basket Order Initiated Successfully');

    const orders = (await op('listBasketOrder', { query: { basketId: String(basketId) } }).expectStatus(200)).json as Body;
    const { executed } = orders.basketDetails;
    ctx.expect(executed.map((e: Body) => e.symName)).toEqual(['INFY', 'RELIANCE']);
    for (const e of executed) ctx.expect(Object.keys(e).sort()).toEqual([...BASKET_ORDER_KEYS].sort());
    const book = ((await op('orderBook').expectStatus(200)).json as Body).orderBookDetails as Body[];
    ctx.expect(book.map((o) => o.orderNumber)).toEqual(executed.map((e: Body) => e.rmsOrder));

    await op('deleteBasketOrder', { body: { basketId, basketOrderId: first.basketDetails.basketOrderId } })
      .expectStatus(200)
      .expectJsonLike({ statusMessage: 'Basket Order Deleted Successfully' });
    await op('deleteBasket', { body: { basketId: String(basketId) } })
      .expectStatus(200)
      .expectJsonLike({ statusMessage: 'Baskets Deleted Successfully' });
    await op('listBasketOrder', { query: { basketId: String(basketId) } })
      .expectStatus(400)
      .expectJsonLike({ status: 'Failure', statusMessage: 'No such Basket found' });
  });

  it('convertPosition and squareOff on the positions the market made, then the analytics of those trades', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const t = await trader(target);
    const op = (operationId: string, input: { body?: unknown; query?: Record<string, string> } = {}) => call(target, operationId, { headers: t.headers, ...input });
    const price = await ltp(target, 'BSE', 'RELIANCE');
    await op('placeOrder', {
      body: { symbolName: 'RELIANCE', exchange: 'BSE', transactionType: 'BUY', orderType: 'L', quantity: '18', price: (price + 0.05).toFixed(2), orderValidity: 'DAY', productType: 'MIS' },
    })
      .expectStatus(200)
      .expectJsonLike({ exchangeOrderStatus: 'COMPLETE' });

    const converted = (
      await op('convertPosition', {
        body: { symbolName: 'RELIANCE', exchange: 'BSE', transactionType: 'BUY', positionType: 'DAY', netQuantity: '18', quantityToConvert: '2', fromProductType: 'MIS', toProductType: 'CNC' },
      }).expectStatus(200)
    ).json as Body;
    ctx.expect(shape(converted)).toEqual(shape(PORTFOLIO_ACTION_SAMPLES.convertPosition));
    ctx.expect(converted.statusMsg).toBe('Position Conversion from MIS to CNC successful');

    const squared = (
      await op('squareOffPosition', {
        body: { positionSquareOffRequestList: [{ exchange: 'BSE', symbolName: 'RELIANCE', productType: 'MIS', netQuantity: '16', transactionType: 'BUY' }] },
      }).expectStatus(200)
    ).json as Body;
    ctx.expect(shape(squared)).toEqual(shape(PORTFOLIO_ACTION_SAMPLES.squareOff));
    ctx.expect(squared.positionSquareOffResponseList[0]).toMatchObject({ status: 'Success', statusMessage: 'Request successful' });

    const positions = ((await op('getPositions', { query: { positionType: 'DAY' } }).expectStatus(200)).json as Body).positionDetails as Body[];
    ctx.expect(positions.map((p) => [p.productCode, p.netQuantity]).sort()).toEqual([
      ['CNC', '2'],
      ['MIS', '0'],
    ]);

    const summary = (await op('analyticsSummary', { body: { duration: 'ALL' } }).expectStatus(200)).json as Body;
    ctx.expect(shape({ ...summary, analyticsSummary: { ...summary.analyticsSummary, insightMessage: summary.analyticsSummary.insightMessage.slice(0, 1) } })).toEqual(shape(ANALYTICS_SAMPLES.summary));
    const details = (await op('analyticsDetails', { body: { duration: '1M', filter: 'strategy' } }).expectStatus(200)).json as Body;
    ctx.expect(shape(details)).toEqual(shape(ANALYTICS_SAMPLES.details));
    ctx.expect(details.analyticsDetails.strategyList[0].strategywiseList[0]).toMatchObject({ strategy: 'Long Intraday', totalTransaction: 2 });
    const today = summary.analyticsSummary.endDate as string;
    const gainLoss = (await op('gainLoss', { body: { status: 'close', fromDate: today, toDate: today } }).expectStatus(200)).json as Body;
    ctx.expect(shape(gainLoss)).toEqual(shape(ANALYTICS_SAMPLES.gainLoss));
  });

  it('answers every operation of these chapters with a spec-valid envelope (shape only)', async (ctx) => {
    requires(ctx, target, 'sandboxed');
    const headers = { 'x-session-token': 'not-a-session' };
    const calls: Array<[string, { body?: unknown; query?: Record<string, string> }]> = [
      ['createBasket', { body: { basketName: 'Basket Name' } }],
      ['modifyBasket', { body: { basketName: 'Testing basket for 37283', basketId: '55' } }],
      ['deleteBasket', { body: { basketId: '65' } }],
      ['listBasket', { query: { listType: 'NOT EXECUTED' } }],
      [
        'createBasketOrder',
        {
          body: {
            basketID: '88',
            symbolName: 'HDFCBANK',
            exchange: 'NSE',
            transactionType: 'BUY',
            orderType: 'L',
            orderValidity: 'DAY',
            productType: 'CNC',
            quantity: '50',
            disclosedQuantity: '50',
            price: '1600',
          },
        },
      ],
      ['modifyBasketOrder', { body: { basketId: '6', basketOrderId: '12', orderType: 'L', quantity: '100', price: '1500.00', orderValidity: 'DAY', productType: 'CNC' } }],
      ['deleteBasketOrder', { body: { basketId: 6, basketOrderId: 12 } }],
      ['executeBasketOrder', { body: { basketId: '63', executionType: 'allatonce' } }],
      ['listBasketOrder', { query: { basketId: '6' } }],
      ['rearrangeBasketOrder', { body: { basketId: '6', basketOrderId: ['4', '3', '2', '1'] } }],
      ['basketSpanCalculator', { body: { basketId: '63' } }],
      [
        'convertPosition',
        { body: { symbolName: 'RELIANCE', exchange: 'BSE', transactionType: 'BUY', positionType: 'DAY', netQuantity: '18', quantityToConvert: '2', fromProductType: 'MIS', toProductType: 'CNC' } },
      ],
      ['squareOffPosition', { body: { positionSquareOffRequestList: [{ exchange: 'NSE', symbolName: 'TCS', productType: 'MIS', netQuantity: '250', transactionType: 'BUY' }] } }],
      ['analyticsSummary', { body: { duration: 'ALL' } }],
      ['analyticsDetails', { body: { duration: '1M', filter: 'strategy' } }],
      ['gainLoss', { body: { status: 'close', fromDate: '2022-10-24', toDate: '2024-10-24' } }],
    ];
    for (const [operationId, input] of calls) {
      const res = await call(target, operationId, { headers, ...input });
      ctx.expect(res.statusCode, operationId).toBeLessThan(500);
    }
  });
});
