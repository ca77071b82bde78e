import { describe, expect, it } from 'vitest';
import { HOLDING_FIELDS, MARGIN_FIELDS, ORDER_FIELDS, POSITION_FIELDS, pythonClient } from '../../contracts/autotrader-python-client.js';
import { harness } from './harness.js';

const USER = {
  username: 'trader@example.com',
  password: 'at-login-pw',
  name: 'Asha Trader',
  accounts: [
    { pseudoAccount: 'ACC_1', tradingAccount: 'ZX1234', broker: 'Zerodha', platform: 'KITE', live: true, licenseExpiryDate: '2031-01-31', funds: 200000 },
    { pseudoAccount: 'ACC_2', tradingAccount: 'ZX9999', broker: 'Zerodha', platform: 'KITE', live: false, licenseExpiryDate: '2031-01-31' },
  ],
};
const FORM = 'application/x-www-form-urlencoded';

async function withUser(options: Parameters<typeof harness>[0] = {}) {
  const h = harness(options);
  await h.request('POST', '/__sandbox/autotrader/users', { body: USER });
  const view = await h.request('POST', '/autotrader/settings/api-key/view', { body: { username: USER.username, password: USER.password } });
  const apiKey = view.body.result.apiKey as string;
  const form = (path: string, fields: Record<string, string | number>, key = apiKey) =>
    h.request('POST', path, { raw: new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString(), contentType: FORM, headers: { 'api-key': key } });
  const get = (path: string, key = apiKey) => h.request('GET', path, { headers: { 'api-key': key } });
  return { h, apiKey, form, get };
}

/** The order model of the reference, every field required (the Python client builds orders positionally). */

/** The official Python client's PlatformHolding constructor parameters, in order. */

// SBIN on NSE: previous close 812.4 (the market's ltp until a price is set), band 649.9 - 974.9.
const ORDER = { pseudoAccount: 'ACC_1', exchange: 'NSE', symbol: 'SBIN', tradeType: 'BUY', orderType: 'LIMIT', productType: 'INTRADAY', quantity: 10, price: 800.5 };
const ENVELOPE = ['commandId', 'message', 'result', 'status'];
/** A business refusal: HTTP 200, status false, the reason in message. */
const refusal = (message: string | RegExp) => ({
  status: 200,
  body: { result: null, status: false, commandId: null, message: typeof message === 'string' ? message : expect.stringMatching(message) },
});

describe('AutoTrader functions', () => {
  it('fetches trading accounts (no credentials) and the live pseudo accounts', async () => {
    const { get } = await withUser();
    const accounts = await get('/account/fetchAllTradingAccounts');
    expect(Object.keys(accounts.body).sort()).toEqual(ENVELOPE);
    expect(accounts.body.result).toHaveLength(2);
    expect(accounts.body.result[0]).toMatchObject({ loginId: 'ZX1234', pseudoAccName: 'ACC_1', broker: 'Zerodha', live: true });
    expect((await get('/account/fetchLivePseudoAccounts')).body.result).toEqual(['ACC_1']);
  });

  it('places a regular order, reads it with every field, and cancels it once; a second cancel is a business refusal', async () => {
    const { form, get } = await withUser();
    const placed = await form('/trading/placeRegularOrder', ORDER);
    expect(placed).toMatchObject({ status: 200, body: { status: true, message: null } });
    const id = placed.body.result as string;
    const orders = await get('/trading/readPlatformOrders?pseudoAccount=ACC_1');
    expect(orders.body.result).toHaveLength(1);
    expect(Object.keys(orders.body.result[0]).sort()).toEqual([...ORDER_FIELDS].sort());
    expect(orders.body.result[0]).toMatchObject({ id, status: 'OPEN', quantity: 10, price: 800.5, symbol: 'SBIN', pseudoAccount: 'ACC_1', tradingAccount: 'ZX1234', variety: 'REGULAR' });
    expect((await form('/trading/cancelOrderByPlatformId', { pseudoAccount: 'ACC_1', platformId: id })).body).toMatchObject({ status: true, result: true });
    expect(await form('/trading/cancelOrderByPlatformId', { pseudoAccount: 'ACC_1', platformId: id })).toMatchObject(refusal(`Order [${id}] cannot be cancelled: it is CANCELLED.`));
    expect(await form('/trading/cancelOrderByPlatformId', { pseudoAccount: 'ACC_1', platformId: 'nope' })).toMatchObject(refusal('Order [nope] not found in pseudo account [ACC_1].'));
    expect((await form('/trading/readPlatformOrders', { pseudoAccount: 'ACC_1' })).body.result[0].status).toBe('CANCELLED');
  });

  it('a market order fills at the market ltp, and shows in positions and margins', async () => {
    const { h, form, get } = await withUser();
    h.domain.market.setPrice('NSE', 'SBIN', 820);
    await form('/trading/placeRegularOrder', { ...ORDER, orderType: 'MARKET', price: 0, quantity: 4 });
    const positions = (await get('/trading/readPlatformPositions?pseudoAccount=ACC_1')).body.result;
    expect(positions).toHaveLength(1);
    expect(Object.keys(positions[0]).sort()).toEqual([...POSITION_FIELDS].sort());
    expect(positions[0]).toMatchObject({ symbol: 'SBIN', netQuantity: 4, type: 'MIS', direction: 'LONG', state: 'OPEN', buyAvgPrice: 820, ltp: 820 });
    h.domain.market.setPrice('NSE', 'SBIN', 830);
    expect((await form('/trading/readPlatformPositions', { pseudoAccount: 'ACC_1' })).body.result[0]).toMatchObject({ ltp: 830, pnl: 40 });
    const margins = (await form('/trading/readPlatformMargins', { pseudoAccount: 'ACC_1' })).body.result;
    expect(Object.keys(margins[0]).sort()).toEqual([...MARGIN_FIELDS].sort());
    const equity = margins.find((m: { category: string }) => m.category === 'EQUITY');
    expect(equity).toMatchObject({ funds: 200000, utilized: 3320, available: 196680 });
  });

  it('a limit order fills when the market crosses it; a DELIVERY fill becomes a holding with every field', async () => {
    const { h, form, get } = await withUser();
    const id = (await form('/trading/placeRegularOrder', { ...ORDER, productType: 'DELIVERY', price: 805 })).body.result;
    h.domain.market.setPrice('NSE', 'SBIN', 804, 6);
    const order = (await get('/trading/readPlatformOrders?pseudoAccount=ACC_1')).body.result[0];
    expect(order).toMatchObject({ id, status: 'OPEN', filledQuantity: 6, pendingQuantity: 4, averagePrice: 804 });
    const holdings = await get('/trading/readPlatformHoldings?pseudoAccount=ACC_1');
    expect(Object.keys(holdings.body).sort()).toEqual(ENVELOPE);
    expect(Object.keys(holdings.body.result[0])).toEqual(HOLDING_FIELDS);
    expect(holdings.body.result[0]).toMatchObject({ symbol: 'SBIN', exchange: 'NSE', quantity: 6, avgPrice: 804, ltp: 804, product: 'CNC' });
    expect((await form('/trading/readPlatformHoldings', { pseudoAccount: 'ACC_1' })).body.result[0].quantity).toBe(6);
  });

  it.each([
    [{ price: 0 }, /LIMIT/],
    [{ orderType: 'MARKET', price: 10 }, /MARKET/],
    [{ orderType: 'STOP_LOSS' }, /triggerPrice/],
    [{ orderType: 'SL_MARKET', price: 0 }, /triggerPrice/],
    [{ price: 1000 }, /outside the price band/],
    [{ symbol: 'NOSUCH' }, /^Symbol \[NOSUCH\] not found on exchange \[NSE\]\.$/],
    [{ pseudoAccount: 'ACC_2' }, /^Pseudo account \[ACC_2\] is not live\.$/],
    [{ pseudoAccount: 'NOPE' }, /^Pseudo account \[NOPE\] is not live\.$/],
  ])('a business refusal is HTTP 200 with status false and the reason: %j', async (change, message) => {
    const { h, form } = await withUser();
    const res = await form('/trading/placeRegularOrder', { ...ORDER, ...change });
    expect(res).toMatchObject(refusal(message));
    expect(Object.keys(res.body).sort()).toEqual(ENVELOPE);
    expect(h.domain.store.atOrders(USER.username, 'ACC_1')).toHaveLength(0);
  });

  it('malformed parameters the clients never send keep their 400, naming the field', async () => {
    const { form } = await withUser();
    expect(await form('/trading/placeRegularOrder', { ...ORDER, exchange: 'NYSE' })).toMatchObject({ status: 400, body: { status: false, message: expect.stringMatching(/body\.exchange/) } });
    expect((await form('/trading/placeRegularOrder', { ...ORDER, quantity: 'ten' })).body.message).toMatch(/body\.quantity/);
    expect((await form('/trading/placeAdvancedOrder', { ...ORDER, variety: 'REGULAR', amo: 'maybe' })).body.message).toMatch(/body\.amo/);
  });

  it('ignores unknown keys and takes "" in an optional field as absent (form and query)', async () => {
    const { form, get } = await withUser();
    const placed = await form('/trading/placeRegularOrder', { ...ORDER, triggerPrice: '', strategy: 'x', extra: '1' });
    expect(placed.body).toMatchObject({ status: true });
    const advanced = await form('/trading/placeAdvancedOrder', {
      ...ORDER,
      variety: 'REGULAR',
      triggerPrice: '',
      target: '',
      stoploss: '',
      trailingStoploss: '',
      disclosedQuantity: '',
      validity: '',
      amo: '',
      strategyId: '',
      comments: '',
      publisherId: '',
      unknown: 'y',
    });
    expect(advanced.body).toMatchObject({ status: true });
    const orders = (await get('/trading/readPlatformOrders?pseudoAccount=ACC_1&foo=bar')).body.result;
    expect(orders[1]).toMatchObject({ validity: 'DAY', amo: false, publisherId: null, triggerPrice: 0, disclosedQuantity: 0 });
    const modified = await form('/trading/modifyOrderByPlatformId', { pseudoAccount: 'ACC_1', platformId: placed.body.result, orderType: '', quantity: '', price: 801, triggerPrice: '' });
    expect(modified.body).toMatchObject({ status: true, result: true });
  });

  it('placeAdvancedOrder takes every parameter (amo True as the Python client sends it) and keeps publisherId', async () => {
    const { form, get } = await withUser();
    const res = await form('/trading/placeAdvancedOrder', {
      variety: 'REGULAR',
      ...ORDER,
      productType: 'NORMAL',
      triggerPrice: 0,
      target: 0,
      stoploss: 0,
      trailingStoploss: 0,
      disclosedQuantity: 5,
      validity: 'DAY',
      amo: 'True',
      strategyId: 'S1',
      comments: 'hi',
      publisherId: 'pub-1',
    });
    expect(res.body).toMatchObject({ status: true });
    expect((await get('/trading/readPlatformOrders?pseudoAccount=ACC_1')).body.result[0]).toMatchObject({ amo: true, disclosedQuantity: 5, publisherId: 'pub-1', productType: 'NORMAL' });
  });

  it('bracket order: legs on the fill, parentOrderId links them, one leg filling cancels the other', async () => {
    const { h, form, get } = await withUser();
    const parent = (await form('/trading/placeBracketOrder', { ...ORDER, price: 810, target: 10, stoploss: 5, trailingStoploss: 0 })).body.result;
    h.domain.market.setPrice('NSE', 'SBIN', 810);
    const legs = (await get('/trading/readPlatformOrders?pseudoAccount=ACC_1')).body.result.filter((o: { parentOrderId: string }) => o.parentOrderId === parent);
    expect(legs.map((o: { orderType: string; status: string }) => [o.orderType, o.status])).toEqual([
      ['SL_MARKET', 'TRIGGER_PENDING'],
      ['LIMIT', 'OPEN'],
    ]);
    h.domain.market.setPrice('NSE', 'SBIN', 820);
    const after = (await get('/trading/readPlatformOrders?pseudoAccount=ACC_1')).body.result;
    expect(after.map((o: { status: string }) => o.status)).toEqual(['COMPLETE', 'CANCELLED', 'COMPLETE']);
    expect((await get('/trading/readPlatformPositions?pseudoAccount=ACC_1')).body.result[0]).toMatchObject({ type: 'BO', netQuantity: 0, pnl: 100 });
  });

  it('cover order and cancelChildOrdersByPlatformId: the stop-loss leg exits at market', async () => {
    const { h, form, get } = await withUser();
    const parent = (await form('/trading/placeCoverOrder', { ...ORDER, orderType: 'MARKET', price: 0, triggerPrice: 800 })).body.result;
    h.domain.market.setPrice('NSE', 'SBIN', 815);
    expect((await form('/trading/cancelChildOrdersByPlatformId', { pseudoAccount: 'ACC_1', platformId: parent })).body).toMatchObject({ status: true, result: true });
    const [entry, leg] = (await get('/trading/readPlatformOrders?pseudoAccount=ACC_1')).body.result;
    expect(entry).toMatchObject({ variety: 'CO', status: 'COMPLETE', averagePrice: 812.4 });
    expect(leg).toMatchObject({ parentOrderId: parent, tradeType: 'SELL', status: 'COMPLETE', averagePrice: 815 });
    expect(await form('/trading/cancelChildOrdersByPlatformId', { pseudoAccount: 'ACC_1', platformId: parent })).toMatchObject(refusal(/no open child orders/));
  });

  it('modify, cancelAllOrders, squareOffPosition and squareOffPortfolio', async () => {
    const { form, get } = await withUser();
    const open = (await form('/trading/placeRegularOrder', ORDER)).body.result;
    expect((await form('/trading/modifyOrderByPlatformId', { pseudoAccount: 'ACC_1', platformId: open, quantity: 12, price: 790 })).body).toMatchObject({ status: true });
    expect((await get('/trading/readPlatformOrders?pseudoAccount=ACC_1')).body.result[0]).toMatchObject({ quantity: 12, price: 790, status: 'OPEN' });
    expect(await form('/trading/modifyOrderByPlatformId', { pseudoAccount: 'ACC_1', platformId: open, price: 10 })).toMatchObject(refusal(/outside the price band/));
    expect((await form('/trading/cancelAllOrders', { pseudoAccount: 'ACC_1' })).body).toMatchObject({ status: true, result: true });
    expect(await form('/trading/modifyOrderByPlatformId', { pseudoAccount: 'ACC_1', platformId: open, price: 795 })).toMatchObject(refusal(/cannot be modified: it is CANCELLED/));
    await form('/trading/placeRegularOrder', { ...ORDER, orderType: 'MARKET', price: 0 });
    await form('/trading/placeRegularOrder', { ...ORDER, orderType: 'MARKET', price: 0, productType: 'NORMAL', tradeType: 'SELL' });
    const square = { pseudoAccount: 'ACC_1', category: 'DAY', type: 'MIS', exchange: 'NSE', symbol: 'SBIN' };
    expect((await form('/trading/squareOffPosition', square)).body).toMatchObject({ status: true, result: true });
    expect(await form('/trading/squareOffPosition', square)).toMatchObject(refusal('No open MIS position in [NSE] [SBIN] in pseudo account [ACC_1].'));
    expect((await form('/trading/squareOffPortfolio', { pseudoAccount: 'ACC_1', category: 'NET' })).body).toMatchObject({ status: true, result: true });
    const positions = (await get('/trading/readPlatformPositions?pseudoAccount=ACC_1')).body.result;
    expect(positions.map((p: { type: string; netQuantity: number }) => [p.type, p.netQuantity])).toEqual([
      ['MIS', 0],
      ['NRML', 0],
    ]);
  });

  it('PUT /__sandbox/market/prices moves AutoTrader orders too: a stop-loss triggers, then fills within the volume', async () => {
    const { h, form, get } = await withUser();
    const id = (await form('/trading/placeRegularOrder', { ...ORDER, orderType: 'STOP_LOSS', triggerPrice: 820, price: 822 })).body.result;
    const set = (price: number, volume?: number) => h.request('PUT', '/__sandbox/market/prices', { body: { exchange: 'NSE', symbolName: 'SBIN', price, ...(volume ? { volume } : {}) } });
    expect((await set(819)).body).toMatchObject({ fills: 0 });
    expect((await set(821, 3)).body).toMatchObject({ fills: 1 });
    expect((await get('/trading/readPlatformOrders?pseudoAccount=ACC_1')).body.result[0]).toMatchObject({ id, status: 'OPEN', filledQuantity: 3, averagePrice: 821 });
    await set(822);
    expect((await get('/trading/readPlatformOrders?pseudoAccount=ACC_1')).body.result[0]).toMatchObject({ status: 'COMPLETE', filledQuantity: 10, averagePrice: 821.7 });
  });

  it("a JSON body where a form is expected: 415 in AutoTrader's envelope", async () => {
    const { h, apiKey } = await withUser();
    const res = await h.request('POST', '/trading/placeRegularOrder', { body: ORDER, headers: { 'api-key': apiKey } });
    expect(res).toMatchObject({ status: 415, body: { status: false, result: null, commandId: null } });
  });

  it('answers only what the spec allows (no contract drift logged)', async () => {
    const { h, form, get } = await withUser({ checkResponses: true });
    await form('/trading/placeBracketOrder', { ...ORDER, orderType: 'MARKET', price: 0, target: 5, stoploss: 5 });
    await form('/trading/placeRegularOrder', { ...ORDER, symbol: 'NOSUCH' });
    for (const what of ['Orders', 'Positions', 'Margins', 'Holdings']) expect((await get(`/trading/readPlatform${what}?pseudoAccount=ACC_1`)).status).toBe(200);
    expect(h.logs.filter((l) => l.includes('contract drift'))).toEqual([]);
  });
});

describe('the official Python client, as it behaves', () => {
  it('calls every trading function, reads every refusal, and builds every record', async () => {
    const { h, apiKey } = await withUser({ checkResponses: true });
    const send = async (url: string, init: RequestInit) => h.app.request(url, init);
    const client = pythonClient('', apiKey, send);
    const a = 'ACC_1';
    const regular = await client.place_regular_order(a, 'NSE', 'SBIN', 'BUY', 'LIMIT', 'DELIVERY', 10, 805.0);
    expect(regular).toMatchObject({ status: true, message: null, result: expect.any(String) });
    // A refusal reaches the caller as a status-false response, not an exception.
    expect(await client.place_regular_order('ACC_2', 'NSE', 'SBIN', 'BUY', 'LIMIT', 'DELIVERY', 10, 805.0)).toEqual({
      result: null,
      message: 'Pseudo account [ACC_2] is not live.',
      status: false,
      commandId: null,
    });
    expect(await client.place_regular_order(a, 'NSE', 'SBIN', 'BUY', 'LIMIT', 'DELIVERY', 10, 0.0)).toMatchObject({ status: false, message: expect.stringMatching(/LIMIT/) });
    h.domain.market.setPrice('NSE', 'SBIN', 805);
    const bo = await client.place_bracket_order(a, 'NSE', 'SBIN', 'BUY', 'MARKET', 5, 0.0, 0.0, 10.0, 5.0);
    const co = await client.place_cover_order(a, 'NSE', 'SBIN', 'SELL', 'MARKET', 5, 0.0, 815.0);
    const adv = await client.place_advanced_order('REGULAR', a, 'NSE', 'SBIN', 'SELL', 'LIMIT', 'INTRADAY', 3, 900.0, 0.0, 0.0, 0.0, 0.0, 0, 'DAY', false, null, null, null);
    for (const r of [bo, co, adv]) expect(r).toMatchObject({ status: true });
    expect(await client.modify_order_by_platform_id(a, adv.result, undefined, 4)).toMatchObject({ status: true, result: true });
    expect(await client.cancel_child_orders_by_platform_id(a, co.result)).toMatchObject({ status: true });
    expect(await client.cancel_order_by_platform_id(a, adv.result)).toMatchObject({ status: true });
    expect(await client.cancel_order_by_platform_id(a, 'no-such-id')).toMatchObject({ status: false, message: 'Order [no-such-id] not found in pseudo account [ACC_1].' });
    const orders = await client.read_platform_orders(a);
    expect(orders.result.length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(orders.result[0])).toEqual(ORDER_FIELDS);
    expect((await client.read_platform_positions(a)).result.length).toBeGreaterThan(0);
    expect((await client.read_platform_margins(a)).result).toHaveLength(2);
    expect((await client.read_platform_holdings(a)).result).toEqual([expect.objectContaining({ symbol: 'SBIN', quantity: 10 })]);
    expect(await client.square_off_position(a, 'NET', 'BO', 'NSE', 'SBIN')).toMatchObject({ status: true });
    expect(await client.square_off_portfolio(a, 'DAY')).toMatchObject({ status: true });
    expect(await client.cancel_all_orders(a)).toMatchObject({ status: true, result: true });
    expect((await client.read_platform_positions(a)).result.every((p: { netQuantity: number }) => p.netQuantity === 0)).toBe(true);
    await expect(pythonClient('', '00000000-0000-4000-8000-000000000000', send).read_platform_orders(a)).rejects.toThrow(/API Key is wrong/);
    expect(h.logs.filter((l) => l.includes('contract drift'))).toEqual([]);
  });
});

describe('AutoTrader rate limits', () => {
  it('60 requests per 5 s for a pseudo account: the 61st gets 429, and time frees the window', async () => {
    const { h, get } = await withUser();
    for (let i = 0; i < 60; i++) expect((await get('/trading/readPlatformOrders?pseudoAccount=ACC_1')).status).toBe(200);
    const limited = await get('/trading/readPlatformOrders?pseudoAccount=ACC_1');
    expect(limited).toMatchObject({ status: 429, body: { status: false, message: expect.stringContaining('60 requests per 5 seconds for a pseudo account') } });
    expect((await get('/account/fetchLivePseudoAccounts')).status).toBe(200);
    h.clock.advance(5000);
    expect((await get('/trading/readPlatformOrders?pseudoAccount=ACC_1')).status).toBe(200);
  });

  it('120 per minute per pseudo account holds across 5-second windows', async () => {
    const { h, get } = await withUser();
    let allowed = 0;
    for (let burst = 0; burst < 3; burst++) {
      for (let i = 0; i < 60; i++) if ((await get('/trading/readPlatformOrders?pseudoAccount=ACC_1')).status === 200) allowed++;
      h.clock.advance(5000);
    }
    expect(allowed).toBe(120);
  });

  it('can be switched off for load tests', async () => {
    const { get } = await withUser({ rateLimits: false });
    for (let i = 0; i < 80; i++) expect((await get('/trading/readPlatformOrders?pseudoAccount=ACC_1')).status).toBe(200);
  });
});
