import { describe, inject, it } from 'vitest';
import { call, requires } from './client.js';
import { newAtUser } from './flows.js';

/**
 * Reference rules (autotrader-web.md; seed 002): the api-key header authenticates every call;
 * View and Re-generate need the login password; after Re-generate the old key gets 403 at once;
 * every response has exactly result, message, status and commandId; records carry every field;
 * bodies are form-encoded; reads come as GET with a query or POST with a form; a pseudo account
 * that is not live is refused.
 */
const ORDER = { pseudoAccount: 'LIVE_1', exchange: 'NSE', symbol: 'SBIN', tradeType: 'BUY', orderType: 'LIMIT', productType: 'INTRADAY', quantity: 5, price: 610 };

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
    await call(target, 'atFetchAllTradingAccounts', { headers: { 'api-key': user.apiKey } }).expectStatus(403).expectJsonLike({ status: false, result: null });
    await call(target, 'atFetchAllTradingAccounts', { headers: { 'api-key': fresh } }).expectStatus(200).expectJsonLike({ status: true });
  });

  it('lists trading accounts without credentials, and only the live pseudo accounts', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { apiKey } = await newAtUser(target);
    const res = await call(target, 'atFetchAllTradingAccounts', { headers: { 'api-key': apiKey } }).expectStatus(200);
    ctx.expect((res.json as any).result.map((a: any) => [a.pseudoAccName, a.live])).toEqual([['LIVE_1', true], ['IDLE_1', false]]);
    await call(target, 'atFetchLivePseudoAccounts', { headers: { 'api-key': apiKey } }).expectStatus(200).expectJson('result', ['LIVE_1']);
  });

  it('places a regular order, reads it by GET and by POST, cancels it', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { apiKey } = await newAtUser(target);
    const headers = { 'api-key': apiKey };
    const placed = await call(target, 'atPlaceRegularOrder', { headers, form: ORDER }).expectStatus(200).expectJsonLike({ status: true, message: null });
    const id = (placed.json as any).result as string;
    await call(target, 'atReadPlatformOrders', { headers, query: { pseudoAccount: 'LIVE_1' } })
      .expectStatus(200)
      .expectJsonLike({ result: [{ id, status: 'OPEN', symbol: 'SBIN', quantity: 5 }] });
    await call(target, 'atCancelOrderByPlatformId', { headers, form: { pseudoAccount: 'LIVE_1', platformId: id } }).expectStatus(200).expectJson('result', true);
    await call(target, 'atReadPlatformOrdersPost', { headers, form: { pseudoAccount: 'LIVE_1' } })
      .expectStatus(200)
      .expectJsonLike({ result: [{ id, status: 'CANCELLED' }] });
    await call(target, 'atCancelOrderByPlatformId', { headers, form: { pseudoAccount: 'LIVE_1', platformId: id } }).expectStatus(409).expectJsonLike({ status: false });
  });

  it('a market order shows in positions and uses margin', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { apiKey } = await newAtUser(target);
    const headers = { 'api-key': apiKey };
    await call(target, 'atPlaceRegularOrder', { headers, form: { ...ORDER, orderType: 'MARKET', price: 0, tradeType: 'SELL' } }).expectStatus(200);
    await call(target, 'atReadPlatformPositions', { headers, query: { pseudoAccount: 'LIVE_1' } })
      .expectStatus(200)
      .expectJsonLike({ result: [{ symbol: 'SBIN', netQuantity: -5, direction: 'SHORT' }] });
    const margins = await call(target, 'atReadPlatformMarginsPost', { headers, form: { pseudoAccount: 'LIVE_1' } }).expectStatus(200);
    const equity = (margins.json as any).result.find((m: any) => m.category === 'EQUITY');
    ctx.expect(equity.utilized).toBeGreaterThan(0);
    ctx.expect(equity.available).toBeCloseTo(equity.funds - equity.utilized, 2);
  });

  it('refuses a pseudo account that is not live, and an order breaking the price rules', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { apiKey } = await newAtUser(target);
    const headers = { 'api-key': apiKey };
    await call(target, 'atPlaceRegularOrder', { headers, form: { ...ORDER, pseudoAccount: 'IDLE_1' } })
      .expectStatus(400)
      .expectJson({ result: null, message: 'Pseudo account [IDLE_1] is not live.', status: false, commandId: null });
    await call(target, 'atPlaceRegularOrder', { headers, form: { ...ORDER, price: 0 } }).expectStatus(400).expectJsonLike({ status: false, message: /LIMIT/ });
  });

  it('a made-up key gets 403 in AutoTrader\'s envelope', async (ctx) => {
    requires(ctx, target, 'stateful');
    await call(target, 'atFetchAllTradingAccounts', { headers: { 'api-key': '00000000-0000-4000-8000-000000000000' } })
      .expectStatus(403)
      .expectJsonLike({ status: false, result: null });
  });

  it('answers with spec-valid envelopes (shape only)', async (ctx) => {
    requires(ctx, target, 'sandboxed');
    await call(target, 'atFetchAllTradingAccounts', { headers: { 'api-key': '00000000-0000-4000-8000-000000000000' } });
    await call(target, 'atReadPlatformOrders', { headers: { 'api-key': '00000000-0000-4000-8000-000000000000' }, query: { pseudoAccount: 'ACC_1' } });
  });
});
