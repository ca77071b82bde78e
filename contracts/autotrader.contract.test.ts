import { describe, inject, it } from 'vitest';
import { call, requires } from './client.js';
import { newAtUser } from './flows.js';
import type { Target } from './targets.js';
import { MODELS, pythonClient } from './autotrader-python-client.js';

/**
 * Reference rules (autotrader-web.md; seed 002; issue 11): the api-key header authenticates every
 * call; View and Re-generate need the login password; after Re-generate the old key gets 403 at
 * once; every response has exactly result, message, status and commandId; records carry every field
 * of their model; bodies are form-encoded; reads come as GET with a query or POST with a form.
 * Business refusals (a pseudo account that is not live, a broken price or quantity rule, an unknown
 * platform id or symbol, an order that cannot be cancelled or modified) are HTTP 200 with status
 * false, because the official clients read the body only on a 2xx answer. Orders trade on the
 * simulated market; the suite does not depend on the current price: a BUY LIMIT at the top of the
 * band (974.9 for SBIN) or a SELL LIMIT at its bottom (649.9) fills at once, at whatever the ltp
 * is, and a BUY LIMIT at the bottom waits.
 */
const BAND_TOP = 974.9;
const BAND_BOTTOM = 649.9;
const ORDER = { pseudoAccount: 'LIVE_1', exchange: 'NSE', symbol: 'SBIN', tradeType: 'BUY', orderType: 'LIMIT', productType: 'INTRADAY', quantity: 5, price: BAND_BOTTOM };
const ENVELOPE_KEYS = ['commandId', 'message', 'result', 'status'];
const refused = (message: string | RegExp) => ({ result: null, status: false, commandId: null, message });
const DUMMY_KEY = '00000000-0000-4000-8000-000000000000';

async function orders(target: Target, headers: Record<string, string>) {
  return ((await call(target, 'atReadPlatformOrders', { headers, query: { pseudoAccount: 'LIVE_1' } }).expectStatus(200)).json as any).result as any[];
}

describe.each(inject('targets'))('AutoTrader on $name', (target) => {
  it('views the key with the password only, and a re-generated key retires the old one at once', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const user = await newAtUser(target);
    await call(target, 'atViewApiKey', { body: { username: user.username, password: 'wrong' } })
      .expectStatus(401)
      .expectJson({ result: null, message: 'Invalid username or password.', status: false, commandId: null });
    const regenerated = await call(target, 'atRegenerateApiKey', { body: { username: user.username, password: user.password } }).expectStatus(200);
    const fresh = (regenerated.json as any).result.apiKey as string;
    ctx.expect(fresh).not.toBe(user.apiKey);
    await call(target, 'atFetchAllTradingAccounts', { headers: { 'api-key': user.apiKey } })
      .expectStatus(403)
      .expectJsonLike({ status: false, result: null });
    await call(target, 'atFetchAllTradingAccounts', { headers: { 'api-key': fresh } })
      .expectStatus(200)
      .expectJsonLike({ status: true });
  });

  it('lists trading accounts without credentials, and only the live pseudo accounts', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { apiKey } = await newAtUser(target);
    const res = await call(target, 'atFetchAllTradingAccounts', { headers: { 'api-key': apiKey } }).expectStatus(200);
    ctx.expect((res.json as any).result.map((a: any) => [a.pseudoAccName, a.live])).toEqual([
      ['LIVE_1', true],
      ['IDLE_1', false],
    ]);
    await call(target, 'atFetchLivePseudoAccounts', { headers: { 'api-key': apiKey } })
      .expectStatus(200)
      .expectJson('result', ['LIVE_1']);
  });

  it('places a regular order that waits, reads it by GET and by POST, modifies and cancels it', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { apiKey } = await newAtUser(target);
    const headers = { 'api-key': apiKey };
    const placed = await call(target, 'atPlaceRegularOrder', { headers, form: ORDER }).expectStatus(200).expectJsonLike({ status: true, message: null });
    const id = (placed.json as any).result as string;
    const [order] = await orders(target, headers);
    ctx.expect(Object.keys(order)).toEqual(MODELS['/readPlatformOrders']);
    ctx.expect(order).toMatchObject({ id, status: 'OPEN', symbol: 'SBIN', quantity: 5, variety: 'REGULAR' });
    await call(target, 'atModifyOrderByPlatformId', { headers, form: { pseudoAccount: 'LIVE_1', platformId: id, quantity: 7 } })
      .expectStatus(200)
      .expectJson('result', true);
    await call(target, 'atCancelOrderByPlatformId', { headers, form: { pseudoAccount: 'LIVE_1', platformId: id } })
      .expectStatus(200)
      .expectJson('result', true);
    await call(target, 'atReadPlatformOrdersPost', { headers, form: { pseudoAccount: 'LIVE_1' } })
      .expectStatus(200)
      .expectJsonLike({ result: [{ id, status: 'CANCELLED', quantity: 7 }] });
    await call(target, 'atCancelOrderByPlatformId', { headers, form: { pseudoAccount: 'LIVE_1', platformId: id } })
      .expectStatus(200)
      .expectJson(refused(`Order [${id}] cannot be cancelled: it is CANCELLED.`));
    await call(target, 'atModifyOrderByPlatformId', { headers, form: { pseudoAccount: 'LIVE_1', platformId: id, price: 700 } })
      .expectStatus(200)
      .expectJson(refused(`Order [${id}] cannot be modified: it is CANCELLED.`));
    await call(target, 'atCancelOrderByPlatformId', { headers, form: { pseudoAccount: 'LIVE_1', platformId: 'no-such-id' } })
      .expectStatus(200)
      .expectJson(refused('Order [no-such-id] not found in pseudo account [LIVE_1].'));
  });

  it('marketable orders fill at once and show in positions, margins and holdings', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { apiKey } = await newAtUser(target);
    const headers = { 'api-key': apiKey };
    await call(target, 'atPlaceRegularOrder', { headers, form: { ...ORDER, orderType: 'MARKET', price: 0, tradeType: 'SELL' } })
      .expectStatus(200)
      .expectJsonLike({ status: true });
    await call(target, 'atPlaceRegularOrder', { headers, form: { ...ORDER, price: BAND_TOP, productType: 'DELIVERY', quantity: 3 } }).expectStatus(200);
    const filled = await orders(target, headers);
    ctx.expect(filled.map((o) => [o.status, o.filledQuantity])).toEqual([
      ['COMPLETE', 5],
      ['COMPLETE', 3],
    ]);
    await call(target, 'atReadPlatformPositions', { headers, query: { pseudoAccount: 'LIVE_1' } })
      .expectStatus(200)
      .expectJsonLike({
        result: [
          { symbol: 'SBIN', netQuantity: -5, direction: 'SHORT', type: 'MIS' },
          { symbol: 'SBIN', netQuantity: 3, type: 'CNC' },
        ],
      });
    const margins = await call(target, 'atReadPlatformMarginsPost', { headers, form: { pseudoAccount: 'LIVE_1' } }).expectStatus(200);
    const equity = (margins.json as any).result.find((m: any) => m.category === 'EQUITY');
    ctx.expect(equity.utilized).toBeGreaterThan(0);
    ctx.expect(equity.available).toBeCloseTo(equity.funds + equity.realisedMtm - equity.utilized, 2);
    const holdings = await call(target, 'atReadPlatformHoldings', { headers, query: { pseudoAccount: 'LIVE_1' } }).expectStatus(200);
    ctx.expect(Object.keys((holdings.json as any).result[0])).toEqual(MODELS['/readPlatformHoldings']);
    await call(target, 'atReadPlatformHoldingsPost', { headers, form: { pseudoAccount: 'LIVE_1' } })
      .expectStatus(200)
      .expectJsonLike({ result: [{ symbol: 'SBIN', quantity: 3, product: 'CNC' }] });
    await call(target, 'atSquareOffPosition', { headers, form: { pseudoAccount: 'LIVE_1', category: 'NET', type: 'MIS', exchange: 'NSE', symbol: 'SBIN' } })
      .expectStatus(200)
      .expectJson('result', true);
    await call(target, 'atSquareOffPosition', { headers, form: { pseudoAccount: 'LIVE_1', category: 'NET', type: 'MIS', exchange: 'NSE', symbol: 'SBIN' } })
      .expectStatus(200)
      .expectJson(refused('No open MIS position in [NSE] [SBIN] in pseudo account [LIVE_1].'));
    await call(target, 'atSquareOffPortfolio', { headers, form: { pseudoAccount: 'LIVE_1', category: 'DAY' } })
      .expectStatus(200)
      .expectJson('result', true);
    await call(target, 'atReadPlatformPositionsPost', { headers, form: { pseudoAccount: 'LIVE_1' } })
      .expectStatus(200)
      .expectJsonLike({
        result: [
          { netQuantity: 0, state: 'CLOSED' },
          { netQuantity: 0, state: 'CLOSED' },
        ],
      });
  });

  it('bracket and cover orders place their legs; cancelChildOrders exits them; cancelAllOrders cancels what waits', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { apiKey } = await newAtUser(target);
    const headers = { 'api-key': apiKey };
    const bo = (await call(target, 'atPlaceBracketOrder', { headers, form: { ...ORDER, orderType: 'MARKET', price: 0, target: 10, stoploss: 5 } }).expectStatus(200)).json as any;
    const co = (await call(target, 'atPlaceCoverOrder', { headers, form: { ...ORDER, tradeType: 'SELL', price: BAND_BOTTOM, triggerPrice: BAND_TOP } }).expectStatus(200)).json as any;
    const adv = (
      await call(target, 'atPlaceAdvancedOrder', {
        headers,
        form: { variety: 'AT_BO', ...ORDER, triggerPrice: 0, target: 8, stoploss: 4, trailingStoploss: 0, disclosedQuantity: 0, validity: 'DAY', amo: 'false', publisherId: 'pub-1' },
      }).expectStatus(200)
    ).json as any;
    const all = await orders(target, headers);
    const legsOf = (id: string) => all.filter((o) => o.parentOrderId === id).map((o) => [o.orderType, o.status]);
    ctx.expect(legsOf(bo.result)).toEqual([
      ['SL_MARKET', 'TRIGGER_PENDING'],
      ['LIMIT', 'OPEN'],
    ]);
    ctx.expect(legsOf(co.result)).toEqual([['SL_MARKET', 'TRIGGER_PENDING']]);
    ctx.expect(all.find((o) => o.id === adv.result)).toMatchObject({ variety: 'AT_BO', status: 'OPEN', publisherId: 'pub-1' });
    await call(target, 'atCancelChildOrdersByPlatformId', { headers, form: { pseudoAccount: 'LIVE_1', platformId: bo.result } })
      .expectStatus(200)
      .expectJson('result', true);
    await call(target, 'atCancelChildOrdersByPlatformId', { headers, form: { pseudoAccount: 'LIVE_1', platformId: bo.result } })
      .expectStatus(200)
      .expectJsonLike(refused(/no open child orders/));
    await call(target, 'atCancelAllOrders', { headers, form: { pseudoAccount: 'LIVE_1' } })
      .expectStatus(200)
      .expectJson('result', true);
    ctx.expect((await orders(target, headers)).filter((o) => o.status === 'OPEN' || o.status === 'TRIGGER_PENDING')).toEqual([]);
  });

  it("fills as the market moves (PUT /__sandbox/market/prices): LIMIT when crossed, stop-loss on its trigger, a bracket's legs one-cancels-other", async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { apiKey } = await newAtUser(target);
    const headers = { 'api-key': apiKey };
    // ITC: previous close 455.3. Unlimited volume at each price, so other suites' open orders cannot take it.
    const price = (p: number) => call(target, 'sandboxSetPrice', { body: { exchange: 'NSE', symbolName: 'ITC', price: p } }).expectStatus(200);
    const itc = { ...ORDER, symbol: 'ITC', quantity: 10 };
    await price(455.3);
    const limit = ((await call(target, 'atPlaceRegularOrder', { headers, form: { ...itc, price: 450 } }).expectStatus(200)).json as any).result;
    const stop = ((await call(target, 'atPlaceRegularOrder', { headers, form: { ...itc, tradeType: 'SELL', orderType: 'SL_MARKET', price: 0, triggerPrice: 440 } }).expectStatus(200)).json as any)
      .result;
    const bo = ((await call(target, 'atPlaceBracketOrder', { headers, form: { ...itc, price: 449, target: 5, stoploss: 3 } }).expectStatus(200)).json as any).result;
    const byId = async () => Object.fromEntries((await orders(target, headers)).map((o) => [o.id, o]));
    ctx.expect(Object.values(await byId()).map((o: any) => o.status)).toEqual(['OPEN', 'TRIGGER_PENDING', 'OPEN']);
    await price(450);
    let now = await byId();
    ctx.expect([now[limit].status, now[limit].averagePrice, now[bo].status]).toEqual(['COMPLETE', 450, 'OPEN']);
    await price(449);
    now = await byId();
    ctx.expect([now[bo].status, now[bo].averagePrice]).toEqual(['COMPLETE', 449]);
    const legs = Object.values(now).filter((o: any) => o.parentOrderId === bo) as any[];
    ctx.expect(legs.map((o) => [o.tradeType, o.orderType, o.triggerPrice, o.price, o.status])).toEqual([
      ['SELL', 'SL_MARKET', 446, 0, 'TRIGGER_PENDING'],
      ['SELL', 'LIMIT', 0, 454, 'OPEN'],
    ]);
    await price(454);
    now = await byId();
    ctx.expect(legs.map((o) => now[o.id].status)).toEqual(['CANCELLED', 'COMPLETE']);
    ctx.expect(now[stop].status).toBe('TRIGGER_PENDING');
    await price(439);
    now = await byId();
    ctx.expect([now[stop].status, now[stop].averagePrice]).toEqual(['COMPLETE', 439]);
    await call(target, 'atReadPlatformPositions', { headers, query: { pseudoAccount: 'LIVE_1' } })
      .expectStatus(200)
      .expectJsonLike({
        result: [
          { symbol: 'ITC', type: 'MIS', netQuantity: 0, realisedPnl: -110 },
          { symbol: 'ITC', type: 'BO', netQuantity: 0, pnl: 50 },
        ],
      });
    await price(455.3);
  });

  it('business refusals are HTTP 200 with status false and the reason', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { apiKey } = await newAtUser(target);
    const headers = { 'api-key': apiKey };
    await call(target, 'atPlaceRegularOrder', { headers, form: { ...ORDER, pseudoAccount: 'IDLE_1' } })
      .expectStatus(200)
      .expectJson(refused('Pseudo account [IDLE_1] is not live.'));
    await call(target, 'atPlaceRegularOrder', { headers, form: { ...ORDER, price: 0 } })
      .expectStatus(200)
      .expectJsonLike(refused(/LIMIT/));
    await call(target, 'atPlaceRegularOrder', { headers, form: { ...ORDER, symbol: 'NOSUCH' } })
      .expectStatus(200)
      .expectJson(refused('Symbol [NOSUCH] not found on exchange [NSE].'));
    await call(target, 'atPlaceRegularOrder', { headers, form: { ...ORDER, exchange: 'NFO', symbol: 'NIFTY_29-DEC-2026_FUT', price: 26000, quantity: 10 } })
      .expectStatus(200)
      .expectJsonLike(refused(/lot size/));
    await call(target, 'atReadPlatformOrders', { headers, query: { pseudoAccount: 'IDLE_1' } })
      .expectStatus(200)
      .expectJson(refused('Pseudo account [IDLE_1] is not live.'));
  });

  it('ignores unknown keys and takes "" as absent (sent straight to the sandbox)', async (ctx) => {
    requires(ctx, target, 'stateful', 'control', 'raw');
    const { apiKey } = await newAtUser(target);
    const headers = { 'api-key': apiKey };
    await call(target, 'atPlaceRegularOrder', { headers, form: { ...ORDER, triggerPrice: '', strategy: 'x' } })
      .expectStatus(200)
      .expectJsonLike({ status: true });
    await call(target, 'atPlaceAdvancedOrder', { headers, form: { ...ORDER, variety: 'REGULAR', validity: '', amo: '', publisherId: '', extra: '1' } })
      .expectStatus(200)
      .expectJsonLike({ status: true });
    ctx.expect((await orders(target, headers)).map((o) => [o.triggerPrice, o.validity, o.amo, o.publisherId])).toEqual([
      [0, 'DAY', false, null],
      [0, 'DAY', false, null],
    ]);
  });

  it('behaves for the official Python client: every function, every refusal readable, every record buildable', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { apiKey } = await newAtUser(target);
    const client = pythonClient(target.baseUrl!, apiKey);
    const a = 'LIVE_1';
    const waiting = await client.place_regular_order(a, 'NSE', 'SBIN', 'BUY', 'LIMIT', 'INTRADAY', 10, BAND_BOTTOM);
    ctx.expect(waiting).toMatchObject({ status: true, message: null, result: ctx.expect.any(String) });
    ctx.expect(await client.place_regular_order('IDLE_1', 'NSE', 'SBIN', 'BUY', 'LIMIT', 'INTRADAY', 10, BAND_BOTTOM)).toEqual(refused('Pseudo account [IDLE_1] is not live.'));
    ctx.expect(await client.place_regular_order(a, 'NSE', 'SBIN', 'BUY', 'LIMIT', 'INTRADAY', 10, 0.0)).toMatchObject({ status: false, result: null });
    ctx.expect(await client.place_regular_order(a, 'NSE', 'SBIN', 'BUY', 'LIMIT', 'DELIVERY', 4, BAND_TOP)).toMatchObject({ status: true });
    const bo = await client.place_bracket_order(a, 'NSE', 'SBIN', 'BUY', 'MARKET', 5, 0.0, 0.0, 10.0, 5.0);
    const co = await client.place_cover_order(a, 'NSE', 'SBIN', 'SELL', 'MARKET', 5, 0.0, BAND_TOP);
    const adv = await client.place_advanced_order('REGULAR', a, 'NSE', 'SBIN', 'SELL', 'LIMIT', 'INTRADAY', 3, BAND_TOP, 0.0, 0.0, 0.0, 0.0, 0, 'DAY', true, null, null, null);
    for (const placed of [bo, co, adv]) ctx.expect(placed).toMatchObject({ status: true });
    ctx.expect(await client.modify_order_by_platform_id(a, waiting.result, undefined, 12)).toMatchObject({ status: true, result: true });
    ctx.expect(await client.cancel_child_orders_by_platform_id(a, co.result)).toMatchObject({ status: true });
    ctx.expect(await client.cancel_order_by_platform_id(a, waiting.result)).toMatchObject({ status: true });
    ctx.expect(await client.cancel_order_by_platform_id(a, 'no-such-id')).toEqual(refused('Order [no-such-id] not found in pseudo account [LIVE_1].'));
    const read = await client.read_platform_orders(a);
    ctx.expect(read.result.length).toBeGreaterThanOrEqual(7);
    ctx.expect(read.result.find((o: any) => o.id === adv.result)).toMatchObject({ amo: true, status: 'OPEN' });
    ctx.expect((await client.read_platform_positions(a)).result.length).toBeGreaterThan(0);
    ctx.expect((await client.read_platform_margins(a)).result).toHaveLength(2);
    ctx.expect((await client.read_platform_holdings(a)).result).toEqual([ctx.expect.objectContaining({ symbol: 'SBIN', quantity: 4 })]);
    ctx.expect(await client.square_off_position(a, 'NET', 'BO', 'NSE', 'SBIN')).toMatchObject({ status: true });
    ctx.expect(await client.square_off_portfolio(a, 'DAY')).toMatchObject({ status: true });
    ctx.expect(await client.cancel_all_orders(a)).toMatchObject({ status: true, result: true });
    ctx.expect((await client.read_platform_positions(a)).result.every((p: any) => p.netQuantity === 0)).toBe(true);
    await ctx.expect(pythonClient(target.baseUrl!, DUMMY_KEY).read_platform_orders(a)).rejects.toThrow(/API Key is wrong/);
  });

  it("a made-up key gets 403 in AutoTrader's envelope", async (ctx) => {
    requires(ctx, target, 'stateful');
    await call(target, 'atFetchAllTradingAccounts', { headers: { 'api-key': DUMMY_KEY } })
      .expectStatus(403)
      .expectJsonLike({ status: false, result: null });
  });

  it('answers every function with a spec-valid envelope (shape only)', async (ctx) => {
    requires(ctx, target, 'sandboxed');
    const headers = { 'api-key': DUMMY_KEY };
    const account = { pseudoAccount: 'ACC_1' };
    const calls: Array<[string, { form?: Record<string, string | number>; query?: Record<string, string> }]> = [
      ['atFetchAllTradingAccounts', {}],
      ['atFetchLivePseudoAccounts', {}],
      ['atPlaceRegularOrder', { form: ORDER }],
      ['atPlaceCoverOrder', { form: { ...ORDER, triggerPrice: 600 } }],
      ['atPlaceBracketOrder', { form: { ...ORDER, triggerPrice: 0, target: 5, stoploss: 5, trailingStoploss: 0 } }],
      ['atPlaceAdvancedOrder', { form: { variety: 'BO', ...ORDER, triggerPrice: 0, target: 5, stoploss: 5, trailingStoploss: 0, disclosedQuantity: 0, validity: 'DAY', amo: 'false' } }],
      ['atModifyOrderByPlatformId', { form: { ...account, platformId: 'x', price: 700 } }],
      ['atCancelOrderByPlatformId', { form: { ...account, platformId: 'x' } }],
      ['atCancelChildOrdersByPlatformId', { form: { ...account, platformId: 'x' } }],
      ['atCancelAllOrders', { form: account }],
      ['atSquareOffPosition', { form: { ...account, category: 'NET', type: 'MIS', exchange: 'NSE', symbol: 'SBIN' } }],
      ['atSquareOffPortfolio', { form: { ...account, category: 'DAY' } }],
      ...(['Orders', 'Positions', 'Margins', 'Holdings'] as const).flatMap(
        (what) =>
          [
            [`atReadPlatform${what}`, { query: account }],
            [`atReadPlatform${what}Post`, { form: account }],
          ] as Array<[string, { form?: Record<string, string>; query?: Record<string, string> }]>,
      ),
    ];
    for (const [operationId, input] of calls) {
      const res = await call(target, operationId, { headers, ...input });
      ctx.expect(Object.keys(res.json as object).sort(), operationId).toEqual(ENVELOPE_KEYS);
    }
  });
});
