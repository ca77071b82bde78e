import { randomInt } from 'node:crypto';
import { afterAll, describe, inject, it } from 'vitest';
import { call, requires } from './client.js';
import { confirm, createApp, lastMessage, newAccount, otpFor, signIn } from './flows.js';

/**
 * Reference rules (samco-trade-api.md, Static IPs page, Sessions, Legacy flow): public IPv4 only;
 * an IP another client holds is refused; order calls from an unregistered IP get 403 "The IP is
 * not the registered static IP"; whoami tells srcIp, primaryIp, secondaryIp, matches, matchedAs;
 * the legacy chain OTP -> secret key -> access token -> login gives a session under the same
 * rules. The sandbox runs with --trust-proxy, so X-Forwarded-For stands for the caller's IP.
 */
const ip = () => `49.${randomInt(32, 250)}.${randomInt(0, 255)}.${randomInt(1, 254)}`;
const from = (address: string, headers: Record<string, string> = {}) => ({ ...headers, 'x-forwarded-for': address });
const ORDER = { symbolName: 'INFY', exchange: 'NSE', transactionType: 'BUY', orderType: 'L', quantity: '5', price: '1500.50', orderValidity: 'DAY', productType: 'MIS' };

describe.each(inject('targets'))('static IPs and order calls on $name', (target) => {
  async function registered() {
    const account = await newAccount(target);
    const auth = await signIn(target, account);
    const created = await createApp(target, account, auth, 'Algo Desk');
    const home = ip();
    const res = await call(target, 'setStaticIp', { headers: auth, body: { appId: created.app.appId, ipType: 'PRIMARY', ipAddress: home } })
      .expectStatus(200)
      .expectJsonLike({ challenge: { action: 'set-ip', appId: created.app.appId } });
    const done = await confirm(target, account, auth, (res.json as any).challenge);
    return { account, auth, home, done, ...created };
  }

  it('registers a PRIMARY IP behind an OTP; order calls then work from it and get 403 elsewhere', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { apiKey, apiSecret, home, done } = await registered();
    ctx.expect(done.staticIps).toMatchObject({ primaryIp: home, secondaryIp: null });
    const session = await call(target, 'sessionToken', { body: { apiKey, apiSecret }, headers: from(home) })
      .expectStatus(200)
      .expectJsonLike({ srcIp: home, primaryIp: home });
    const headers = { 'x-session-token': (session.json as any).sessionToken };
    await call(target, 'placeOrder', { headers: from('8.8.4.4', headers), body: ORDER })
      .expectStatus(403)
      .expectJsonLike({ status: 'Failure', statusMessage: 'The IP is not the registered static IP' });
    const placed = await call(target, 'placeOrder', { headers: from(home, headers), body: ORDER })
      .expectStatus(200)
      .expectJsonLike({ exchangeOrderStatus: 'PENDING' });
    const orderNumber = (placed.json as any).orderNumber;
    await call(target, 'getOrderStatus', { headers: from(home, headers), query: { orderNumber } })
      .expectStatus(200)
      .expectJsonLike({ orderStatus: 'PENDING' });
    await call(target, 'orderBook', { headers: from(home, headers) }).expectStatus(200);
    await call(target, 'cancelOrder', { headers: from(home, headers), query: { orderNumber } })
      .expectStatus(200)
      .expectJson('statusMessage', 'Order cancellation request placed successfully');
    await call(target, 'whoAmI', { headers: from('8.8.4.4', headers) })
      .expectStatus(200)
      .expectJsonLike({ matches: false, matchedAs: null });
    await call(target, 'whoAmI', { headers: from(home, headers) })
      .expectStatus(200)
      .expectJsonLike({ srcIp: home, matches: true, matchedAs: 'PRIMARY' });
  });

  it('refuses a private IP and an IP registered to another client', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const { home } = await registered();
    const account = await newAccount(target);
    const auth = await signIn(target, account);
    const { app } = await createApp(target, account, auth, 'Other Desk');
    await call(target, 'setStaticIp', { headers: auth, body: { appId: app.appId, ipType: 'PRIMARY', ipAddress: '192.168.1.10' } })
      .expectStatus(400)
      .expectJsonLike({ status: 'Failure', statusMessage: /private/ });
    await call(target, 'setStaticIp', { headers: auth, body: { appId: app.appId, ipType: 'PRIMARY', ipAddress: home } })
      .expectStatus(409)
      .expectJsonLike({ statusMessage: 'The IP is already registered to another client.' });
  });
});

describe.each(inject('targets'))('legacy login chain on $name', (target) => {
  it('OTP -> secret key -> access token -> login -> IP registration -> order book', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const account = await newAccount(target);
    await call(target, 'generateOtp', { body: { uid: account.uid } }).expectStatus(200);
    await call(target, 'secretKeyGenerator', { body: { uid: account.uid, otp: await otpFor(target, account.uid) } }).expectStatus(200);
    const secretApiKey = (await lastMessage(target, account.uid, 'secret-key-email')).secretApiKey;
    const token = await call(target, 'accessToken', { body: { uid: account.uid, secretApiKey } }).expectStatus(200);
    const login = await call(target, 'legacyLogin', { body: { userId: account.uid, password: account.password, yob: '1990', accessToken: (token.json as any).accessToken } })
      .expectStatus(200)
      .expectJsonLike({ statusMessage: 'Login session token generated successfully', accountID: account.uid });
    const headers = { 'x-session-token': (login.json as any).sessionToken };
    const home = ip();
    await call(target, 'placeOrder', { headers: from(home, headers), body: ORDER }).expectStatus(403);
    await call(target, 'ipRegistration', { body: { clientId: account.uid, password: account.password, primaryIp: home } })
      .expectStatus(200)
      .expectJsonLike({ statusMessage: 'Client IPs registered successfully', data: { user_id: account.uid, primary_ip: home, secondary_ip: null } });
    await call(target, 'placeOrder', { headers: from(home, headers), body: ORDER }).expectStatus(200);
    await call(target, 'ipUpdate', { body: { clientId: account.uid, password: account.password, primaryIp: ip() } })
      .expectStatus(400)
      .expectJson('statusMessage', 'IP update allowed only once per calendar week');
  });
});

describe.each(inject('targets'))('the sandbox clock on $name', (target) => {
  afterAll(async () => {
    // The clock moves forward only: a reset is the way back to the real time (this suite's accounts go with it).
    if (!missing(target)) await call(target, 'sandboxReset', { body: {} }).expectStatus(200);
  });

  it('a session valid at 07:59 IST is refused at 08:00 IST', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const account = await newAccount(target);
    const auth = await signIn(target, account);
    const { apiKey, apiSecret } = await createApp(target, account, auth, 'Clock Desk');
    const session = await call(target, 'sessionToken', { body: { apiKey, apiSecret } }).expectStatus(200);
    const headers = { 'x-session-token': (session.json as any).sessionToken };
    const now = await call(target, 'sandboxClock').expectStatus(200);
    const next8 = nextEightIst(Date.parse((now.json as any).now));
    await call(target, 'sandboxSetClock', { body: { set: new Date(next8 - 60_000).toISOString() } })
      .expectStatus(200)
      .expectJsonLike({ frozen: true });
    await call(target, 'getLimits', { headers }).expectStatus(200);
    await call(target, 'sandboxSetClock', { body: { advanceMs: 60_000 } })
      .expectStatus(200)
      .expectJsonLike({ serverTime: / 08:00:00$/ });
    await call(target, 'getLimits', { headers })
      .expectStatus(401)
      .expectJsonLike({ statusMessage: /expired/ });
  });
});

function nextEightIst(ms: number): number {
  const offset = 5.5 * 3600_000;
  const day = 24 * 3600_000;
  let eight = Math.floor((ms + offset) / day) * day + 8 * 3600_000 - offset;
  if (eight <= ms) eight += day;
  return eight;
}

function missing(target: { capabilities: string[]; unavailable?: string }) {
  return Boolean(target.unavailable) || !target.capabilities.includes('control');
}
