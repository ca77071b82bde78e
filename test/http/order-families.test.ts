import { describe, expect, it } from 'vitest';
import { harness } from './harness.js';

const HOME = '49.36.10.20';

async function withSession() {
  const h = harness();
  const who = await h.account();
  const { app, apiKey, apiSecret } = await h.createApp(who, 'Families App');
  const pending = await h.request('POST', '/app/api/static-ips', { headers: who.auth, body: { appId: app.appId, ipType: 'PRIMARY', ipAddress: HOME } });
  await h.confirm(who, pending.body.challenge.challengeId);
  const session = await h.request('POST', '/session/token', { body: { apiKey, apiSecret }, srcIp: HOME });
  const headers = { 'x-session-token': session.body.sessionToken as string };
  const call = (method: string, path: string, body?: unknown) => h.request(method, path, { headers, body, srcIp: HOME });
  return { h, call };
}

const keys = (o: object) => Object.keys(o).sort();

/** The published request samples of the orders and GTT chapters (their shapes; our instruments and prices). */
describe("order families over HTTP: the chapters' samples", () => {
  it('placeOrderBO / getTriggerOrders / exitBO, as the SDK samples send them', async () => {
    const { call } = await withSession();
    const bo = await call('POST', '/order/placeOrderBO', {
      symbolName: 'INFY',
      exchange: 'NSE',
      transactionType: 'BUY',
      orderType: 'L',
      quantity: '1',
      disclosedQuantity: '',
      price: '1520.15',
      priceType: 'LTP',
      orderValidity: 'DAY',
      productType: 'BO',
      squareOffValue: '5',
      stopLossValue: '5',
      valueType: 'Absolute',
      trailingStopLoss: '1',
      remarksValue: 'x',
    });
    expect(bo.status).toBe(200);
    expect(bo.body).toMatchObject({ status: 'Success', statusMessage: 'BO Order request placed successfully', exchangeOrderStatus: 'COMPLETE', rejectionReason: '--' });
    expect(bo.body.orderDetails).toMatchObject({ transactionType: 'BUY', quantity: '1', expiry: '--' });
    const legs = await call('GET', `/order/getTriggerOrders?orderNumber=${bo.body.orderNumber}`);
    expect(legs.body.triggerOrders.map(keys)).toEqual([
      keys({ stopLossOrderNo: 1, orderStatus: 1, orderPrice: 1, triggerPrice: 1 }),
      keys({ targetOrderNo: 1, orderStatus: 1, orderPrice: 1, triggerPrice: 1 }),
    ]);
    const book = await call('GET', '/order/orderBook');
    expect(book.body.orderBookDetails.filter((o: { parentOrderId: string }) => o.parentOrderId === bo.body.orderNumber)).toHaveLength(2);
    const exit = await call('DELETE', `/order/exitBO?orderNumber=${bo.body.orderNumber}`);
    expect(exit.body).toMatchObject({ status: 'Success', orderNumber: bo.body.orderNumber, statusMessage: 'Order cancellation request placed successfully' });
    const again = await call('DELETE', `/order/exitBO?orderNumber=${bo.body.orderNumber}`);
    expect(again.body).toMatchObject({ status: 'Failure', statusMessage: 'SubOrder is in Executed status. Cannot exit/cancel such orders.' });
  });

  it('placeOrderCO with afterMarketOrderFlag; cancelOrder refuses it', async () => {
    const { call } = await withSession();
    const co = await call('POST', '/order/placeOrderCO', {
      symbolName: 'SBIN',
      exchange: 'BSE',
      transactionType: 'BUY',
      orderType: 'L',
      quantity: '1',
      disclosedQuantity: '',
      price: '800',
      orderValidity: 'DAY',
      productType: 'CO',
      triggerPrice: '790',
      afterMarketOrderFlag: 'NO',
    });
    expect(co.body).toMatchObject({ status: 'Success', statusMessage: 'CO Order request placed successfully', exchangeOrderStatus: 'PENDING' });
    expect(co.body.orderDetails.triggerPrice).toBe('790.00');
    const cancel = await call('DELETE', `/order/cancelOrder?orderNumber=${co.body.orderNumber}`);
    expect(cancel.status).toBe(400);
  });

  it('bulkOrder: the chapter body and the SDK body, one entry per slice', async () => {
    const { call } = await withSession();
    const one = await call('POST', '/order/bulkOrder', {
      symbolName: 'NIFTY29DEC2626000PE',
      exchange: 'NFO',
      transactionType: 'BUY',
      orderType: 'L',
      quantity: '2015',
      orderValidity: 'DAY',
      productType: 'NRML',
      price: '100',
    });
    expect(one.status).toBe(200);
    expect(one.body.orders.map((o: { orderDetails: { quantity: number } }) => o.orderDetails.quantity)).toEqual([1755, 260]);
    expect(one.body.orders[0].orderDetails.transactionType).toBe('BUY');
    const many = await call('POST', '/order/bulkOrder', {
      orders: [
        {
          symbolName: 'IDEA',
          exchange: 'NSE',
          transactionType: 'BUY',
          orderType: 'L',
          quantity: '1',
          disclosedQuantity: '1',
          orderValidity: 'DAY',
          productType: 'CNC',
          afterMarketOrderFlag: 'NO',
          price: '13.40',
        },
      ],
    });
    expect(many.body).toMatchObject({ status: 'Success', statusMessage: 'Bulk order processed' });
    expect(many.body.orders).toHaveLength(1);
  });

  it('spanMargin: the SDK body (three fields) and the full body; a hedge earns a spread benefit', async () => {
    const { call } = await withSession();
    const sdk = await call('POST', '/spanMargin', { request: [{ exchange: 'NFO', tradingSymbol: 'NIFTY26DECFUT', qty: '65' }] });
    expect(sdk.body).toMatchObject({ status: 'Success', statusMessage: 'Span margin calculated' });
    expect(keys(sdk.body.spanDetails)).toContain('spreadBenefit');
    const hedge = await call('POST', '/spanMargin', {
      request: [
        { exchange: 'NFO', tradingSymbol: 'NIFTY26DECFUT', qty: '65', transactionType: 'BUY', price: '', productType: 'NRML', orderType: 'L' },
        { exchange: 'NFO', tradingSymbol: 'NIFTY29DEC2626000CE', qty: '65', transactionType: 'SELL', productType: 'NRML', orderType: 'L' },
      ],
    });
    expect(Number(hedge.body.spanDetails.spreadBenefit)).toBeGreaterThan(0);
  });

  it('GTT: add (limit and market samples), modify with a new id, the old one refused as published, delete with a JSON body and with a query parameter, list', async () => {
    const { call } = await withSession();
    const add = await call('POST', '/gttoco/addGtt', {
      exchange: 'NSE',
      symbolName: 'IDEA',
      transactionType: 'BUY',
      quantity: '1',
      productType: 'CNC',
      orderType: 'L',
      triggerPrice: '13.00',
      limitPrice: '12.95',
    });
    expect(add.body).toMatchObject({ status: 'Success', statusMessage: 'GTT CREATED', orderDetails: { triggerPrice: '13.00', marketProtection: '', symbol: '14366_NSE' } });
    const mkt = await call('POST', '/gttoco/addGtt', {
      exchange: 'NSE',
      symbolName: 'IDEA',
      transactionType: 'BUY',
      quantity: '1',
      productType: 'CNC',
      orderType: 'MKT',
      triggerPrice: '12',
      marketProtection: '',
    });
    expect(mkt.body.orderDetails.marketProtection).toBe('3');
    const unknown = await call('POST', '/gttoco/addGtt', { exchange: 'NSE', symbolName: 'NOSUCH', transactionType: 'BUY', quantity: '1', productType: 'CNC', orderType: 'MKT', triggerPrice: '12' });
    expect(keys(unknown.body)).toEqual(['serverTime', 'status', 'statusMessage']);
    const modify = {
      symbolName: 'IDEA',
      exchange: 'NSE',
      transactionType: 'BUY',
      orderType: 'MKT',
      quantity: '5',
      productType: 'CNC',
      triggerPrice: '12.5',
      limitPrice: '12.7',
      marketProtection: '12',
      gttSummaryId: add.body.gttSummaryId,
    };
    const modified = await call('PUT', '/gttoco/modifyGtt', modify);
    expect(modified.body).toMatchObject({ statusMessage: 'GTT MODIFIED', orderDetails: { limitPrice: '', marketProtection: '12', quantity: '5' } });
    expect(modified.body.gttSummaryId).not.toBe(add.body.gttSummaryId);
    const stale = await call('PUT', '/gttoco/modifyGtt', modify);
    expect(stale.status).toBe(400);
    expect(stale.body).toMatchObject({ status: 'Failure', statusMessage: 'TRIGGER DOES NOT EXIST', orderDetails: { symbol: '14366_NSE' } });
    const byBody = await call('DELETE', '/gttoco/deleteGtt', { gttSummaryId: Number(modified.body.gttSummaryId) });
    expect(byBody.body).toMatchObject({ statusMessage: 'GTT order Deleted', gttSummaryId: modified.body.gttSummaryId, orderDetails: { userId: 'AB1234' } });
    const byQuery = await call('DELETE', `/gttoco/deleteGtt?gttSummaryId=${mkt.body.gttSummaryId}`);
    expect(byQuery.body.status).toBe('Success');
    const expired = await call('GET', '/gttoco/listGttOco?listType=expired');
    expect(expired.body.orderDetails).toHaveLength(2);
    expect(expired.body.orderDetails[0].summary).toMatchObject({ gttType: 'SINGLE', validTill: 'FOREVER', isExpired: true });
    const bad = await call('GET', '/gttoco/listGttOco?listType=all');
    expect(bad.body).toEqual({ serverTime: expect.any(String), status: 'Failure', validationErrors: [' Enter a valid listType ( active / triggered / expired).'] });
  });

  it('OCO: add (Python README sample shape), modify, delete; list shows target and stopLoss', async () => {
    const { call } = await withSession();
    const add = await call('POST', '/gttoco/addOco', {
      exchange: 'NSE',
      symbolName: 'IDEA',
      transactionType: 'SELL',
      quantity: '1',
      productType: 'NRML',
      orderType: 'MKT',
      targetTriggerPrice: '14.50',
      stoplossTriggerPrice: '12.50',
      marketProtection: '3',
    });
    expect(add.body).toMatchObject({ statusMessage: 'GTT CREATED', orderDetails: { target: { type: 'TARGET', limitPrice: '', marketProtection: '3' }, stopLoss: { type: 'STOPLOSS' } } });
    const list = await call('GET', '/gttoco/listGttOco');
    expect(keys(list.body.orderDetails[0].triggers)).toEqual(['stopLoss', 'target']);
    const modified = await call('PUT', '/gttoco/modifyOco', {
      exchange: 'NSE',
      symbolName: 'IDEA',
      transactionType: 'SELL',
      quantity: '2',
      productType: 'NRML',
      orderType: 'L',
      targetTriggerPrice: '14.60',
      targetLimitPrice: '14.55',
      stoplossTriggerPrice: '12.40',
      stoplossLimitPrice: '12.35',
      gttSummaryId: Number(add.body.gttSummaryId),
    });
    expect(modified.body.statusMessage).toBe('GTT MODIFIED');
    const del = await call('DELETE', '/gttoco/deleteOco', { gttSummaryId: modified.body.gttSummaryId });
    expect(del.body).toMatchObject({ statusMessage: 'GTT OCO order Deleted' });
  });
});
