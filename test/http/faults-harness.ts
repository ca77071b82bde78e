import { expect } from 'vitest';
import { harness } from './harness.js';

export const ORDER = { symbolName: 'INFY', exchange: 'NSE', transactionType: 'BUY', orderType: 'L', quantity: '5', price: '1500.50', orderValidity: 'DAY', productType: 'MIS' };

/** A sandbox with one account whose app has the local IP registered, and a session: ready to place orders. */
export async function trader(options: Parameters<typeof harness>[0] = {}) {
  const h = harness(options);
  const who = await h.account();
  const { app, apiKey, apiSecret } = await h.createApp(who, 'Chaos Bot');
  const yourIp = (await h.request('GET', '/app/api/static-ips', { headers: who.auth })).body.yourIp as string;
  const pending = await h.request('POST', '/app/api/static-ips', { headers: who.auth, body: { appId: app.appId, ipType: 'PRIMARY', ipAddress: yourIp } });
  expect((await h.confirm(who, pending.body.challenge.challengeId)).status).toBe(200);
  const session = await h.request('POST', '/session/token', { body: { apiKey, apiSecret } });
  const headers = { 'x-session-token': session.body.sessionToken as string };
  const orders = async () => ((await h.request('GET', '/order/orderBook', { headers })).body.orderBookDetails ?? []) as Array<Record<string, string>>;
  const addRule = async (rule: unknown) => {
    const res = await h.request('POST', '/__sandbox/faults', { body: { rules: [rule] } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  return { h, who, app, apiKey, apiSecret, headers, orders, addRule };
}
