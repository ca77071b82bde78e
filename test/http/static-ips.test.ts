import { describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_IP } from '../../mock/http/source-ip.js';
import { IST_OFFSET_MS } from '../../mock/domain/ist.js';
import { IP_CHANGE_COOLDOWN_MS } from '../../mock/domain/static-ips.js';
import { harness } from './harness.js';

const HOME = '49.36.10.20';
const BACKUP = '49.36.10.21';
const ELSEWHERE = '8.8.4.4';
const ORDER = { symbolName: 'INFY', exchange: 'NSE', transactionType: 'BUY', orderType: 'L', quantity: '5', price: '1500.50', orderValidity: 'DAY', productType: 'MIS', afterMarketOrderFlag: 'NO' };
const IP_REFUSED = { status: 403, body: { status: 'Failure', statusMessage: 'The IP is not the registered static IP', errorCode: 'EOAUTH009' } };

async function withSession(options: Parameters<typeof harness>[0] = {}) {
  const h = harness(options);
  const who = await h.account();
  const { app, apiKey, apiSecret } = await h.createApp(who, 'Static IP App');
  for (const [ipType, ipAddress] of [
    ['PRIMARY', HOME],
    ['SECONDARY', BACKUP],
  ] as const) {
    const pending = await h.request('POST', '/app/api/static-ips', { headers: who.auth, body: { appId: app.appId, ipType, ipAddress } });
    expect(pending.status).toBe(200);
    expect((await h.confirm(who, pending.body.challenge.challengeId)).status).toBe(200);
    // A new address is an IP change: the next one waits 7 days (and the dashboard sign-in, 12 hours, is renewed).
    h.clock.advance(IP_CHANGE_COOLDOWN_MS);
    who.auth['x-dashboard-token'] = (await h.request('POST', '/app/api/login', { body: { userId: who.uid, password: who.password } })).body.dashboardToken;
  }
  const session = await h.request('POST', '/session/token', { body: { apiKey, apiSecret }, srcIp: HOME });
  const headers = { 'x-session-token': session.body.sessionToken as string };
  return { h, who, app, session, headers };
}

describe('static IPs over HTTP', () => {
  it('session token and the Static IPs page show the registered IPs and "Your IP"', async () => {
    const { h, who, session } = await withSession();
    expect(session.body).toMatchObject({ srcIp: HOME, primaryIp: HOME, secondaryIp: BACKUP });
    const page = await h.request('GET', '/app/api/static-ips', { headers: who.auth, srcIp: '49.36.99.99' });
    expect(page.body).toMatchObject({ rows: [{ appName: 'Static IP App', primaryIp: HOME, secondaryIp: BACKUP }], yourIp: '49.36.99.99' });
    expect(page.body.nextChangeAllowedAt).toBeNull();
  });

  it('place, modify and cancel from an unregistered IP get 403; from PRIMARY or SECONDARY they work; reads are not IP-checked', async () => {
    const { h, headers } = await withSession();
    expect(await h.request('POST', '/order/placeOrder', { headers, body: ORDER, srcIp: ELSEWHERE })).toMatchObject(IP_REFUSED);
    expect(await h.request('PUT', '/order/modifyOrder/1', { headers, body: { orderValidity: 'DAY' }, srcIp: ELSEWHERE })).toMatchObject(IP_REFUSED);
    expect(await h.request('DELETE', '/order/cancelOrder?orderNumber=1', { headers, srcIp: ELSEWHERE })).toMatchObject(IP_REFUSED);

    const placed = await h.request('POST', '/order/placeOrder', { headers, body: ORDER, srcIp: HOME });
    expect(placed.body).toMatchObject({
      statusMessage: 'MIS Order request placed successfully',
      exchangeOrderStatus: 'PENDING',
      orderDetails: { tradingSymbol: 'INFY-EQ', quantity: 5, orderPrice: '1500.50' },
    });
    const number = placed.body.orderNumber;
    for (const path of ['/order/orderBook', `/order/getOrderStatus?orderNumber=${number}`, '/trade/tradeBook', '/position/getPositions?positionType=DAY', '/holding/getHoldings']) {
      expect((await h.request('GET', path, { headers, srcIp: ELSEWHERE })).status, path).toBe(200);
    }
    expect((await h.request('GET', `/order/getOrderStatus?orderNumber=${number}`, { headers, srcIp: BACKUP })).body).toMatchObject({ orderStatus: 'PENDING' });
    expect((await h.request('DELETE', `/order/cancelOrder?orderNumber=${number}`, { headers, srcIp: BACKUP })).body.statusMessage).toBe('Order cancellation request placed successfully');
    expect((await h.request('DELETE', `/order/cancelOrder?orderNumber=${number}`, { headers, srcIp: HOME })).status).toBe(400);
    expect((await h.request('GET', '/order/orderBook', { headers, srcIp: HOME })).body.orderBookDetails).toHaveLength(1);
  });

  it('non-order calls (limits, whoami) do not check the IP; whoami says what matched', async () => {
    const { h, headers } = await withSession();
    expect((await h.request('GET', '/limit/getLimits', { headers, srcIp: ELSEWHERE })).status).toBe(200);
    expect((await h.request('GET', '/ip/whoami', { headers, srcIp: BACKUP })).body).toMatchObject({
      srcIp: BACKUP,
      matches: true,
      matchedAs: 'SECONDARY',
      statusMessage: `Calling from registered SECONDARY IP (${BACKUP}).`,
    });
    expect((await h.request('GET', '/ip/whoami', { headers, srcIp: ELSEWHERE })).body).toMatchObject({
      matches: false,
      matchedAs: null,
      statusMessage: `Calling IP (${ELSEWHERE}) is NOT a registered IP. Registered: PRIMARY=${HOME}, SECONDARY=${BACKUP}. Order endpoints will reject this host.`,
    });
  });

  it('refuses order input that breaks the price rules, naming it', async () => {
    const { h, headers } = await withSession();
    const res = await h.request('POST', '/order/placeOrder', { headers, body: { ...ORDER, price: '0' }, srcIp: HOME });
    expect(res).toMatchObject({ status: 400, body: { statusMessage: expect.stringMatching(/price is required/) } });
    const market = await h.request('POST', '/order/placeOrder', { headers, body: { ...ORDER, orderType: 'MKT', price: undefined }, srcIp: HOME });
    expect(market).toMatchObject({ status: 400, body: { statusMessage: 'Invalid orderType: only L (Limit) and SL (Stop Loss Limit) orders are accepted.' } });
  });

  it('deactivating the app deregisters its IPs: whoami then matches nothing', async () => {
    const { h, who, app, headers } = await withSession();
    const pending = await h.request('POST', `/app/api/apps/${app.appId}/deactivate`, { headers: who.auth });
    await h.confirm(who, pending.body.challenge.challengeId);
    const page = await h.request('GET', '/app/api/static-ips', { headers: who.auth });
    expect(page.body.rows[0]).toMatchObject({ primaryIp: null, secondaryIp: null, status: 'Deactivated' });
    expect((await h.request('GET', '/ip/whoami', { headers, srcIp: HOME })).status).toBe(401);
  });

  it('X-Forwarded-For counts only when the sandbox trusts a proxy', async () => {
    const plain = harness();
    const trusting = harness({ trustProxy: true });
    const whoPlain = await plain.account();
    const whoTrusting = await trusting.account();
    const xff = { 'x-forwarded-for': `${HOME}, 10.0.0.1` };
    expect((await plain.request('GET', '/app/api/me', { headers: { ...whoPlain.auth, ...xff } })).body.yourIp).toBe(DEFAULT_CLIENT_IP);
    expect((await trusting.request('GET', '/app/api/me', { headers: { ...whoTrusting.auth, ...xff } })).body.yourIp).toBe(HOME);
  });
});

describe('legacy chain over HTTP', () => {
  it('OTP -> secret key -> access token -> login -> IP register -> order', async () => {
    const h = harness();
    const who = await h.account('AB1234', 'trading-pw');
    await h.request('POST', '/otp/generateOtp', { body: { uid: who.uid } });
    const otp = (await h.outbox(`uid=${who.uid}&kind=otp-sms`)).at(-1)!.otp;
    await h.request('POST', '/otp/secretKeyGenerator', { body: { uid: who.uid, otp } });
    const secretApiKey = (await h.outbox(`uid=${who.uid}&kind=secret-key-email`)).at(-1)!.secretApiKey;
    const token = await h.request('POST', '/accessToken/token', { body: { uid: who.uid, secretApiKey } });
    expect(token.body).toMatchObject({ status: 'Success', accessToken: expect.any(String) });
    expect((await h.request('POST', '/accessToken/token', { body: { uid: who.uid, secretApiKey: 'nope' } })).body.statusMessage).toBe('Secret key does not match');
    const login = await h.request('POST', '/login', { body: { userId: who.uid, password: 'trading-pw', yob: '1990', accessToken: token.body.accessToken } });
    expect(login.body).toMatchObject({ statusMessage: 'Login session token generated successfully', accountID: 'AB1234' });
    expect((await h.request('POST', '/login', { body: { userId: who.uid, password: 'nope', accessToken: token.body.accessToken } })).body.statusMessage).toBe('Invalid Password');
    const headers = { 'x-session-token': login.body.sessionToken };
    expect((await h.request('POST', '/order/placeOrder', { headers, body: ORDER, srcIp: HOME })).status).toBe(403);

    const wrongPw = await h.request('POST', '/ip/ipRegistration', { body: { clientId: who.uid, password: 'nope', primaryIp: HOME } });
    expect(wrongPw).toMatchObject({ status: 401, body: { statusMessage: 'Incorrect Password' } });
    const reg = await h.request('POST', '/ip/ipRegistration', { body: { clientId: who.uid, password: 'trading-pw', primaryIp: HOME, secondaryIp: BACKUP } });
    expect(reg.body).toMatchObject({ statusMessage: 'Client IPs registered successfully', data: { user_id: 'AB1234', primary_ip: HOME, secondary_ip: BACKUP } });
    expect((await h.request('POST', '/ip/ipRegistration', { body: { clientId: who.uid, password: 'trading-pw', primaryIp: HOME, secondaryIp: BACKUP } })).status).toBe(409);
    expect((await h.request('POST', '/order/placeOrder', { headers, body: ORDER, srcIp: HOME })).status).toBe(200);
    expect((await h.request('POST', '/ip/ipUpdate', { body: { clientId: who.uid, password: 'trading-pw', primaryIp: '49.36.10.30' } })).body.statusMessage).toBe(
      'IP update allowed only once per calendar week',
    );
    expect((await h.request('DELETE', '/logout', { headers })).status).toBe(200);
  });
});

describe('the sandbox clock', () => {
  it('moves every rule: a session valid at 07:59 IST is refused at 08:00 IST', async () => {
    const h = harness();
    const who = await h.account();
    const { apiKey, apiSecret } = await h.createApp(who, 'Clock App');
    const token = (await h.request('POST', '/session/token', { body: { apiKey, apiSecret } })).body.sessionToken;
    const sevenFiftyNine = new Date(Date.UTC(2025, 11, 18, 7, 59) - IST_OFFSET_MS).toISOString();
    const set = await h.request('POST', '/__sandbox/clock', { body: { set: sevenFiftyNine } });
    expect(set.body).toMatchObject({ serverTime: '18/12/25 07:59:00', frozen: true });
    expect((await h.request('GET', '/limit/getLimits', { headers: { 'x-session-token': token } })).status).toBe(200);
    await h.request('POST', '/__sandbox/clock', { body: { advanceMs: 60_000 } });
    expect((await h.request('GET', '/__sandbox/clock')).body.serverTime).toBe('18/12/25 08:00:00');
    expect((await h.request('GET', '/limit/getLimits', { headers: { 'x-session-token': token } })).body.statusMessage).toMatch(/expired/);
  });

  it('refuses an ambiguous move, and goes back to real time', async () => {
    const h = harness();
    expect((await h.request('POST', '/__sandbox/clock', { body: { set: '2030-01-01T00:00:00Z', advanceMs: 5 } })).status).toBe(400);
    expect((await h.request('POST', '/__sandbox/clock', { body: {} })).status).toBe(400);
    const real = await h.request('POST', '/__sandbox/clock', { body: { real: true } });
    expect(Math.abs(Date.parse(real.body.now) - Date.now())).toBeLessThan(5000);
    expect(real.body.frozen).toBe(false);
  });
});
