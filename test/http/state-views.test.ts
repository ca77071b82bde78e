import { describe, expect, it } from 'vitest';
import { harness } from './harness.js';

const ORDER = { symbolName: 'INFY', exchange: 'NSE', transactionType: 'BUY', orderType: 'L', quantity: '5', price: '1500.50', orderValidity: 'DAY', productType: 'MIS' };

async function busyAccount() {
  const h = harness();
  const who = await h.account();
  const { app, apiKey, apiSecret } = await h.createApp(who, 'Viewed App');
  await h.createApp(who, 'Second App');
  const yourIp = (await h.request('GET', '/app/api/static-ips', { headers: who.auth })).body.yourIp;
  const pending = await h.request('POST', '/app/api/static-ips', { headers: who.auth, body: { appId: app.appId, ipType: 'PRIMARY', ipAddress: yourIp } });
  await h.confirm(who, pending.body.challenge.challengeId);
  const tokens: string[] = [];
  for (let i = 0; i < 3; i++) tokens.push((await h.request('POST', '/session/token', { body: { apiKey, apiSecret } })).body.sessionToken);
  await h.request('DELETE', '/logout', { headers: { 'x-session-token': tokens[0]! } });
  const headers = { 'x-session-token': tokens[2]! };
  const placed = await h.request('POST', '/order/placeOrder', { headers, body: ORDER });
  await h.request('POST', '/order/placeOrder', { headers, body: { ...ORDER, symbolName: 'IDEA', price: '13.30', productType: 'CNC', quantity: '10' } });
  await h.request('PUT', '/__sandbox/market/prices', { body: { symbolName: 'INFY', price: 1500, volume: 2 } });
  return { h, who, app, apiKey, apiSecret, tokens, yourIp, orderNumber: placed.body.orderNumber as string };
}

describe('the control API lists an account’s state (issue 20)', () => {
  it('apps, without keys or secrets; static IPs with the next allowed change', async () => {
    const { h, who, app, apiKey, apiSecret, yourIp } = await busyAccount();
    const apps = await h.request('GET', `/__sandbox/accounts/${who.uid}/apps`);
    expect(apps.status).toBe(200);
    expect(apps.body).toMatchObject({ total: 2, offset: 0, limit: 100 });
    expect(apps.body.apps.map((a: { name: string }) => a.name)).toEqual(['Viewed App', 'Second App']);
    expect(JSON.stringify(apps.body)).not.toContain(apiKey);
    expect(JSON.stringify(apps.body)).not.toContain(apiSecret);
    expect(Object.keys(apps.body.apps[0]).sort()).toEqual(['createdAt', 'id', 'name', 'redirectUrl', 'status', 'uid', 'updatedAt']);
    const ips = await h.request('GET', `/__sandbox/accounts/${who.uid}/static-ips`);
    expect(ips.body.staticIps).toEqual([{ appId: app.appId, primaryIp: yourIp, secondaryIp: null, updatedAt: expect.any(String) }]);
    expect(Date.parse(ips.body.nextChangeAllowedAt) - Date.parse(ips.body.lastIpChangeAt)).toBe(7 * 24 * 3600_000);
  });

  it('sessions by token id only, filterable by state and paged', async () => {
    const { h, who, tokens } = await busyAccount();
    const all = await h.request('GET', `/__sandbox/accounts/${who.uid}/sessions`);
    expect(all.body.total).toBe(3);
    for (const token of tokens) expect(JSON.stringify(all.body)).not.toContain(token);
    expect(all.body.sessions.map((s: { state: string }) => s.state).sort()).toEqual(['active', 'active', 'revoked']);
    const revoked = await h.request('GET', `/__sandbox/accounts/${who.uid}/sessions?state=revoked`);
    expect(revoked.body.sessions).toMatchObject([{ state: 'revoked', revokedReason: 'logout' }]);
    const page = await h.request('GET', `/__sandbox/accounts/${who.uid}/sessions?limit=1&offset=1`);
    expect(page.body).toMatchObject({ total: 3, offset: 1, limit: 1 });
    expect(page.body.sessions).toHaveLength(1);
    h.clock.advance(2 * 24 * 3600_000);
    expect((await h.request('GET', `/__sandbox/accounts/${who.uid}/sessions?state=expired`)).body.total).toBe(2);
  });

  it('orders with their fills, filterable by status and symbol; positions', async () => {
    const { h, who, orderNumber } = await busyAccount();
    const orders = await h.request('GET', `/__sandbox/accounts/${who.uid}/orders`);
    expect(orders.body.total).toBe(2);
    const infy = await h.request('GET', `/__sandbox/accounts/${who.uid}/orders?symbolName=INFY`);
    expect(infy.body.orders).toMatchObject([{ orderNumber, status: 'OPEN', filledQuantity: 2, fills: [{ quantity: 2, price: 1500 }] }]);
    expect((await h.request('GET', `/__sandbox/accounts/${who.uid}/orders?status=COMPLETE`)).body.total).toBe(0);
    const positions = await h.request('GET', `/__sandbox/accounts/${who.uid}/positions?positionType=DAY`);
    expect(positions.body.positions).toMatchObject([{ symbolName: 'INFY', productType: 'MIS', netQuantity: 2, positionType: 'DAY' }]);
  });

  it('OAuth grants by session_id, never the code or the tokens', async () => {
    const { h, who, apiKey, apiSecret, yourIp } = await busyAccount();
    const cb = 'https://example.com/cb';
    const consent = await h.request('POST', '/oauth/authenticate', { body: { api_key: apiKey, redirect_url: cb, api_secret: apiSecret, state: 's' } });
    const code = new URL(consent.body.data.redirectTo).searchParams.get('code')!;
    const token = await h.request('POST', '/oauth/token', { body: { grant_type: 'authorization_code', code } });
    expect(token.body.data.srcIp).toBe(yourIp);
    const grants = await h.request('GET', `/__sandbox/accounts/${who.uid}/grants`);
    expect(grants.body.grants).toMatchObject([{ id: token.body.data.session_id, state: 'active', codeUsedAt: expect.any(String) }]);
    const text = JSON.stringify(grants.body);
    for (const secret of [code, token.body.data.access_token, token.body.data.refresh_token]) expect(text).not.toContain(secret);
  });

  it('refuses an unknown account and a bad page', async () => {
    const { h } = await busyAccount();
    expect((await h.request('GET', '/__sandbox/accounts/ZZ9999/orders')).body.statusMessage).toBe('Invalid user id.');
    expect((await h.request('GET', '/__sandbox/accounts/AB1234/orders?limit=0')).status).toBe(400);
  });
});
