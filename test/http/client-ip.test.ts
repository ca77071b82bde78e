import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../mock/server.js';
import { DEFAULT_CLIENT_IP } from '../../mock/http/source-ip.js';
import { harness } from './harness.js';

const ORDER = { symbolName: 'INFY', exchange: 'NSE', transactionType: 'BUY', orderType: 'L', quantity: '5', price: '1500.50', orderValidity: 'DAY', productType: 'MIS' };

/** A caller as the Node server hands it over: its socket (enough for calls without a body). */
const local = (srcIp?: string) => ({ incoming: { socket: { remoteAddress: srcIp ?? '::ffff:127.0.0.1' } } }) as never;

async function registered(options: Parameters<typeof harness>[0] = {}) {
  const h = harness(options);
  const who = await h.account();
  const { app, apiKey, apiSecret } = await h.createApp(who, 'One Laptop');
  const yourIp = (await h.request('GET', '/app/api/static-ips', { headers: who.auth })).body.yourIp as string;
  const pending = await h.request('POST', '/app/api/static-ips', { headers: who.auth, body: { appId: app.appId, ipType: 'PRIMARY', ipAddress: yourIp } });
  expect((await h.confirm(who, pending.body.challenge.challengeId)).status).toBe(200);
  const session = await h.request('POST', '/session/token', { body: { apiKey, apiSecret } });
  return { h, yourIp, headers: { 'x-session-token': session.body.sessionToken as string, 'content-type': 'application/json' } };
}

describe('the simulated client IP', () => {
  it('lets a caller on this machine register its IP and then place an order, with no proxy', async () => {
    const { h, yourIp, headers } = await registered();
    expect(yourIp).toBe(DEFAULT_CLIENT_IP);
    // In-process without a srcIp binding is a local caller too.
    const placed = await h.request('POST', '/order/placeOrder', { headers, body: ORDER });
    expect(placed.status).toBe(200);
    const who = await (await h.app.request('/ip/whoami', { headers }, local())).json();
    expect(who).toMatchObject({ srcIp: DEFAULT_CLIENT_IP, matches: true, matchedAs: 'PRIMARY' });
  });

  it('is configurable, and must be an address Samco would register', async () => {
    const { yourIp } = await registered({ clientIp: '49.36.77.7' });
    expect(yourIp).toBe('49.36.77.7');
    expect(() => createSandbox({ clientIp: '10.1.2.3' })).toThrow(/private/);
    expect(() => createSandbox({ clientIp: '127.0.0.1' })).toThrow(/loopback/);
  });

  it('never replaces a remote caller, and the loopback address still cannot be registered', async () => {
    const { h, headers } = await registered();
    const remote = await (await h.app.request('/ip/whoami', { headers }, local('8.8.4.4'))).json();
    expect(remote.srcIp).toBe('8.8.4.4');
    const who = await h.account('CD5678', 'pw-secret-2');
    const { app } = await h.createApp(who, 'Loopback Try');
    const refused = await h.request('POST', '/app/api/static-ips', { headers: who.auth, body: { appId: app.appId, ipType: 'PRIMARY', ipAddress: '127.0.0.1' } });
    expect(refused.status).toBe(400);
  });

  it('says when X-Forwarded-For is sent but ignored, in whoami and in the request log', async () => {
    const { h, headers } = await registered();
    const res = await h.app.request('/ip/whoami', { headers: { ...headers, 'x-forwarded-for': '49.36.10.20' } }, local());
    const body = await res.json();
    expect(body.srcIp).toBe(DEFAULT_CLIENT_IP);
    expect(body.statusMessage).toMatch(/X-Forwarded-For ignored: start the sandbox with --trust-proxy/);
    expect(h.logs.at(-1)).toMatch(/^GET \/ip\/whoami 200 [\d.]+ms account=AB1234 ip=49\.36\.200\.1 x-forwarded-for=ignored/);
  });

  it('uses X-Forwarded-For with --trust-proxy, so several simulated clients share one machine', async () => {
    const { h, headers } = await registered({ trustProxy: true });
    const other = await (await h.app.request('/ip/whoami', { headers: { ...headers, 'x-forwarded-for': '49.36.10.20' } }, local())).json();
    expect(other).toMatchObject({ srcIp: '49.36.10.20', matches: false });
    expect(other.statusMessage).not.toMatch(/ignored/);
  });

  it('logs the account, source IP and refusal code of each request, never a token', async () => {
    const { h, headers } = await registered();
    const refused = await h.request('POST', '/order/placeOrder', { headers, body: ORDER, srcIp: '8.8.4.4' });
    expect(refused.status).toBe(403);
    expect(h.logs.at(-1)).toMatch(/^POST \/order\/placeOrder 403 [\d.]+ms account=AB1234 ip=8\.8\.4\.4 code=IP_NOT_REGISTERED errorCode=EOAUTH009$/);
    expect(h.logs.join('\n')).not.toContain(headers['x-session-token']);
  });
});

describe('the request log', () => {
  it('names the account a sign-in or token call is for, and the real peer of control calls', async () => {
    const { h } = await registered();
    expect(h.logs.find((l) => l.startsWith('POST /session/token 200'))).toMatch(/account=AB1234 ip=49\.36\.200\.1$/);
    expect(h.logs.find((l) => l.startsWith('POST /app/api/login 200'))).toMatch(/account=AB1234/);
    await h.app.request('/__sandbox/info', {}, local());
    expect(h.logs.at(-1)).toMatch(/^GET \/__sandbox\/info 200 [\d.]+ms peer=::ffff:127\.0\.0\.1$/);
  });
});
