import { randomInt } from 'node:crypto';
import { describe, inject, it } from 'vitest';
import { BRACKET_RULES } from '../spec/schemas/market-rules.js';
import { call, requires, spec } from './client.js';
import { confirm, createApp, signIn } from './flows.js';
import type { Target } from './targets.js';

/**
 * Reference: /work/shared/reference/samco-order-families.md (orders chapter: placeOrderBO/CO,
 * exitBO/CO, bulkOrder, spanMargin; GTT chapter: addGtt ... listGttOco). The stateful steps send
 * the published request shapes (every value a string, disclosedQuantity "", the Java form of
 * delete with a query parameter) and follow what the simulated market does; every response is
 * checked against spec/openapi.json by `call`. The steps trade NSE RELIANCE (no other suite does)
 * and set its price themselves. The shape-only step runs against a stateless mock.
 */
type Body = Record<string, any>;
const ip = () => `49.${randomInt(32, 250)}.${randomInt(0, 255)}.${randomInt(1, 254)}`;

async function trader(target: Target) {
  const uid = `OF${process.pid % 1000}${randomInt(1e9)}`.slice(0, 20);
  const account = { uid, password: `pw-${randomInt(1e9)}` };
  await call(target, 'sandboxCreateAccount', {
    body: { uid, name: 'Families Tester', password: account.password, yob: '1990', mobile: '9876543210', email: `${uid.toLowerCase()}@example.com` },
  }).expectStatus(200);
  const auth = await signIn(target, account);
  const { app, apiKey, apiSecret } = await createApp(target, account, auth, 'Families Desk');
  const home = ip();
  const set = await call(target, 'setStaticIp', { headers: auth, body: { appId: app.appId, ipType: 'PRIMARY', ipAddress: home } }).expectStatus(200);
  await confirm(target, account, auth, (set.json as Body).challenge);
  const session = await call(target, 'sessionToken', { body: { apiKey, apiSecret }, headers: { 'x-forwarded-for': home } }).expectStatus(200);
  return { uid, headers: { 'x-session-token': (session.json as Body).sessionToken as string, 'x-forwarded-for': home } };
}

const setPrice = (target: Target, price: number) => call(target, 'sandboxSetPrice', { body: { exchange: 'NSE', symbolName: 'RELIANCE', price } }).expectStatus(200);

describe.each(inject('targets'))('Samco BO/CO, bulk, span margin, GTT and OCO on $name', (target) => {
  it('a bracket order fills, its legs link to it, and exitBO closes it; a second exit is refused as published', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const t = await trader(target);
    await setPrice(target, 2950);
    const placed = (
      await call(target, 'placeOrderBO', {
        headers: t.headers,
        body: {
          symbolName: 'RELIANCE',
          exchange: 'NSE',
          transactionType: 'BUY',
          orderType: 'L',
          quantity: '1',
          disclosedQuantity: '',
          price: '2950.00',
          priceType: 'LTP',
          orderValidity: 'DAY',
          productType: 'BO',
          squareOffValue: '10',
          stopLossValue: '10',
          valueType: 'Absolute',
          trailingStopLoss: '0',
        },
      })
        .expectStatus(200)
        .expectJsonLike({ status: 'Success', statusMessage: 'BO Order request placed successfully' })
    ).json as Body;
    if (placed.exchangeOrderStatus === 'REJECTED') {
      // The contract sandbox runs on the wall clock: in the half hour before the close the entry is rejected as the sample shows.
      ctx.expect(placed.rejectionReason).toBe(BRACKET_RULES.squareOffBlockReason);
      return;
    }
    ctx.expect(placed.exchangeOrderStatus).toBe('COMPLETE');
    const legs = (await call(target, 'getTriggerOrders', { headers: t.headers, query: { orderNumber: placed.orderNumber } }).expectStatus(200)).json as Body;
    ctx.expect(legs.triggerOrders).toEqual([
      { stopLossOrderNo: ctx.expect.any(String), orderStatus: 'Trigger Pending', orderPrice: '0.00', triggerPrice: '2940.00' },
      { targetOrderNo: ctx.expect.any(String), orderStatus: 'Pending', orderPrice: '2960.00', triggerPrice: '0.00' },
    ]);
    const book = ((await call(target, 'orderBook', { headers: t.headers }).expectStatus(200)).json as Body).orderBookDetails as Body[];
    ctx.expect(book.filter((o) => o.parentOrderId === placed.orderNumber).map((o) => o.productCode)).toEqual(['BO', 'BO']);
    await call(target, 'exitBO', { headers: t.headers, query: { orderNumber: placed.orderNumber } })
      .expectStatus(200)
      .expectJsonLike({ status: 'Success', orderNumber: placed.orderNumber, statusMessage: 'Order cancellation request placed successfully' });
    await call(target, 'exitBO', { headers: t.headers, query: { orderNumber: placed.orderNumber } })
      .expectStatus(400)
      .expectJsonLike({ status: 'Failure', statusMessage: 'SubOrder is in Executed status. Cannot exit/cancel such orders.' });
  });

  it('a GTT fires when the price crosses it and moves to the triggered list with its order; a modified GTT gets a new id and the old one is refused as published', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const t = await trader(target);
    await setPrice(target, 2950);
    const add = (
      await call(target, 'addGtt', {
        headers: t.headers,
        body: { exchange: 'NSE', symbolName: 'RELIANCE', transactionType: 'BUY', quantity: '1', productType: 'CNC', orderType: 'L', triggerPrice: '2900', limitPrice: '2900' },
      })
        .expectStatus(200)
        .expectJsonLike({ statusMessage: 'GTT CREATED', orderDetails: { triggerPrice: '2900', marketProtection: '', symbol: '2885_NSE' } })
    ).json as Body;
    const modify = {
      exchange: 'NSE',
      symbolName: 'RELIANCE',
      transactionType: 'BUY',
      quantity: '1',
      productType: 'CNC',
      orderType: 'L',
      triggerPrice: '2905',
      limitPrice: '2905',
      gttSummaryId: add.gttSummaryId,
    };
    const modified = (await call(target, 'modifyGtt', { headers: t.headers, body: modify }).expectStatus(200).expectJsonLike({ statusMessage: 'GTT MODIFIED' })).json as Body;
    ctx.expect(modified.gttSummaryId).not.toBe(add.gttSummaryId);
    await call(target, 'modifyGtt', { headers: t.headers, body: modify }).expectStatus(400).expectJsonLike({ status: 'Failure', statusMessage: 'TRIGGER DOES NOT EXIST' });
    await setPrice(target, 2904);
    const triggered = ((await call(target, 'listGttOco', { headers: t.headers, query: { listType: 'triggered' } }).expectStatus(200)).json as Body).orderDetails as Body[];
    ctx.expect(triggered.map((g) => g.summary.gttSummaryId)).toEqual([modified.gttSummaryId]);
    ctx.expect(triggered[0]!.triggers.gtt).toMatchObject({ status: 'TRIGGERED', orderNumber: ctx.expect.stringMatching(/^\d{15}$/) });
    await call(target, 'deleteGtt', { headers: t.headers, body: { gttSummaryId: Number(modified.gttSummaryId) } }).expectStatus(400);
  });

  it('an OCO fires one leg and cancels the other; deleteOco with the Java query form; bulkOrder slices; spanMargin with the SDK body', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const t = await trader(target);
    await setPrice(target, 2950);
    const oco = (
      await call(target, 'addOco', {
        headers: t.headers,
        body: {
          exchange: 'NSE',
          symbolName: 'RELIANCE',
          transactionType: 'SELL',
          quantity: '1',
          productType: 'NRML',
          orderType: 'MKT',
          targetTriggerPrice: '3000',
          stoplossTriggerPrice: '2900',
          marketProtection: '',
        },
      })
        .expectStatus(200)
        .expectJsonLike({ statusMessage: 'GTT CREATED', orderDetails: { target: { type: 'TARGET' }, stopLoss: { type: 'STOPLOSS' } } })
    ).json as Body;
    const second = (
      await call(target, 'addOco', {
        headers: t.headers,
        body: { exchange: 'NSE', symbolName: 'RELIANCE', transactionType: 'SELL', quantity: '1', productType: 'NRML', orderType: 'MKT', targetTriggerPrice: '3100', stoplossTriggerPrice: '2800' },
      }).expectStatus(200)
    ).json as Body;
    await call(target, 'deleteOco', { headers: t.headers, query: { gttSummaryId: second.gttSummaryId } })
      .expectStatus(200)
      .expectJsonLike({ statusMessage: 'GTT OCO order Deleted' });
    await setPrice(target, 3001);
    const triggered = ((await call(target, 'listGttOco', { headers: t.headers, query: { listType: 'triggered' } }).expectStatus(200)).json as Body).orderDetails as Body[];
    ctx.expect(triggered.find((g) => g.summary.gttSummaryId === oco.gttSummaryId)?.triggers).toMatchObject({ target: { status: 'TRIGGERED' }, stopLoss: { status: 'CANCELLED' } });
    const bulk = (
      await call(target, 'bulkOrder', {
        headers: t.headers,
        body: { orders: [{ symbolName: 'RELIANCE', exchange: 'NSE', transactionType: 'BUY', orderType: 'L', quantity: '1', orderValidity: 'DAY', productType: 'CNC', price: '2000.00' }] },
      }).expectStatus(200)
    ).json as Body;
    ctx.expect(bulk.orders).toHaveLength(1);
    await call(target, 'spanMargin', { headers: t.headers, body: { request: [{ exchange: 'NFO', tradingSymbol: 'NIFTY26DECFUT', qty: '65' }] } })
      .expectStatus(200)
      .expectJsonLike({ statusMessage: 'Span margin calculated' });
  });

  it("answers every documented response of these operations in the spec's shapes (shape only)", async (ctx) => {
    requires(ctx, target, 'sandboxed');
    if (target.capabilities.includes('stateful')) ctx.skip(`${target.name} answers from state, not from the spec's examples: the stateful steps check its responses against the spec`);
    const headers = { 'x-session-token': 'eyJhbGciOiJIUzI1NiJ9.e30.made-up' };
    const gtt = { exchange: 'NFO', symbolName: 'WIPRO24JUN585PE', transactionType: 'BUY', quantity: '1500', productType: 'NRML', orderType: 'L', triggerPrice: '1180', limitPrice: '1160' };
    const oco = {
      exchange: 'NSE',
      symbolName: 'IDEA',
      transactionType: 'SELL',
      quantity: '1',
      productType: 'NRML',
      orderType: 'MKT',
      targetTriggerPrice: '14',
      stoplossTriggerPrice: '12',
      marketProtection: '3',
    };
    const inputs: Record<string, { query?: Record<string, string>; body?: Body }> = {
      placeOrderBO: {
        body: { symbolName: 'INFY', exchange: 'NSE', transactionType: 'BUY', quantity: '1', price: '1500', squareOffValue: '5', stopLossValue: '5', valueType: 'Absolute', trailingStopLoss: '1' },
      },
      placeOrderCO: {
        body: { symbolName: 'SBIN', exchange: 'NSE', transactionType: 'BUY', orderType: 'L', quantity: '1', price: '679', orderValidity: 'DAY', productType: 'CO', triggerPrice: '646' },
      },
      exitBO: { query: { orderNumber: '240522000162545' } },
      exitCO: { query: { orderNumber: '240522000162545' } },
      bulkOrder: { body: { symbolName: 'IDEA', exchange: 'NSE', transactionType: 'BUY', orderType: 'L', quantity: '1', orderValidity: 'DAY', productType: 'CNC', price: '13.40' } },
      spanMargin: { body: { request: [{ exchange: 'NFO', tradingSymbol: 'NIFTY26DECFUT', qty: '65' }] } },
      addGtt: { body: gtt },
      modifyGtt: { body: { ...gtt, gttSummaryId: '945505' } },
      deleteGtt: { body: { gttSummaryId: 136045 } },
      addOco: { body: oco },
      modifyOco: { body: { ...oco, gttSummaryId: 945505 } },
      deleteOco: { body: { gttSummaryId: 136045 } },
      listGttOco: { query: { listType: 'active' } },
    };
    for (const [operationId, input] of Object.entries(inputs)) {
      const res = await call(target, operationId, { ...input, headers }).expectStatus(200);
      ctx.expect(typeof (res.json as Body).statusMessage, operationId).toBe('string');
      ctx.expect(spec.operation(operationId).path.length).toBeGreaterThan(0);
    }
  });
});
