import { describe, expect, it } from 'vitest';
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
const ORDER_FIELDS = `id tradeType orderType productType variety validity quantity disclosedQuantity price triggerPrice amo statusMessage
  publisherId pseudoAccount tradingAccount stockBroker exchange symbol independentExchange independentSymbol modifiedTime createdTime
  parentOrderId exchangeOrderId averagePrice clientId rawStatus platformTime exchangeTime pendingQuantity filledQuantity platform status
  nestRequestId`.split(/\s+/);

const ORDER = { pseudoAccount: 'ACC_1', exchange: 'NSE', symbol: 'SBIN', tradeType: 'BUY', orderType: 'LIMIT', productType: 'INTRADAY', quantity: 10, price: 600.5 };

describe('AutoTrader API key', () => {
  it('is created at registration, viewable only with the password, and never stored in clear', async () => {
    const { h, apiKey } = await withUser();
    expect(apiKey).toMatch(/^[0-9a-f-]{36}$/);
    const wrong = await h.request('POST', '/autotrader/settings/api-key/view', { body: { username: USER.username, password: 'nope' } });
    expect(wrong).toMatchObject({ status: 401, body: { status: false, result: null, message: 'Invalid username or password.', commandId: null } });
    const user = h.domain.store.getAtUser(USER.username)!;
    expect(JSON.stringify(user)).not.toContain(apiKey);
    expect(JSON.stringify(user)).not.toContain(USER.password);
  });

  it('re-generate: the old key stops at once, the new one works; a wrong password changes nothing', async () => {
    const { h, apiKey, get } = await withUser();
    const refused = await h.request('POST', '/autotrader/settings/api-key/regenerate', { body: { username: USER.username, password: 'wrong' } });
    expect(refused.status).toBe(401);
    expect((await get('/account/fetchAllTradingAccounts')).status).toBe(200);
    const regenerated = await h.request('POST', '/autotrader/settings/api-key/regenerate', { body: { username: USER.username, password: USER.password } });
    const fresh = regenerated.body.result.apiKey as string;
    expect(fresh).not.toBe(apiKey);
    expect(await get('/account/fetchAllTradingAccounts')).toMatchObject({ status: 403, body: { status: false, result: null, commandId: null } });
    expect((await get('/account/fetchAllTradingAccounts', fresh)).status).toBe(200);
    const viewed = await h.request('POST', '/autotrader/settings/api-key/view', { body: { username: USER.username, password: USER.password } });
    expect(viewed.body.result.apiKey).toBe(fresh);
  });

  it('a missing key, a made-up key and a disabled user get 403 in AutoTrader\'s envelope', async () => {
    const { h, get } = await withUser();
    expect(await h.request('GET', '/account/fetchAllTradingAccounts')).toMatchObject({ status: 403, body: { status: false } });
    expect((await get('/account/fetchAllTradingAccounts', '00000000-0000-4000-8000-000000000000')).status).toBe(403);
    await h.request('POST', '/__sandbox/autotrader/users', { body: { ...USER, username: 'off@example.com', apiKey: '11111111-1111-4111-8111-111111111111', disabled: true } });
    expect(await get('/account/fetchAllTradingAccounts', '11111111-1111-4111-8111-111111111111')).toMatchObject({ status: 403, body: { message: 'User is disabled.' } });
  });
});

describe('AutoTrader functions', () => {
  it('fetches trading accounts (no credentials) and the live pseudo accounts', async () => {
    const { get } = await withUser();
    const accounts = await get('/account/fetchAllTradingAccounts');
    expect(Object.keys(accounts.body).sort()).toEqual(['commandId', 'message', 'result', 'status']);
    expect(accounts.body.result).toHaveLength(2);
    expect(accounts.body.result[0]).toMatchObject({ loginId: 'ZX1234', pseudoAccName: 'ACC_1', broker: 'Zerodha', live: true });
    expect((await get('/account/fetchLivePseudoAccounts')).body.result).toEqual(['ACC_1']);
  });

  it('places a validated regular order, reads it with every field, and cancels it once', async () => {
    const { form, get } = await withUser();
    const placed = await form('/trading/placeRegularOrder', ORDER);
    expect(placed.body).toMatchObject({ status: true, message: null });
    const id = placed.body.result as string;
    const orders = await get('/trading/readPlatformOrders?pseudoAccount=ACC_1');
    expect(orders.body.result).toHaveLength(1);
    expect(Object.keys(orders.body.result[0]).sort()).toEqual([...ORDER_FIELDS].sort());
    expect(orders.body.result[0]).toMatchObject({ id, status: 'OPEN', quantity: 10, price: 600.5, symbol: 'SBIN', pseudoAccount: 'ACC_1', tradingAccount: 'ZX1234' });
    expect((await form('/trading/cancelOrderByPlatformId', { pseudoAccount: 'ACC_1', platformId: id })).body).toMatchObject({ status: true, result: true });
    const again = await form('/trading/cancelOrderByPlatformId', { pseudoAccount: 'ACC_1', platformId: id });
    expect(again).toMatchObject({ status: 409, body: { status: false, message: expect.stringContaining('CANCELLED') } });
    expect((await form('/trading/readPlatformOrders', { pseudoAccount: 'ACC_1' })).body.result[0].status).toBe('CANCELLED');
  });

  it('a market order fills, and shows in positions and margins', async () => {
    const { form, get } = await withUser();
    await form('/trading/placeRegularOrder', { ...ORDER, orderType: 'MARKET', price: 0, quantity: 4 });
    const positions = (await get('/trading/readPlatformPositions?pseudoAccount=ACC_1')).body.result;
    expect(positions).toHaveLength(1);
    expect(positions[0]).toMatchObject({ symbol: 'SBIN', netQuantity: 4, type: 'MIS', direction: 'LONG', state: 'OPEN' });
    const margins = (await form('/trading/readPlatformMargins', { pseudoAccount: 'ACC_1' })).body.result;
    const equity = margins.find((m: { category: string }) => m.category === 'EQUITY');
    expect(equity.funds).toBe(200000);
    expect(equity.utilized).toBeCloseTo(4 * positions[0].buyAvgPrice, 2);
  });

  it.each([
    [{ price: 0 }, /LIMIT/],
    [{ orderType: 'MARKET', price: 10 }, /MARKET/],
    [{ orderType: 'STOP_LOSS' }, /triggerPrice/],
    [{ orderType: 'SL_MARKET', price: 0 }, /triggerPrice/],
  ])('refuses an order breaking the price rules: %j', async (change, message) => {
    const { h, form } = await withUser();
    const res = await form('/trading/placeRegularOrder', { ...ORDER, ...change });
    expect(res).toMatchObject({ status: 400, body: { status: false, result: null, message: expect.stringMatching(message) } });
    expect(h.domain.store.atOrders(USER.username, 'ACC_1')).toHaveLength(0);
  });

  it('refuses bad parameters and a pseudo account that is not live, naming the problem', async () => {
    const { form } = await withUser();
    expect((await form('/trading/placeRegularOrder', { ...ORDER, exchange: 'NYSE' })).body.message).toMatch(/body\.exchange/);
    expect((await form('/trading/placeRegularOrder', { ...ORDER, quantity: 'ten' })).body.message).toMatch(/body\.quantity/);
    expect((await form('/trading/placeRegularOrder', { ...ORDER, pseudoAccount: 'ACC_2' })).body.message).toBe('Pseudo account [ACC_2] is not live.');
    expect((await form('/trading/placeRegularOrder', { ...ORDER, pseudoAccount: 'NOPE' })).status).toBe(400);
  });

  it('a JSON body where a form is expected: 415 in AutoTrader\'s envelope', async () => {
    const { h, apiKey } = await withUser();
    const res = await h.request('POST', '/trading/placeRegularOrder', { body: ORDER, headers: { 'api-key': apiKey } });
    expect(res).toMatchObject({ status: 415, body: { status: false, result: null, commandId: null } });
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
