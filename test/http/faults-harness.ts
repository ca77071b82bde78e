import { expect } from 'vitest';
import { harness } from './harness.js';
import { openSandbox } from '../../mock/server.js';
import type { SandboxClock } from '../../mock/domain/clock.js';

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

/** The same trader on a sandbox whose state is in a file (--state): for what must survive a restart. */
export async function durableTrader(state: string, clock: SandboxClock) {
  const sandbox = await openSandbox({ state, seed: 'durable', clock });
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await sandbox.app.request(path, { method, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    return (await res.json()) as Record<string, any>;
  };
  await call('POST', '/__sandbox/accounts', { uid: 'AB1234', name: 'Ravi Kumar', password: 'pw-secret-1', yob: '1990', mobile: '9876543210', email: 'ravi@example.com' });
  const auth = { 'x-dashboard-token': (await call('POST', '/app/api/login', { userId: 'AB1234', password: 'pw-secret-1' })).dashboardToken as string };
  const lastOtp = async () => ((await call('GET', '/__sandbox/outbox?uid=AB1234&kind=otp-sms')).messages as Array<{ otp: string }>).at(-1)!.otp;
  const created = await call('POST', '/app/api/apps', { appName: 'Durable Bot', redirectUrl: 'https://example.com/cb' }, auth);
  const verified = await call('POST', `/app/api/challenges/${created.challenge.challengeId}/verify`, { otp: await lastOtp() }, auth);
  const apiKey = ((await call('GET', '/__sandbox/outbox?uid=AB1234&kind=api-key-email')).messages as Array<{ apiKey: string }>).at(-1)!.apiKey;
  const yourIp = (await call('GET', '/app/api/static-ips', undefined, auth)).yourIp as string;
  const pending = await call('POST', '/app/api/static-ips', { appId: verified.app.appId, ipType: 'PRIMARY', ipAddress: yourIp }, auth);
  await call('POST', `/app/api/challenges/${pending.challenge.challengeId}/verify`, { otp: await lastOtp() }, auth);
  const session = await call('POST', '/session/token', { apiKey, apiSecret: verified.apiSecret });
  return { sandbox, call, headers: { 'x-session-token': session.sessionToken as string } };
}
