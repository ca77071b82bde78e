import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../mock/server.js';
import { BOOK_KEYS, HOLDING_KEYS, LIMIT_KEYS, PLACE_KEYS, PLACED_DETAIL_KEYS, POSITION_KEYS, STATUS_DETAIL_KEYS, SUMMARY_KEYS, TRADE_KEYS } from '../../contracts/published-fields.js';

/**
 * Samco's own published npm client, unchanged, against a listening sandbox. The only settings
 * made are the client's own: its base path, and a default X-Forwarded-For header so that the
 * sandbox (trusting the proxy header) sees the static IP the app registered.
 */
const require = createRequire(import.meta.url);
const bridge = (require('stocknotejsbridge') as { snapi: Record<string, (...args: any[]) => Promise<string>> & { setSessionToken(token: string): void } }).snapi;
const { ApiClient } = require('stock_note_api_documentation') as { ApiClient: { instance: { basePath: string; defaultHeaders: Record<string, string> } } };

const IP = '49.36.10.20';
const UID = 'SN1234';
const PASSWORD = 'sn-password';
const parse = (text: string) => JSON.parse(text) as Record<string, any>;

let server: ServerType;
let base = '';

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  // The control API answers only callers that are loopback at every hop: no forwarded address there.
  const from: Record<string, string> = path.startsWith('/__sandbox/') ? {} : { 'x-forwarded-for': IP };
  const res = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json', ...from, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  return (await res.json()) as Record<string, any>;
}
const lastMessage = async (kind: string) => (await call('GET', `/__sandbox/outbox?uid=${UID}&kind=${kind}`)).messages.at(-1);

/** Every field the client's model reads is there: none undefined, null or missing. */
function expectPopulated(record: Record<string, unknown>, fields: string[]) {
  for (const field of fields) expect(record[field], field).not.toBeUndefined();
}

beforeAll(async () => {
  const { app } = createSandbox({ seed: 'bridge', trustProxy: true });
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ApiClient.instance.basePath = base;
  ApiClient.instance.defaultHeaders['x-forwarded-for'] = IP;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('stocknotejsbridge 1.0.2, unchanged', () => {
  it('logs in (legacy chain and v3.2 session), trades, reads every book and logs out', async () => {
    await call('POST', '/__sandbox/accounts', {
      uid: UID,
      name: 'Bridge Trader',
      password: PASSWORD,
      yob: '1985',
      mobile: '9876543210',
      email: 'bridge@example.com',
      holdings: [{ exchange: 'NSE', symbolName: 'SBIN', quantity: 10, averagePrice: 700 }],
    });

    // The legacy chain, then the client's own userLogin.
    await call('POST', '/otp/generateOtp', { uid: UID });
    await call('POST', '/otp/secretKeyGenerator', { uid: UID, otp: (await lastMessage('otp-sms')).otp });
    const access = await call('POST', '/accessToken/token', { uid: UID, secretApiKey: (await lastMessage('secret-key-email')).secretApiKey });
    const login = parse(await bridge.userLogin!({ body: { userId: UID, password: PASSWORD, yob: '1985', accessToken: access.accessToken } }));
    expect(login).toMatchObject({ status: 'Success', statusMessage: 'Login session token generated successfully', accountID: UID });
    expectPopulated(login, ['serverTime', 'msgId', 'status', 'statusMessage', 'sessionToken', 'accountID', 'accountName', 'exchangeList', 'orderTypeList', 'productList']);

    // A v3.2 app with a static IP, and its session token, for the order calls.
    const dashboard = { 'x-dashboard-token': (await call('POST', '/app/api/login', { userId: UID, password: PASSWORD })).dashboardToken };
    const created = await call('POST', '/app/api/apps', { appName: 'Bridge Bot', redirectUrl: 'https://example.com/cb' }, dashboard);
    const verified = await call('POST', `/app/api/challenges/${created.challenge.challengeId}/verify`, { otp: (await lastMessage('otp-sms')).otp }, dashboard);
    const ip = await call('POST', '/app/api/static-ips', { appId: verified.app.appId, ipType: 'PRIMARY', ipAddress: IP }, dashboard);
    await call('POST', `/app/api/challenges/${ip.challenge.challengeId}/verify`, { otp: (await lastMessage('otp-sms')).otp }, dashboard);
    const session = await call('POST', '/session/token', { apiKey: (await lastMessage('api-key-email')).apiKey, apiSecret: verified.apiSecret });
    bridge.setSessionToken(session.sessionToken);

    const limits = parse(await bridge.userLimits!());
    expect(limits.statusMessage).toBe('User Limit details retrieved successfully');
    expectPopulated(limits.equityLimit, LIMIT_KEYS);

    // As the client's README places an order: disclosedQuantity "", and the client adds remarksValue.
    const placed = parse(
      await bridge.placeOrder!({
        body: {
          symbolName: 'IDEA',
          exchange: 'NSE',
          transactionType: 'BUY',
          orderType: 'L',
          price: '13.30',
          quantity: '10',
          disclosedQuantity: '',
          orderValidity: 'DAY',
          productType: 'CNC',
          afterMarketOrderFlag: 'NO',
        },
      }),
    );
    expect(placed).toMatchObject({ status: 'Success', statusMessage: 'CNC Order request placed successfully', exchangeOrderStatus: 'PENDING', rejectionReason: '' });
    expectPopulated(placed, PLACE_KEYS);
    expectPopulated(placed.orderDetails, PLACED_DETAIL_KEYS);
    const { orderNumber } = placed;

    const modified = parse(await bridge.modifyOrders!(orderNumber, { body: { orderType: 'L', quantity: '10', price: '13.35', orderValidity: 'DAY' } }));
    expect(modified).toMatchObject({ status: 'Success', statusMessage: 'Order  modified successfully.' });

    await call('PUT', '/__sandbox/market/prices', { symbolName: 'IDEA', price: 13.3, volume: 4 });
    const status = parse(await bridge.orderStatus!(orderNumber));
    expect(status).toMatchObject({ orderNumber, orderStatus: 'OPEN', orderDetails: { filledQuantity: '4', orderPrice: '13.35' } });
    expectPopulated(status.orderDetails, STATUS_DETAIL_KEYS);

    const book = parse(await bridge.orderBook!());
    expect(book.orderBookDetails).toHaveLength(1);
    expectPopulated(book.orderBookDetails[0], BOOK_KEYS);

    const triggers = parse(await bridge.getTriggerOrder!(orderNumber));
    expect(triggers).toMatchObject({ status: 'Success', statusMessage: 'SubOrder details retrieved successfully.', triggerOrders: [] });

    const cancelled = parse(await bridge.cancelOrders!(orderNumber));
    expect(cancelled).toMatchObject({ status: 'Success', orderNumber, statusMessage: 'Order cancellation request placed successfully' });

    const trades = parse(await bridge.tradeBook!());
    expect(trades.tradeBookDetails).toHaveLength(1);
    expectPopulated(trades.tradeBookDetails[0], TRADE_KEYS);

    const positions = parse(await bridge.userPositions!('DAY'));
    expectPopulated(positions.positionSummary, SUMMARY_KEYS);
    expect(positions.positionDetails).toHaveLength(1);
    expectPopulated(positions.positionDetails[0], POSITION_KEYS);

    const holdings = parse(await bridge.holdings!());
    expectPopulated(holdings.holdingSummary, [...SUMMARY_KEYS, 'portfolioValue']);
    expect(holdings.holdingDetails[0]).toMatchObject({ tradingSymbol: 'SBIN-EQ', holdingsQuantity: '10', isin: 'INE062A01020' });
    expectPopulated(holdings.holdingDetails[0], HOLDING_KEYS);

    // The client's positionConversion and positionSquareoff (issue 18b): the 4 IDEA CNC filled above, 2 of them to MIS, then closed.
    const converted = parse(
      await bridge.positionConversion!({
        body: { symbolName: 'IDEA', exchange: 'NSE', transactionType: 'BUY', positionType: 'DAY', netQuantity: '4', quantityToConvert: '2', fromProductType: 'CNC', toProductType: 'MIS' },
      }),
    );
    expect(converted).toEqual({ serverTime: expect.any(String), msgId: expect.any(String), status: 'Success', statusMsg: 'Position Conversion from CNC to MIS successful' });
    const squared = parse(
      await bridge.positionSquareoff!({ body: { positionSquareOffRequestList: [{ exchange: 'NSE', symbolName: 'IDEA', productType: 'MIS', netQuantity: '2', transactionType: 'BUY' }] } }),
    );
    expect(squared.positionSquareOffResponseList).toEqual([{ serverTime: expect.any(String), msgId: expect.any(String), status: 'Success', statusMessage: 'Request successful' }]);

    const logout = parse(await bridge.userLogout!());
    expect(logout).toMatchObject({ status: 'Success', statusMessage: 'Request successful' });
    expect((await call('GET', '/limit/getLimits', undefined, { 'x-session-token': session.sessionToken })).statusMessage).toMatch(/logout/);
  });

  it('a refusal reaches the client as the body text it resolves with', async () => {
    bridge.setSessionToken('not-a-session-token');
    const refused = parse(await bridge.userLimits!());
    expect(refused).toMatchObject({ status: 'Failure', statusMessage: 'Unauthorized - Invalid token. sessId missing.' });
  });
});
